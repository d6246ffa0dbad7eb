package org.tillwatch.bot.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Inline buttons under a message, row by row; each button sends its callback data back to the bot. */
public record Keyboard(List<List<Button>> rows) {
    public static final Keyboard NONE = new Keyboard(List.of());

    public Keyboard {
        rows = rows.stream().filter(r -> !r.isEmpty()).map(List::copyOf).toList();
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    /** @param data at most 64 bytes, Telegram's limit */
    public record Button(String text, String data) {
        public Button {
            if (text == null || text.isBlank()) throw new IllegalArgumentException("button text");
            if (data == null || data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64) {
                throw new IllegalArgumentException("callback data must be 1..64 bytes: " + data);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<List<Button>> rows = new ArrayList<>();

        public Builder row(Button... buttons) {
            rows.add(List.of(buttons));
            return this;
        }

        public Builder row(List<Button> buttons) {
            rows.add(List.copyOf(buttons));
            return this;
        }

        public Keyboard build() {
            return new Keyboard(rows);
        }
    }
}
