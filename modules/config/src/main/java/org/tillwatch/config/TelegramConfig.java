package org.tillwatch.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The Telegram bot: off unless {@code enabled}. The bot token is never configuration: it comes from the environment
 * variable {@code TILLWATCH_TELEGRAM_TOKEN} or from {@code token-file}.
 *
 * @param apiUrl       Telegram Bot API base URL (scheme, host, port only); a local Bot API server or a test stand-in
 * @param tokenFile    a file holding the bot token, or null for the environment variable
 * @param users        Telegram user ids allowed to talk to the bot
 * @param chats        group chat ids (negative) whose members may use the bot there
 * @param language     the reply language of a chat until it picks one with /lang: ru, en or both (Russian first)
 * @param incidentPoll how often a standalone bot asks the collector for incident changes
 */
public record TelegramConfig(boolean enabled, String apiUrl, Path tokenFile, List<Long> users, List<Long> chats,
                             String language, Duration incidentPoll) {
    public static final String DEFAULT_API = "https://api.telegram.org";
    public static final Set<String> LANGUAGES = Set.of("ru", "en", "both");

    public TelegramConfig {
        Checks checks = new Checks("telegram");
        if (checks.present(apiUrl, "api-url")) {
            String problem = apiProblem(apiUrl);
            if (problem != null) checks.fail("api-url", problem);
        }
        if (checks.present(users, "users")) {
            for (int i = 0; i < users.size(); i++) {
                if (users.get(i) == null || users.get(i) <= 0) checks.fail("users[" + i + "]", "a user id is a positive number, got " + users.get(i));
            }
        }
        if (checks.present(chats, "chats")) {
            for (int i = 0; i < chats.size(); i++) {
                if (chats.get(i) == null || chats.get(i) == 0) checks.fail("chats[" + i + "]", "a chat id is a non-zero number, got " + chats.get(i));
            }
        }
        if (enabled && users != null && chats != null && users.isEmpty() && chats.isEmpty()) {
            checks.fail("users", "list at least one Telegram user id (or a group in chats) when the bot is enabled: nobody could use it");
        }
        if (checks.present(language, "language") && !LANGUAGES.contains(language)) {
            checks.fail("language", "must be ru, en or both, got '" + language + "'");
        }
        checks.durationRange(incidentPoll, Duration.ofMillis(100), Duration.ofMinutes(10), "incident-poll");
        checks.done();
        users = List.copyOf(users);
        chats = List.copyOf(chats);
        tokenFile = tokenFile == null ? null : tokenFile.toAbsolutePath().normalize();
        apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    static TelegramConfig defaults() {
        return new TelegramConfig(false, DEFAULT_API, null, List.of(), List.of(), "both", Duration.ofSeconds(10));
    }

    /** The API URL as a URI: scheme http or https, a host, maybe a port. */
    public URI api() {
        return URI.create(apiUrl);
    }

    public TelegramConfig withApiUrl(String url) {
        return new TelegramConfig(enabled, url, tokenFile, users, chats, language, incidentPoll);
    }

    public TelegramConfig withTokenFile(Path file) {
        return new TelegramConfig(enabled, apiUrl, file, users, chats, language, incidentPoll);
    }

    public TelegramConfig withEnabled(boolean on) {
        return new TelegramConfig(on, apiUrl, tokenFile, users, chats, language, incidentPoll);
    }

    private static String apiProblem(String url) {
        try {
            URI u = new URI(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) return "must be an http or https URL, got '" + url + "'";
            if (u.getHost() == null) return "must name a host, got '" + url + "'";
            if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) {
                return "must be scheme, host and port only (the library adds /bot<token>/<method>), got '" + url + "'";
            }
            return null;
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getReason() + ", got '" + url + "'";
        }
    }
}
