package org.tillwatch.orchestrator.ticket;

/** A ticket that cannot be taken: the message says which field is wrong and what is expected. */
public final class TicketException extends IllegalArgumentException {
    private final String field;

    public TicketException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
