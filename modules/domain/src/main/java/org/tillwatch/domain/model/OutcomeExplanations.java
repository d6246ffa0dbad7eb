package org.tillwatch.domain.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.tillwatch.domain.model.OutcomeExplanation.Category;
import org.tillwatch.domain.model.OutcomeExplanation.Text;

/**
 * The error dictionary: plain-words explanations of every loyalty outcome and of the registers' tags, in Russian and
 * English, for call-center operators (what happened, what to tell the customer, whether to escalate and to whom) and
 * on-call staff (what to check). The texts live in the data file {@code outcome-explanations.properties} next to
 * this class ({@link DictionaryFile}); whether an outcome is critical comes from {@link ErrorCode} and
 * {@link Outcome}, never restated there.
 */
public final class OutcomeExplanations {
    private static final Pattern HTTP_NAME = Pattern.compile("(?i)HTTP_(-?\\d{1,9})");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+");
    private static final int MAX_RAW_SHOWN = 40;

    private static final DictionaryFile FILE = DictionaryFile.load();
    /** Said for every critical outcome: not the customer's fault, how to check, how points get restored. */
    static final Text CUSTOMER_NOT_AT_FAULT = FILE.shared("customer-not-at-fault");

    private static final List<OutcomeExplanation> ALL;
    private static final Map<String, OutcomeExplanation> BY_NAME = new HashMap<>();
    private static final Map<String, OutcomeExplanation> BY_LOWER_NAME = new HashMap<>();

    static {
        List<OutcomeExplanation> all = new ArrayList<>();
        for (String name : FILE.outcomes()) {
            Outcome o = outcome(name);
            all.add(FILE.entry(name, o.name(), o.code(), o.critical(), Map.of()));
        }
        ALL = List.copyOf(all);
        for (OutcomeExplanation e : ALL) {
            if (BY_NAME.put(e.outcome(), e) != null) throw new IllegalStateException("duplicate outcome " + e.outcome());
            BY_LOWER_NAME.put(e.outcome().toLowerCase(Locale.ROOT), e);
        }
    }

    private OutcomeExplanations() {
    }

    /** The outcome a dictionary name stands for, as the parser builds it. */
    private static Outcome outcome(String name) {
        var http = HTTP_NAME.matcher(name);
        if (http.matches()) return Outcome.http(Integer.parseInt(http.group(1)));
        return switch (name) {
            case Outcome.UNKNOWN -> new Outcome(Outcome.UNKNOWN, null, Outcome.Kind.UNKNOWN_CODE, true);
            case "TIMEOUT" -> Outcome.TIMEOUT;
            case "CONNECTION" -> Outcome.CONNECTION;
            case "TRANSPORT" -> Outcome.TRANSPORT;
            case "NO_RESPONSE" -> Outcome.NO_RESPONSE;
            default -> {
                ErrorCode c = ErrorCode.byName(name).orElseThrow(() ->
                        new IllegalStateException("outcome-explanations.properties lists '" + name + "', which is no outcome of the spec"));
                yield new Outcome(c.displayName(), c.code(), Outcome.Kind.PROCESSING, c.critical());
            }
        };
    }

    /**
     * The explanation for an outcome name as the spec writes it ({@code CardBlocked}, {@code HTTP_502} ...). Never
     * {@code null}: any {@code HTTP_<status>} gets a gateway-error explanation naming the status; a processing code
     * given as a number gets its entry, or the Unknown one naming the code; anything else gets an "unknown outcome"
     * explanation naming the raw value. All the fallbacks are critical, as {@link Outcome} treats them.
     */
    public static OutcomeExplanation of(String outcomeName) {
        if (outcomeName == null || outcomeName.isBlank()) return unknownName(null);
        String name = outcomeName.strip();
        OutcomeExplanation e = BY_NAME.get(name);
        if (e == null) e = BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT));
        if (e != null) return e;
        var http = HTTP_NAME.matcher(name);
        if (http.matches()) return httpStatus(Integer.parseInt(http.group(1)));
        if (NUMBER.matcher(name).matches()) {
            try {
                int code = Integer.parseInt(name);
                return ErrorCode.of(code).map(OutcomeExplanations::of).orElseGet(() -> unknownCode(code));
            } catch (NumberFormatException tooLong) {
                return unknownName(name);
            }
        }
        return unknownName(name);
    }

    /** The explanation for an outcome; an unknown processing code or an unlisted HTTP status is named in the texts. */
    public static OutcomeExplanation of(Outcome outcome) {
        if (outcome == null) return unknownName(null);
        if (outcome.kind() == Outcome.Kind.HTTP && outcome.code() != null) return httpStatus(outcome.code());
        if (outcome.kind() == Outcome.Kind.UNKNOWN_CODE) {
            return outcome.code() == null ? BY_NAME.get(Outcome.UNKNOWN) : unknownCode(outcome.code());
        }
        return of(outcome.name());
    }

    /** The explanation for a processing error code. */
    public static OutcomeExplanation of(ErrorCode code) {
        return BY_NAME.get(code.displayName());
    }

    /**
     * Every outcome, in the spec's table order: the error codes from {@code Ok} to {@code DiscountException},
     * {@code Unknown}, then {@code TIMEOUT}, {@code CONNECTION}, {@code TRANSPORT}, {@code HTTP_401} ...
     * {@code HTTP_504}, and {@code NO_RESPONSE}.
     */
    public static List<OutcomeExplanation> all() {
        return ALL;
    }

    /** The spec's tags, in its table order, each explained in Russian and English. */
    public static Map<String, Text> tags() {
        return FILE.tags();
    }

    /** A category's name in Russian and English. */
    public static Text categoryName(Category category) {
        return FILE.categoryName(category);
    }

    /** Whether {@code name} is listed in the dictionary (as opposed to explained by a fallback). */
    public static boolean listed(String name) {
        return name != null && BY_NAME.containsKey(name.strip());
    }

    private static OutcomeExplanation httpStatus(int status) {
        OutcomeExplanation listed = BY_NAME.get("HTTP_" + status);
        if (listed != null) return listed;
        Outcome o = Outcome.http(status);
        return FILE.entry("fallback.http", o.name(), status, o.critical(), Map.of("status", String.valueOf(status)));
    }

    private static OutcomeExplanation unknownCode(Integer code) {
        return FILE.entry("fallback.code", Outcome.UNKNOWN, code, Outcome.ofErrorCode(-1).critical(),
                Map.of("code", String.valueOf(code)));
    }

    private static OutcomeExplanation unknownName(String raw) {
        return FILE.entry("fallback.name", Outcome.UNKNOWN, null, true, Map.of("raw", raw == null ? "" : shown(raw)));
    }

    /** The raw value as it may be shown: no control characters, not too long. */
    private static String shown(String raw) {
        String clean = raw.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_RAW_SHOWN ? clean : clean.substring(0, MAX_RAW_SHOWN) + "…";
    }
}
