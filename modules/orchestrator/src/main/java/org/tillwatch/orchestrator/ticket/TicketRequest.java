package org.tillwatch.orchestrator.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.tillwatch.domain.parse.PanMasker;

/**
 * A ticket as it arrives from the CRM. {@code card} is the loyalty card in clear: it lives only in memory and is
 * hashed before anything is stored. {@code receipt} is a full transaction id (store/register/shift/receipt/date) or
 * the receipt number printed on the receipt. Card-like numbers (13-19 digits) in {@code text} are masked on arrival. {@code from}/{@code to} are ISO-8601 instants or store-local times.
 */
public record TicketRequest(String id, Instant created, String channel, String card, String store, String register,
                            String receipt, LocalDate date, String from, String to, String topic, String text,
                            String language) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern CARD = Pattern.compile("\\d{8,24}");
    private static final Pattern STORE = Pattern.compile("[0-9A-Z]{4}");
    private static final Pattern REGISTER = Pattern.compile("POS\\d{2}");
    private static final Pattern RECEIPT = Pattern.compile("\\d{1,10}|[0-9A-Z]{4}/POS\\d{2}/\\d{1,10}/\\d{1,10}/\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_TEXT = 4000;
    /** 13-19 digits, as typed: in one run or in groups split by a space or a dash. */
    private static final Pattern TYPED_CARD = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

    public TicketRequest {
        check("id", id != null && ID.matcher(id).matches(), "id is required: 1-64 of A-Z a-z 0-9 . _ : -");
        check("created", created != null, "created is required: an ISO-8601 instant, e.g. 2026-11-20T15:04:00Z");
        check("channel", channel != null && WORD.matcher(channel).matches(), "channel is required: a lowercase word such as phone, email, chat, app");
        check("topic", topic != null && WORD.matcher(topic).matches(), "topic is required: the CRM topic as a lowercase word such as points_missing");
        check("card", card == null || CARD.matcher(card).matches(), "card must be the loyalty card number, 8 to 24 digits");
        check("store", store == null || STORE.matcher(store).matches(), "store must be a 4-character store code (0-9, A-Z)");
        check("register", register == null || REGISTER.matcher(register).matches(), "register must be POS plus two digits");
        check("receipt", receipt == null || RECEIPT.matcher(receipt).matches(), "receipt must be a receipt number or a transaction id store/register/shift/receipt/date");
        check("card", card != null || store != null || (receipt != null && receipt.contains("/")),
                "a ticket needs a customer card, a store, or a full transaction id to find its purchases");
        check("text", text == null || text.length() <= MAX_TEXT, "text is limited to " + MAX_TEXT + " characters");
        check("language", language == null || language.equals("ru") || language.equals("en"), "language must be ru or en");
        if (language == null) language = "ru";
        // customers type their card numbers into the text: a full PAN must not reach the ticket store or any screen
        if (text != null) text = maskCards(text);
        if (from != null) parseTime(from, "from");
        if (to != null) parseTime(to, "to");
        check("from", !isLocal(from) && !isLocal(to) || store != null, "a store-local from/to needs the store (or give ...Z instants)");
    }

    private static String maskCards(String text) {
        return TYPED_CARD.matcher(text).replaceAll(m -> PanMasker.mask(m.group().replaceAll("[ -]", "")));
    }

    private static void check(String field, boolean ok, String message) {
        if (!ok) throw new TicketException(field, field + ": " + message);
    }

    public static boolean isLocal(String time) {
        return time != null && !time.endsWith("Z") && !time.matches(".*[+-]\\d\\d:\\d\\d$");
    }

    /** An instant ("...Z" or with an offset) or a local date-time; anything else is a {@link TicketException}. */
    public static Object parseTime(String value, String field) {
        try {
            return isLocal(value) ? LocalDateTime.parse(value) : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TicketException(field, field + ": must be ISO-8601, e.g. 2026-11-20T13:00 (store time) or 2026-11-20T10:00:00Z, got '" + value + "'");
        }
    }

    /** Reads the CRM's JSON (snake_case); unknown keys are ignored. */
    public static TicketRequest fromJson(JsonNode n) {
        if (n == null || !n.isObject()) throw new TicketException("body", "a ticket must be a JSON object");
        Instant created;
        String c = text(n, "created");
        try {
            created = c == null ? null : OffsetDateTime.parse(c).toInstant();
        } catch (DateTimeParseException e) {
            throw new TicketException("created", "created: must be an ISO-8601 instant such as 2026-11-20T15:04:00Z, got '" + c + "'");
        }
        LocalDate date;
        String d = text(n, "date");
        try {
            date = d == null ? null : LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            throw new TicketException("date", "date: must be YYYY-MM-DD, got '" + d + "'");
        }
        return new TicketRequest(text(n, "id"), created, text(n, "channel"), text(n, "card"), text(n, "store"),
                text(n, "register"), text(n, "receipt"), date, text(n, "from"), text(n, "to"), text(n, "topic"),
                text(n, "text"), text(n, "language"));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return null;
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }
}
