package org.tillwatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.tillwatch.bot.BotToken;
import org.tillwatch.bot.TelegramBot;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.InvalidConfigException;
import org.tillwatch.config.TelegramConfig;

/** The Telegram bot's settings as {@code serve} and {@code bot} take them: the config section, flags, secrets. */
final class TelegramSetup {
    private TelegramSetup() {
    }

    /** Thrown with every problem found; the commands print them and exit 2. */
    static final class Invalid extends Exception {
        final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = problems;
        }
    }

    /** The section with the flags laid over it, enabled when {@code enable}, validated. */
    static TelegramConfig telegram(CollectorConfig cfg, String api, Path tokenFile, boolean enable) throws Invalid {
        try {
            TelegramConfig t = cfg.telegram();
            if (api != null) t = t.withApiUrl(api);
            if (tokenFile != null) t = t.withTokenFile(tokenFile);
            if (enable) t = t.withEnabled(true);
            return t;
        } catch (InvalidConfigException e) {
            throw new Invalid(e.problems());
        }
    }

    static String token(TelegramConfig t, Map<String, String> env) throws Invalid, IOException {
        try {
            return BotToken.resolve(env, t.tokenFile());
        } catch (IllegalArgumentException e) {
            throw new Invalid(List.of(e.getMessage()));
        }
    }

    static String apiToken(Map<String, String> env, Path file) throws Invalid, IOException {
        try {
            return BotToken.apiToken(env, file);
        } catch (IllegalArgumentException e) {
            throw new Invalid(List.of(e.getMessage()));
        }
    }

    static TelegramBot start(TelegramConfig t, String token, URI server, String apiToken, Path state) throws IOException {
        return TelegramBot.start(new TelegramBot.Options(t, token, server, apiToken, state, false, Clock.systemUTC()));
    }

    static int usage(PrintWriter err, String command, List<String> problems) {
        err.println("tillwatch " + command + ": invalid configuration / ошибка в настройках:");
        for (String p : problems) err.println("  " + p);
        err.flush();
        return 2;
    }
}
