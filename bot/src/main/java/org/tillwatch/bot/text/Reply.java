package org.tillwatch.bot.text;

import java.util.Objects;

/** A message ready to send: HTML text and its buttons. */
public record Reply(String html, Keyboard keyboard) {
    /** Telegram's limit on a message's text. */
    public static final int MAX_CHARS = 4096;

    public Reply {
        Objects.requireNonNull(html, "html");
        keyboard = keyboard == null ? Keyboard.NONE : keyboard;
        if (html.length() > MAX_CHARS) html = html.substring(0, MAX_CHARS - 2) + "…";
    }

    public static Reply of(String html) {
        return new Reply(html, Keyboard.NONE);
    }
}
