package org.tillwatch.collector;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.live.ReceiptFact;

import static org.assertj.core.api.Assertions.assertThat;

/** A collector restarted on the same data directory keeps its incidents and delivers what was not delivered, once. */
class AlertRestartTest {
    static final class Channel implements Notifier {
        final List<String> got = new CopyOnWriteArrayList<>();
        volatile boolean down;

        @Override
        public String name() {
            return "bot";
        }

        @Override
        public void deliver(IncidentNotice n) {
            if (down) throw new IllegalStateException("bot is down");
            got.add(n.type() + " " + n.incident().id());
        }
    }

    @Test
    void incidentsAndTheOutboxSurviveARestart(@TempDir Path tmp) throws Exception {
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1");
        cfg = cfg.withAlerting(cfg.alerting().withPending(Duration.ZERO, Duration.ofMinutes(5)));
        Map<String, String> env = Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff");
        Channel first = new Channel();
        first.down = true;
        String id;
        try (Collector c = Collector.start(cfg, env)) {
            c.alerts().addNotifier(first);
            for (int m = 0; m < 6; m++) {
                boolean failed = m >= 3;
                c.alerts().receipt(new ReceiptFact("S001", "POS01", Instant.parse("2026-11-20T10:0" + m + ":00Z"), true, true,
                        failed, failed ? List.of("TIMEOUT") : List.of(), failed ? List.of(true) : List.of()));
            }
            id = c.alerts().incidents("open", null, null).getFirst().id();
        }
        Channel second = new Channel();
        try (Collector c = Collector.start(cfg, env)) {
            Incident i = c.alerts().incident(id);
            assertThat(i.open()).isTrue();
            assertThat(i.started()).isEqualTo("2026-11-20T10:05:00Z");
            c.alerts().addNotifier(second);
            assertThat(c.alerts().awaitDelivered(Duration.ofSeconds(10))).isTrue();
            assertThat(second.got).containsExactly("OPENED " + id);
        }
        Channel third = new Channel();
        try (Collector c = Collector.start(cfg, env)) {
            c.alerts().addNotifier(third);
            Thread.sleep(500);
            assertThat(third.got).isEmpty(); // delivered before the restart: not again
            assertThat(c.alerts().incidents("all", null, null)).hasSize(1);
        }
    }
}
