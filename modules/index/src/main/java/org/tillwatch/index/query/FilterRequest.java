package org.tillwatch.index.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.RegisterKey;

/**
 * A filter as a person or a client writes it: times as store-local text or instants, the card number itself, the
 * total in currency. The CLI resolves it against a data directory, the collector against its registry and card key,
 * so both modes read the same words the same way. {@link #resolve} throws {@link IllegalArgumentException} with a
 * reason a person can act on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterRequest(String store, String register, String from, String to, String card, List<String> status,
                            String outcome, String tag, @JsonProperty("has_promo") Boolean hasPromo,
                            @JsonProperty("min_total") String minTotal, List<String> ids) {

    public ReceiptFilter resolve(Function<String, ZoneId> zoneOfStore, Function<String, String> cardHash) {
        if (store != null && !RegisterKey.isStoreCode(store)) throw new IllegalArgumentException("store must be a 4-character store code, got '" + store + "'");
        if (register != null && !RegisterKey.isRegisterName(register)) throw new IllegalArgumentException("register must be POS plus two digits (POS01), got '" + register + "'");
        if (card != null && !card.matches("\\d{6,32}")) throw new IllegalArgumentException("card must be the loyalty card's digits");
        if (ids != null) for (String id : ids) validId(id);
        ZoneId zone = zoneOfStore.apply(store);
        Set<ReceiptStatus> statuses = EnumSet.noneOf(ReceiptStatus.class);
        if (status != null) {
            for (String s : status) {
                try {
                    statuses.add(ReceiptStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("status must be OK, CANCELLED or INCOMPLETE, got '" + s + "'");
                }
            }
        }
        return new ReceiptFilter(store, register, time(from, zone, "from", false), time(to, zone, "to", true),
                card == null ? null : cardHash.apply(card), statuses, blankToNull(outcome), blankToNull(tag), hasPromo,
                minTotal == null ? null : cents(minTotal), ids);
    }

    /**
     * {@code 2026-11-20T13:00} (store-local), {@code 2026-11-20T10:00:00Z} or with an offset (an instant), or a date
     * alone: the start of that store-local day, or for an upper bound its end.
     */
    public static Instant time(String value, ZoneId zone, String name, boolean upper) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        try {
            if (v.endsWith("Z") || v.endsWith("z") || v.matches(".*T.*[+-]\\d\\d:\\d\\d$")) return OffsetDateTime.parse(v.toUpperCase(Locale.ROOT)).toInstant();
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (upper ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a store-local time (2026-11-20T13:00), a date (2026-11-20) "
                    + "or an instant (2026-11-20T10:00:00Z), got '" + value + "'");
        }
    }

    public static String validId(String id) {
        if (id == null || !id.matches("[0-9A-Z]{4}/POS\\d{2}/[^/\\s]+/[^/\\s]+/\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("a receipt id is store/register/shift/receipt/date (URMY/POS01/164/32/2026-11-20), got '" + id + "'");
        }
        return id;
    }

    private static long cents(String amount) {
        try {
            BigDecimal d = new BigDecimal(amount.trim());
            if (d.signum() < 0) throw new NumberFormatException();
            return d.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("min total must be an amount like 100 or 99.90, got '" + amount + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
