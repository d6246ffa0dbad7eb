package org.tillwatch.bot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** The bot's Telegram token: environment first, then a file; never configuration, never logged. */
public final class BotToken {
    public static final String ENV = "TILLWATCH_TELEGRAM_TOKEN";
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{20,100}");

    private BotToken() {
    }

    /** @throws IllegalArgumentException saying where the token was looked for, or what is wrong with it (not the token) */
    public static String resolve(Map<String, String> env, Path file) throws IOException {
        String token = env.get(ENV);
        String from = ENV;
        if (token == null || token.isBlank()) {
            if (file == null) throw new IllegalArgumentException("no Telegram bot token: set " + ENV + " or telegram.token-file (a file holding the token BotFather gave)");
            try {
                token = Files.readString(file);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("Telegram bot token file not found: " + file);
            }
            from = file.toString();
        }
        token = token.strip();
        if (!FORM.matcher(token).matches()) throw new IllegalArgumentException("the Telegram bot token in " + from + " does not look like <digits>:<secret> (as BotFather gives it)");
        return token;
    }

    /** The collector's API token: {@code TILLWATCH_TOKEN}, else a file, else none. */
    public static String apiToken(Map<String, String> env, Path file) throws IOException {
        if (file != null) {
            try {
                return Files.readString(file).strip();
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("API token file not found: " + file);
            }
        }
        String t = env.get("TILLWATCH_TOKEN");
        return t == null || t.isBlank() ? null : t.strip();
    }
}
