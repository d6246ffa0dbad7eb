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
 */
public record OutcomeExplanation(String outcome, Integer code, boolean critical,
        Text title, Text meaning, Text tellCustomer, Text support) {

    public OutcomeExplanation {
        if (outcome == null || outcome.isBlank()) throw new IllegalArgumentException("outcome must not be blank");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(tellCustomer, "tellCustomer");
        Objects.requireNonNull(support, "support");
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
