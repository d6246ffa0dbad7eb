package org.tillwatch.bot.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's limits as the bot keeps them: at most one message per chat per {@code perChatMillis}, and at most
 * {@code globalPerSecond} messages in any second overall. Times are the caller's clock, in milliseconds.
 */
final class RateLimiter {
    private final long perChatMillis;
    private final int globalPerSecond;
    private final Map<Long, Long> lastByChat = new HashMap<>();
    private final ArrayDeque<Long> recent = new ArrayDeque<>();

    RateLimiter(long perChatMillis, int globalPerSecond) {
        if (perChatMillis < 0 || globalPerSecond < 1) throw new IllegalArgumentException("limits");
        this.perChatMillis = perChatMillis;
        this.globalPerSecond = globalPerSecond;
    }

    /** Milliseconds until anything may be sent (0: now). */
    long globalWait(long now) {
        while (!recent.isEmpty() && recent.peekFirst() <= now - 1000) recent.pollFirst();
        return recent.size() < globalPerSecond ? 0 : recent.peekFirst() + 1000 - now;
    }

    /** Milliseconds until this chat may get a message (0: now). */
    long chatWait(long chat, long now) {
        Long last = lastByChat.get(chat);
        return last == null ? 0 : Math.max(0, last + perChatMillis - now);
    }

    void record(long chat, long now) {
        lastByChat.put(chat, now);
        recent.addLast(now);
    }
}
