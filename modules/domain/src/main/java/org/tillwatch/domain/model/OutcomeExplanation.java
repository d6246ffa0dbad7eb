package org.tillwatch.domain.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A plain-words explanation of one loyalty outcome, in Russian and English, for call-center operators
 * (Parser UI) and on-call staff (Telegram bot). See {@link OutcomeExplanations} for the catalogue.
 *
 * @param outcome      the spec's outcome name: {@code Ok}, {@code CardBlocked}, {@code TIMEOUT}, {@code HTTP_502},
 *                     {@code NO_RESPONSE}, {@code Unknown} ...
 * @param code         the processing code or the HTTP status where there is one, {@code null} otherwise
 * @param critical     whether the loyalty service itself failed (agrees with {@link Outcome#critical()})
 * @param title        a short name: "Карта заблокирована" / "Card blocked"
 * @param meaning      one or two sentences: what happened
 * @param tellCustomer what the operator tells the customer
 * @param support      what IT support or on-call staff should do or check
 * @param category     what kind of problem it is, for operators
 * @param escalation   whether to escalate, and to which support line
 */
public record OutcomeExplanation(String outcome, Integer code, boolean critical,
        Text title, Text meaning, Text tellCustomer, Text support, Category category, Escalation escalation) {

    public OutcomeExplanation {
        if (outcome == null || outcome.isBlank()) throw new IllegalArgumentException("outcome must not be blank");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(tellCustomer, "tellCustomer");
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(escalation, "escalation");
    }

    /** An explanation without category or escalation (unknown category, no escalation). */
    public OutcomeExplanation(String outcome, Integer code, boolean critical,
                              Text title, Text meaning, Text tellCustomer, Text support) {
        this(outcome, code, critical, title, meaning, tellCustomer, support, Category.UNKNOWN, Escalation.NONE);
    }

    /** The operators' categories of the error dictionary. */
    public enum Category {
        OK("ok"), SERVICE("service"), CARD("card"), POINTS("points"), CASHIER("cashier"),
        RECEIPT_CHANGED("receipt-changed"), UNKNOWN("unknown");

        private final String id;

        Category(String id) {
            this.id = id;
        }

        /** The name used in the dictionary file: {@code service}, {@code receipt-changed} ... */
        public String id() {
            return id;
        }

        public static Category ofId(String id) {
            for (Category c : values()) {
                if (c.id.equals(id)) return c;
            }
            throw new IllegalArgumentException("unknown category '" + id + "'");
        }
    }

    /**
     * Whether to escalate and to whom.
     *
     * @param line     the support line's id ({@code store-it}, {@code loyalty}, {@code processing}), {@code null}: none
     * @param lineName the line's name in Russian and English, {@code null} when there is no escalation
     */
    public record Escalation(String line, Text lineName) {
        public static final Escalation NONE = new Escalation(null, null);

        public Escalation {
            if ((line == null) != (lineName == null)) throw new IllegalArgumentException("a line needs its name, and only a line");
        }

        public boolean escalate() {
            return line != null;
        }
    }

    /** One text in Russian (shown first) and English; both non-blank. */
    public record Text(String ru, String en) {
        public Text {
            if (ru == null || ru.isBlank()) throw new IllegalArgumentException("ru text must not be blank");
            if (en == null || en.isBlank()) throw new IllegalArgumentException("en text must not be blank");
        }

        /** The Russian text for a Russian locale, the English one otherwise. */
        public String in(Locale locale) {
            return locale != null && "ru".equals(locale.getLanguage()) ? ru : en;
        }
    }
}
