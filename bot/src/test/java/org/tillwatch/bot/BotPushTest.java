package org.tillwatch.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.TelegramConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident pushes as in {@code tillwatch serve} with the bot enabled: the bot's notifier registered with a real
 * collector's alert engine, the sample fleet arriving, the pushed card's acknowledge button pressed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotPushTest {
    static final String TOKEN = BotCommandsTest.TOKEN;
    static final long ANNA = 111;
    static final Duration WAIT = Duration.ofSeconds(60);

    Collector collector;
    FakeTelegram telegram;
    TelegramBot bot;
    final List<IncidentNotice> notices = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        collector = Collector.start(FleetCollector.config(tmp.resolve("data")).withLogsRoot(logs),
                Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"));
        telegram = new FakeTelegram(TOKEN);
        TelegramConfig cfg = new TelegramConfig(true, telegram.url(), null, List.of(ANNA), List.of(), "both", Duration.ofSeconds(1));
        bot = TelegramBot.start(new TelegramBot.Options(cfg, TOKEN, URI.create("http://127.0.0.1:" + collector.port()), null,
                tmp.resolve("bot"), false, Clock.systemUTC()));
        collector.alerts().addNotifier(new Notifier() {
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
        int mark = telegram.mark();
        telegram.type(ANNA, "anna", ANNA, "/subscribe");
        telegram.await("sendMessage", c -> c.text().contains("Incidents will be pushed"), mark, WAIT);
        copy(FleetCollector.fleet().resolve("logs"), logs); // the collector finds the registers on its next rescan
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(target);
                    else Files.copy(f, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (bot != null) bot.close();
        if (telegram != null) telegram.close();
        if (collector != null) collector.close();
    }

    @Test
    void aPushedIncidentIsAcknowledgedFromItsButtonAndTheCardSaysWho() throws Exception {
        FakeTelegram.Call card = telegram.await("sendMessage",
                c -> c.chat() == ANNA && BotCommandsTest.buttons(c).stream().anyMatch(b -> b.startsWith("ack:")), 0, WAIT);
        assertThat(card.text()).contains("Новый инцидент", "New incident");
        assertThat(BotCommandsTest.buttons(card)).contains("sil:1h:" + ackId(card), "sil:4h:" + ackId(card));
        String id = ackId(card);

        int mark = telegram.mark();
        String cb = telegram.press(ANNA, "anna", ANNA, card.messageId(), "ack:" + id);
        FakeTelegram.Call toast = telegram.await("answerCallbackQuery", c -> c.params().path("callback_query_id").asText().equals(cb), mark, WAIT);
        assertThat(toast.params().path("text").asText()).contains("@anna");
        FakeTelegram.Call edited = telegram.await("editMessageText", c -> c.messageId() == card.messageId(), mark, WAIT);
        assertThat(edited.text()).contains("Принял: @anna (telegram 111)", "Acknowledged by @anna (telegram 111)");
        assertThat(BotCommandsTest.buttons(edited)).doesNotContain("ack:" + id);

        JsonNode incident = FleetCollector.get(collector, "/api/v1/incidents/" + id);
        assertThat(incident.get("acknowledged_by").asText()).isEqualTo("@anna (telegram 111)");
        // The fleet replays a day in seconds: the incident may already be over, and its card then has no buttons.
        if (incident.get("state").asText().equals("acknowledged")) assertThat(BotCommandsTest.buttons(edited)).contains("sil:1h:" + id);
        else assertThat(incident.get("state").asText()).isEqualTo("resolved");
    }

    @Test
    void everyNoticeReachesTheChatWithinTheRateLimitAndBurstsAreCoalesced() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        // The fleet is a whole day: wait until the engine has said everything and the outbox is empty.
        while (System.nanoTime() < deadline && (notices.size() < 3 || !collector.alerts().awaitDelivered(Duration.ofSeconds(1))
                || bot.outbox().size() > 0 || quietFor() < 3000)) Thread.sleep(200);
        assertThat(notices).isNotEmpty();
        Set<String> ids = new TreeSet<>();
        notices.forEach(n -> ids.add(n.incident().id()));
        List<FakeTelegram.Call> toAnna = new ArrayList<>();
        for (FakeTelegram.Call c : telegram.calls()) {
            if ((c.method().equals("sendmessage") || c.method().equals("editmessagetext")) && c.chat() == ANNA && !c.text().contains("Incidents will be pushed")) toAnna.add(c);
        }
        String all = String.join("\n", toAnna.stream().map(FakeTelegram.Call::text).toList());
        for (String id : ids) assertThat(all).as("incident " + id + " reached the chat").contains(id);
        long sends = toAnna.stream().filter(c -> c.method().equals("sendmessage")).count();
        assertThat(sends).as("%d notices in %d messages", notices.size(), sends).isLessThanOrEqualTo(notices.size());
        for (int i = 1; i < toAnna.size(); i++) {
            long gap = (toAnna.get(i).nanos() - toAnna.get(i - 1).nanos()) / 1_000_000;
            assertThat(gap).as("gap before message %d to one chat", i).isGreaterThanOrEqualTo(950);
        }
        JsonNode open = FleetCollector.get(collector, "/api/v1/incidents?state=all");
        assertThat(open.get("incidents").size()).isEqualTo(ids.size());
    }

    private long quietFor() {
        List<FakeTelegram.Call> calls = telegram.calls();
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (!calls.get(i).method().equals("getupdates")) return (System.nanoTime() - calls.get(i).nanos()) / 1_000_000;
        }
        return Long.MAX_VALUE;
    }

    static String ackId(FakeTelegram.Call c) {
        return BotCommandsTest.buttons(c).stream().filter(b -> b.startsWith("ack:")).findFirst().orElseThrow().substring(4);
    }
}
