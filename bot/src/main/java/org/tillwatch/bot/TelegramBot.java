package org.tillwatch.bot;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.bot.api.CollectorApi;
import org.tillwatch.bot.push.IncidentPoller;
import org.tillwatch.bot.push.PushCards;
import org.tillwatch.bot.push.TelegramNotifier;
import org.tillwatch.bot.state.BotState;
import org.tillwatch.bot.telegram.BotApiGateway;
import org.tillwatch.bot.telegram.BotHealth;
import org.tillwatch.bot.telegram.Outbox;
import org.tillwatch.bot.telegram.Outgoing;
import org.tillwatch.bot.telegram.TelegramFailure;
import org.tillwatch.bot.text.Commands;
import org.tillwatch.bot.text.Lang;
import org.tillwatch.config.TelegramConfig;

/**
 * The running bot: long polling for commands and buttons, the outbox, the notifier, and (standalone) the incident
 * poller. Starting never fails because Telegram is away: registration and the command menu are retried with backoff.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TelegramBot.class.getName());
    /** How long one getUpdates waits at Telegram for news. */
    static final int LONG_POLL_SECONDS = 30;

    /**
     * @param server        the collector's base URL
     * @param apiToken      the collector API's bearer token, or null
     * @param stateDir      where subscriptions, cards and undelivered pushes are kept
     * @param pollIncidents standalone: derive notices by polling the collector (in serve the alert engine calls the notifier)
     */
    public record Options(TelegramConfig config, String botToken, URI server, String apiToken, Path stateDir,
                          boolean pollIncidents, Clock clock) {
        public Options {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(botToken, "botToken");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(stateDir, "stateDir");
            clock = clock == null ? Clock.systemUTC() : clock;
        }
    }

    private final BotHealth health;
    private final BotState state;
    private final Outbox outbox;
    private final TelegramNotifier notifier;
    private final UpdateHandler updates;
    private final IncidentPoller poller;
    private final TelegramBotsLongPollingApplication polling;
    private final ScheduledExecutorService starter;

    private TelegramBot(Options o) throws IOException {
        Clock clock = o.clock();
        TelegramConfig cfg = o.config();
        Lang fallback = Lang.parse(cfg.language());
        health = new BotHealth(clock);
        state = BotState.open(o.stateDir());
        LongFunction<Lang> language = chat -> state.language(chat).map(Lang::parse).orElse(fallback);
        CollectorApi api = new CollectorApi(o.server(), o.apiToken(), Duration.ofSeconds(10), health);
        TelegramUrl url = BotApiGateway.url(cfg.api());
        BotApiGateway gateway = new BotApiGateway(o.botToken(), url);
        outbox = new Outbox(gateway, clock, 1000, 30, health, new PushCards(state, language),
                pushes -> state.pending(pushes.stream().map(p -> new BotState.PendingPush(p.chat(), p.notice())).toList()),
                chat -> {
                    LOG.warning("chat " + chat + " refuses the bot: unsubscribed");
                    state.unsubscribe(chat);
                });
        for (BotState.PendingPush p : state.pending()) outbox.enqueue(new Outgoing.Push(p.chat(), p.notice()));
        outbox.start();
        notifier = new TelegramNotifier(state, outbox);
        updates = new UpdateHandler(new Access(cfg.users(), cfg.chats()), new Conversation(api, state, health, language), outbox, gateway);
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(),
                Executors::newSingleThreadScheduledExecutor, () -> new ReportingBackOff(health));
        starter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-start");
            t.setDaemon(true);
            return t;
        });
        starter.execute(new Starter(o.botToken(), url, gateway));
        poller = o.pollIncidents() ? new IncidentPoller(api, state, notifier, cfg.incidentPoll(), clock).start() : null;
    }

    public static TelegramBot start(Options options) throws IOException {
        return new TelegramBot(options);
    }

    /** The channel to give the alert engine ({@code collector.alerts().addNotifier(...)}). */
    public Notifier notifier() {
        return notifier;
    }

    public BotHealth health() {
        return health;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Registers long polling and the command menu, retrying with backoff while Telegram does not answer. */
    private final class Starter implements Runnable {
        private final String token;
        private final TelegramUrl url;
        private final BotApiGateway gateway;
        private boolean registered;
        private boolean commands;
        private long delay = 1000;

        Starter(String token, TelegramUrl url, BotApiGateway gateway) {
            this.token = token;
            this.url = url;
            this.gateway = gateway;
        }

        @Override
        public void run() {
            try {
                if (!registered) {
                    try {
                        polling.registerBot(token, () -> url, last -> GetUpdates.builder().offset(last + 1).limit(100).timeout(LONG_POLL_SECONDS)
                                .allowedUpdates(List.of("message", "callback_query")).build(), updates);
                    } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException | RuntimeException e) {
                        unregister(); // a session that failed to start stays registered in the library
                        throw e;
                    }
                    registered = true;
                }
                if (!commands) {
                    gateway.setCommands(Commands.ALL);
                    commands = true;
                }
                health.telegramOk();
                LOG.info("Telegram bot polling " + url.getSchema() + "://" + url.getHost() + ":" + url.getPort());
            } catch (TelegramFailure | org.telegram.telegrambots.meta.exceptions.TelegramApiException | RuntimeException e) {
                health.telegramFailed("start: " + e.getMessage());
                delay = Math.min(delay * 2, 60_000);
                if (!starter.isShutdown()) starter.schedule(this, delay, TimeUnit.MILLISECONDS);
            }
        }

        private void unregister() {
            try {
                polling.unregisterBot(token);
            } catch (Exception e) {
                LOG.log(Level.FINE, "unregister", e);
            }
        }
    }

    /**
     * Backoff between failed getUpdates: 0.5 s doubling up to 30 s (so commands work again soon after Telegram is
     * back), telling the health that Telegram is down.
     */
    private static final class ReportingBackOff implements BackOff {
        private final BotHealth health;
        private long next = 500;
        private boolean failing;

        ReportingBackOff(BotHealth health) {
            this.health = health;
        }

        @Override
        public synchronized void reset() {
            next = 500;
            if (failing) health.telegramOk();
            failing = false;
        }

        @Override
        public synchronized long nextBackOffMillis() {
            failing = true;
            health.telegramFailed("getUpdates failing");
            long now = next;
            next = Math.min(next * 2, 30_000);
            return now;
        }
    }

    @Override
    public void close() {
        starter.shutdownNow();
        if (poller != null) poller.close();
        try {
            polling.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "polling close", e);
        }
        updates.close();
        outbox.close();
    }
}
