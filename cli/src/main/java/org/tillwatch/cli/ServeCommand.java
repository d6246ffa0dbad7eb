package org.tillwatch.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.tillwatch.bot.TelegramBot;
import org.tillwatch.bot.push.LateNotifier;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.ConfigException;
import org.tillwatch.config.InvalidConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the collector: tail a log root and take pushed logs, index them, serve the API, health and metrics.",
                "Запустить коллектор: читать логи касс (файлы и HTTP), индексировать, отдавать API, здоровье и метрики.",
                "Settings: --config FILE (YAML/JSON), then TILLWATCH_<SECTION>_<KEY> environment variables, then these flags."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (.yaml, .yml or .json).")
    Path config;

    @Option(names = "--logs", paramLabel = "DIR", description = "Log root to tail: <store>/<register>/pos.log and rotated files.")
    Path logs;

    @Option(names = "--stores", paramLabel = "FILE", description = "Stores registry CSV (code,name,format,region,timezone,opens,closes).")
    Path stores;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (index, checkpoints, spool); the CLI reads the same layout.")
    Path data;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (0: any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on.")
    String host;

    @Option(names = "--telegram-api", paramLabel = "URL", description = "Telegram Bot API base URL for the bot (telegram.api-url).")
    String telegramApi;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "SMTP relay for alert emails (overrides alerting.smtp-host/-port).")
    String smtp;

    @Option(names = "--hotline", paramLabel = "ADDRESS", description = "Hot-line email address(es), comma-separated (overrides alerting.hotline).")
    String hotline;

    @Option(names = "--print-config", description = "Print the effective configuration and exit.")
    boolean printConfig;

    private org.tillwatch.config.AlertingConfig alerting(org.tillwatch.config.AlertingConfig a) {
        if (hotline != null) a = a.withHotline(hotline);
        if (smtp != null) {
            int colon = smtp.lastIndexOf(':');
            int p;
            try {
                p = colon < 1 ? -1 : Integer.parseInt(smtp.substring(colon + 1));
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--smtp must be HOST:PORT (port 1-65535), got '" + smtp + "'");
            }
            a = a.withSmtp(smtp.substring(0, colon), p);
        }
        return a;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CollectorConfig cfg;
        try {
            cfg = CollectorConfig.load(config, System.getenv());
            if (logs != null) cfg = cfg.withLogsRoot(logs);
            if (stores != null) cfg = cfg.withStoresRegistry(stores);
            if (data != null) cfg = cfg.withDataDir(data);
            if (port != null) cfg = cfg.withPort(port);
            if (host != null) cfg = cfg.withHost(host);
            if (smtp != null || hotline != null) cfg = cfg.withAlerting(alerting(cfg.alerting()));
            if (telegramApi != null) cfg = cfg.withTelegram(TelegramSetup.telegram(cfg, telegramApi, null, false));
        } catch (TelegramSetup.Invalid e) {
            return TelegramSetup.usage(err, "serve", e.problems);
        } catch (ConfigException | InvalidConfigException e) {
            err.println("tillwatch serve: invalid configuration / ошибка в настройках:");
            for (String p : e instanceof ConfigException c ? c.problems() : ((InvalidConfigException) e).problems()) err.println("  " + p);
            err.flush();
            return 2;
        }
        if (printConfig) {
            out.print(cfg.describe());
            out.flush();
            return 0;
        }
        String botToken = null;
        String apiToken = null;
        if (cfg.telegram().enabled()) {
            try {
                botToken = TelegramSetup.token(cfg.telegram(), System.getenv());
                apiToken = TelegramSetup.apiToken(System.getenv(), null);
            } catch (TelegramSetup.Invalid e) {
                return TelegramSetup.usage(err, "serve", e.problems);
            }
        }
        LateNotifier channel = new LateNotifier();
        List<org.tillwatch.alerting.Notifier> channels = botToken == null ? List.of() : List.of(channel);
        org.tillwatch.collector.Serving collector = cfg.cluster().distributed()
                ? org.tillwatch.collector.cluster.DistributedCollector.start(cfg, System.getenv(), channels)
                : Collector.start(cfg, System.getenv(), channels);
        TelegramBot bot = null;
        if (botToken != null) {
            String h = cfg.server().host().equals("0.0.0.0") || cfg.server().host().equals("::") ? "127.0.0.1" : cfg.server().host();
            bot = TelegramSetup.start(cfg.telegram(), botToken, URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + collector.port()),
                    apiToken, cfg.data().dir().resolve("telegram"));
            channel.attach(bot.notifier());
            out.printf("tillwatch bot: Telegram %s, %d users, %d group chats%n", cfg.telegram().apiUrl(), cfg.telegram().users().size(),
                    cfg.telegram().chats().size());
        }
        TelegramBot telegram = bot;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (telegram != null) telegram.close();
                System.out.println("tillwatch collector stopping: draining and committing / коллектор останавливается");
                System.out.flush();
                collector.close();
                System.out.println("tillwatch collector stopped: ingestion drained and committed / коллектор остановлен");
                System.out.flush();
            } catch (Throwable e) {
                System.err.println("tillwatch serve: shutdown: " + e);
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "shutdown"));
        out.printf("tillwatch collector listening on http://%s:%d/ (data %s, logs %s)%n", cfg.server().host(), collector.port(),
                cfg.data().dir(), cfg.cluster().distributed() ? "distributed: Kafka " + cfg.cluster().kafkaBootstrap()
                        : cfg.logs().root() == null ? "push only" : cfg.logs().root());
        out.flush();
        stopped.await();
        return 0;
    }
}
