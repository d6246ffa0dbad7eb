package org.tillwatch.metrics;

import org.tillwatch.domain.model.ErrorCode;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.RegisterKey;

import java.util.HashSet;
import java.util.Set;

/** Label values with bounded cardinality: whatever a log says, only a fixed set of values reaches a series. */
final class Labels {
    /** The value anything outside a label's fixed set is folded into. */
    static final String OTHER = "other";
    static final String NONE = "none";

    private static final Set<String> OUTCOME_NAMES = outcomeNames();

    private Labels() {
    }

    /** A store code; identity comes from paths and push URLs, already validated, so anything else is a bug. */
    static String store(String store) {
        if (!RegisterKey.isStoreCode(store)) {
            throw new IllegalArgumentException("store code must be 4 characters [0-9A-Z], got: " + store);
        }
        return store;
    }

    /** Outcome name of the spec's tables; {@code HTTP_<status>} only for 3-digit statuses. */
    static String outcomeCode(Outcome outcome) {
        String name = outcome.name();
        if (OUTCOME_NAMES.contains(name) || isHttp(name)) return name;
        return OTHER;
    }

    static String tender(String tender) {
        if (tender == null) return OTHER;
        return switch (tender) {
            case "CASH", "BANK_CARD", "X5_CARD", "BONUS" -> tender;
            default -> OTHER;
        };
    }

    /** ISO 8583 response code: two characters [0-9A-Z]; a payment without one is {@code none}. */
    static String responseCode(String rc) {
        if (rc == null) return NONE;
        return rc.length() == 2 && isCodeChar(rc.charAt(0)) && isCodeChar(rc.charAt(1)) ? rc : OTHER;
    }

    private static boolean isHttp(String name) {
        return name.length() == 8 && name.startsWith("HTTP_")
                && name.charAt(5) >= '1' && name.charAt(5) <= '9' && isDigit(name.charAt(6)) && isDigit(name.charAt(7));
    }

    private static boolean isCodeChar(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Set<String> outcomeNames() {
        Set<String> names = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) names.add(c.displayName());
        names.add(Outcome.UNKNOWN);
        for (Outcome o : new Outcome[] {Outcome.TIMEOUT, Outcome.CONNECTION, Outcome.TRANSPORT, Outcome.NO_RESPONSE}) {
            names.add(o.name());
        }
        return Set.copyOf(names);
    }
}
