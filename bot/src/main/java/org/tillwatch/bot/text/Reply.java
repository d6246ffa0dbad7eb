package org.tillwatch.bot.text;

import java.util.Objects;

/** A message ready to send: HTML text and its buttons. */
public record Reply(String html, Keyboard keyboard) {
    /** Telegram's limit on a message's text. */
    public static final int MAX_CHARS = 4096;

    public Reply {
        Objects.requireNonNull(html, "html");
        keyboard = keyboard == null ? Keyboard.NONE : keyboard;
        if (html.length() > MAX_CHARS) {
            // Tags never span lines here, so cutting at a line keeps the HTML valid.
            int cut = html.lastIndexOf('\n', MAX_CHARS - 2);
            html = html.substring(0, cut > 0 ? cut : MAX_CHARS - 2) + "\n…";
        }
    }

    public static Reply of(String html) {
        return new Reply(html, Keyboard.NONE);
    }
}
