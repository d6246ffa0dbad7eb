package org.tillwatch.orchestrator.ticket;

import java.util.Objects;

/** A text to the customer, Russian first; {@code language} is the one the ticket asked for. */
public record Reply(String ru, String en, String language) {
    public Reply {
        Objects.requireNonNull(ru, "ru");
        Objects.requireNonNull(en, "en");
    }

    public String text() {
        return "en".equals(language) ? en : ru;
    }
}
