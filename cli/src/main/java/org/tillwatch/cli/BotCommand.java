package org.tillwatch.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.tillwatch.bot.TelegramBot;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.ConfigException;
import org.tillwatch.config.InvalidConfigException;
import org.tillwatch.config.TelegramConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bot", mixinStandardHelpOptions = true,
        description = {"Run the Telegram bot against a collector: commands, buttons and incident pushes (long polling, no webhook).",
                "Запустить Telegram-бота для коллектора: команды, кнопки и оповещения об инцидентах.",
                "Settings: the telegram section of --config FILE and TILLWATCH_TELEGRAM_* variables, then these flags.",
                "The bot token comes from TILLWATCH_TELEGRAM_TOKEN or telegram.token-file, never from the command line."})
final class BotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL", converter = ReplayCommand.ServerUrl.class,
            description = "Collector base URL, e.g. http://collector:8080.")
    URI server;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (.yaml, .yml or .json); its telegram section is used.")
    Path config;

    @Option(names = "--telegram-api", paramLabel = "URL", description = "Telegram Bot API base URL (default https://api.telegram.org; a local Bot API server or a test stand-in).")
    String telegramApi;

    @Option(names = "--telegram-token-file", paramLabel = "FILE", description = "File holding the bot token (else TILLWATCH_TELEGRAM_TOKEN).")
    Path telegramTokenFile;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the collector API token (else TILLWATCH_TOKEN).")
    Path tokenFile;

    @Option(names = "--state", paramLabel = "DIR", description = "Where subscriptions and undelivered pushes are kept (default <data.dir>/telegram).")
    Path state;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        TelegramConfig t;
        String token;
        String apiToken;
        Path stateDir;
        try {
            CollectorConfig cfg = CollectorConfig.load(config, env);
            t = TelegramSetup.telegram(cfg, telegramApi, telegramTokenFile, true);
            token = TelegramSetup.token(t, env);
            apiToken = TelegramSetup.apiToken(env, tokenFile);
            stateDir = state != null ? state : cfg.data().dir().resolve("telegram");
        } catch (ConfigException e) {
            return TelegramSetup.usage(err, "bot", e.problems());
        } catch (InvalidConfigException e) {
            return TelegramSetup.usage(err, "bot", e.problems());
        } catch (TelegramSetup.Invalid e) {
            return TelegramSetup.usage(err, "bot", e.problems);
        }
        TelegramBot bot = TelegramBot.start(new TelegramBot.Options(t, token, server, apiToken, stateDir, true, Clock.systemUTC()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            stopped.countDown();
        }, "shutdown"));
        out.printf("tillwatch bot: Telegram %s, collector %s, %d users, %d group chats, state %s%n", t.apiUrl(), server,
                t.users().size(), t.chats().size(), stateDir);
        out.flush();
        stopped.await();
        return 0;
    }
}
