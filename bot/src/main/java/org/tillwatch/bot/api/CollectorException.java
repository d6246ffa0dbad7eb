package org.tillwatch.bot.api;

/** The collector did not answer ({@link #unreachable()}) or refused the request with a reason. */
public final class CollectorException extends Exception {
    private final int status;

    public CollectorException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status, 0 when the collector could not be reached. */
    public int status() {
        return status;
    }

    /** Down, timing out or failing inside (5xx): worth retrying later, and the bot is degraded meanwhile. */
    public boolean unreachable() {
        return status == 0 || status >= 500;
    }
}
