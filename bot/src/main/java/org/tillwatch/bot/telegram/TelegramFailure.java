package org.tillwatch.bot.telegram;

/** A Bot API call that failed: worth retrying later (network, 5xx, 429) or not (400, 403). */
public final class TelegramFailure extends Exception {
    private final boolean permanent;
    private final int code;
    private final long retryAfterMillis;

    public TelegramFailure(String message, boolean permanent, int code, long retryAfterMillis, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.code = code;
        this.retryAfterMillis = retryAfterMillis;
    }

    public boolean permanent() {
        return permanent;
    }

    /** Telegram's error code, 0 when it did not answer. */
    public int code() {
        return code;
    }

    /** Telegram's retry_after for 429, else 0. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
