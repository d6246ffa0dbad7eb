package org.tillwatch.bot;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.TelegramConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** Telegram or the collector away: the bot says so in /status, keeps the pushes, and carries on when they are back. */
class BotResilienceTest {
    static final String TOKEN = Stand.TOKEN;
    static final long ANNA = 111;
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void collectorAwayThenBackAndTelegramAwayThenBack(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FakeTelegram telegram = new FakeTelegram(TOKEN);
             TelegramBot bot = TelegramBot.start(new TelegramBot.Options(new TelegramConfig(true, telegram.url(), null, List.of(ANNA),
                     List.of(), "both", Duration.ofSeconds(1)), TOKEN, URI.create("http://127.0.0.1:" + port), null, tmp.resolve("bot"), false,
                     Clock.systemUTC()))) {
            // No collector on the port: /status says so, with the degraded state.
            int mark = telegram.mark();
            telegram.type(ANNA, "anna", ANNA, "/status");
            String down = telegram.await("sendMessage", c -> c.chat() == ANNA, mark, WAIT).text();
            assertThat(down).contains("Коллектор недоступен", "The collector is unreachable", "Бот работает с перебоями", "unreachable");
            assertThat(bot.health().degraded()).isTrue();

            // The collector comes up on that port: the next /status is whole again.
            CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(port).withHost("127.0.0.1");
            try (Collector collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
                assertThat(collector.port()).isEqualTo(port);
                mark = telegram.mark();
                telegram.type(ANNA, "anna", ANNA, "/status");
                String up = telegram.await("sendMessage", c -> c.chat() == ANNA, mark, WAIT).text();
                assertThat(up).contains("Loyalty: chain", "Open incidents: 0").doesNotContain("degraded");

                mark = telegram.mark();
                telegram.type(ANNA, "anna", ANNA, "/subscribe");
                telegram.await("sendMessage", c -> c.text().contains("Incidents will be pushed"), mark, WAIT);

                // Telegram goes away while three incidents open: nothing is lost, the bot says it is degraded meanwhile.
                telegram.down(true);
                for (int i = 1; i <= 3; i++) bot.notifier().deliver(notice("inc-" + i, "S00" + i));
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!bot.health().degraded() && System.nanoTime() < deadline) Thread.sleep(50);
                assertThat(bot.health().problems()).anySatisfy(p -> assertThat(p).startsWith("Telegram API:"));
                Thread.sleep(2500); // a few failed tries with backoff
                assertThat(bot.outbox().size()).isPositive();
                mark = telegram.mark();
                telegram.down(false);
                StringBuilder pushed = new StringBuilder();
                deadline = System.nanoTime() + WAIT.toNanos();
                while (System.nanoTime() < deadline && !(pushed.toString().contains("inc-1") && pushed.toString().contains("inc-2")
                        && pushed.toString().contains("inc-3"))) {
                    pushed.setLength(0);
                    int from = mark;
                    telegram.calls().subList(from, telegram.mark()).stream().filter(c -> c.method().equals("sendmessage") && c.chat() == ANNA)
                            .forEach(c -> pushed.append(c.text()).append('\n'));
                    Thread.sleep(100);
                }
                assertThat(pushed.toString()).contains("inc-1", "inc-2", "inc-3");
                deadline = System.nanoTime() + WAIT.toNanos();
                while (bot.health().degraded() && System.nanoTime() < deadline) Thread.sleep(50);
                assertThat(bot.health().problems()).isEmpty();
            }
        }
    }

    static IncidentNotice notice(String id, String store) {
        Incident i = new Incident(id, "store_availability", store, List.of(store), Incident.Severity.CRITICAL,
                Instant.parse("2026-11-20T11:00:00Z"), null, Incident.IncidentState.OPEN, null, new Incident.Impact(20, 9),
                "Магазин " + store + ": сбои лояльности / Store " + store + ": loyalty failing");
        return new IncidentNotice(1, IncidentNotice.Type.OPENED, i, null, Instant.now());
    }
}
