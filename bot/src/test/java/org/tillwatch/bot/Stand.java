package org.tillwatch.bot;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.bot.push.LateNotifier;
import org.tillwatch.bot.state.BotState;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.TelegramConfig;

/**
 * One stand for the bot's end-to-end tests, started once per test JVM (reading the fleet is the slow part): a real
 * collector with its alert engine, the Telegram stand-in, and the bot as {@code tillwatch serve} runs it, its notifier
 * registered with the engine and a group chat subscribed before the sample fleet's logs appear in the tailed tree.
 */
final class Stand {
    static final String TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-7s";
    static final long ANNA = 111;
    static final long GROUP = -100500;
    static final long PUSH_CHAT = -100777;
    static final long POLLED_CHAT = -100888;
    static final Duration WAIT = Duration.ofSeconds(30);

    private static Stand stand;

    final Path dir;
    final Collector collector;
    final FakeTelegram telegram;
    final TelegramBot bot;
    /** A standalone bot ({@code tillwatch bot --server}): its own Telegram, notices derived by polling the collector. */
    final FakeTelegram telegram2;
    final TelegramBot standalone;
    final List<IncidentNotice> notices = new CopyOnWriteArrayList<>();
    private final FleetFeed feed;
    private final Path logs;
    /** The first incident card pushed, with its acknowledge button. */
    final FakeTelegram.Call openCard;

    private Stand() throws Exception {
        dir = Files.createTempDirectory("tillwatch-bot-test");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        LateNotifier channel = new LateNotifier(); // as serve does: handed to the engine before it starts, attached once the bot runs
        collector = Collector.start(FleetCollector.config(dir.resolve("data")).withLogsRoot(logs),
                Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"), List.of(channel));
        telegram = new FakeTelegram(TOKEN);
        bot = TelegramBot.start(new TelegramBot.Options(config(List.of(ANNA), List.of(GROUP, PUSH_CHAT)), TOKEN, server(), null,
                dir.resolve("bot"), false, Clock.systemUTC()));
        channel.attach(new Notifier() {
            @Override
            public String name() {
                return "telegram";
            }

            @Override
            public void deliver(IncidentNotice notice) throws Exception {
                notices.add(notice);
                bot.notifier().deliver(notice);
            }
        });
        telegram2 = new FakeTelegram(TOKEN);
        BotState.open(dir.resolve("standalone")).subscribe(POLLED_CHAT);
        standalone = TelegramBot.start(new TelegramBot.Options(new TelegramConfig(true, telegram2.url(), null, List.of(ANNA),
                List.of(POLLED_CHAT), "both", Duration.ofMillis(300)), TOKEN, server(), null, dir.resolve("standalone"), true, Clock.systemUTC()));
        int mark = telegram.mark();
        telegram.type(ANNA, "anna", PUSH_CHAT, "/subscribe");
        telegram.await("sendMessage", c -> c.chat() == PUSH_CHAT && c.text().contains("Incidents will be pushed"), mark, WAIT);
        // The day is written an hour at a time up to 11:12 UTC, until the first incident is pushed as a card with its
        // buttons: the chain gateway incident (11:00-11:15) is under way by then. Incidents that open in the same
        // step reach the chat as one digest (no buttons), so the next step's incident is the card.
        List<Instant> cuts = new java.util.ArrayList<>();
        for (int h = 3; h <= 11; h++) cuts.add(Instant.parse("2026-11-20T00:00:00Z").plus(Duration.ofHours(h)));
        cuts.add(Instant.parse("2026-11-20T11:12:00Z"));
        feed = new FleetFeed(FleetCollector.fleet(), cuts);
        this.logs = logs;
        FakeTelegram.Call card = null;
        for (int step = 0; step <= cuts.size() - 1 && card == null; step++) {
            feed.next(logs);
            if (step == 0) Thread.sleep(6000); // the collector finds new registers on its next rescan (every 5 s)
            awaitSettled();
            card = ackCard(Duration.ofSeconds(3));
        }
        openCard = card != null ? card : ackCard(Duration.ofSeconds(90));
        if (openCard == null) throw new AssertionError("no incident was pushed as a card with its buttons");
    }

    private FakeTelegram.Call ackCard(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            for (FakeTelegram.Call c : telegram.calls("sendMessage")) {
                if (c.chat() == PUSH_CHAT && BotCommandsTest.buttons(c).stream().anyMatch(b -> b.startsWith("ack:"))) return c;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Waits until the collector's receipt count has not moved for three seconds (it polls files every second) (at most a minute). */
    private void awaitSettled() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long last = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = FleetCollector.get(collector, "/api/v1/status").path("receipts").asLong();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > TimeUnit.SECONDS.toNanos(3)) {
                return;
            }
            Thread.sleep(200);
        }
    }

    TelegramConfig config(List<Long> users, List<Long> chats) {
        return new TelegramConfig(true, telegram.url(), null, users, chats, "both", Duration.ofMillis(300));
    }

    URI server() {
        return URI.create("http://127.0.0.1:" + collector.port());
    }

    static synchronized Stand get() throws Exception {
        if (stand == null) {
            stand = new Stand();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stand.bot.close();
                stand.standalone.close();
                stand.telegram.close();
                stand.telegram2.close();
                try {
                    stand.collector.close();
                } catch (IOException e) {
                    // the JVM is going
                }
            }));
        }
        return stand;
    }

    /** Waits until the collector has counted every receipt of the fleet and they are searchable. */
    void awaitIngested() throws Exception {
        feed.rest(logs);
        long want = 0;
        JsonNode expected = new ObjectMapper().readTree(FleetCollector.fleet().resolve("expected.json").toFile());
        for (JsonNode s : expected.get("stores")) want += s.get("receipts").asLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (FleetCollector.get(collector, "/api/v1/status").path("receipts").asLong() < want) {
            if (System.nanoTime() > deadline) throw new AssertionError("the collector did not read the fleet in 120 s");
            Thread.sleep(200);
        }
        Thread.sleep(1200); // counted is not yet searchable: the index refreshes every 500 ms
    }
}
