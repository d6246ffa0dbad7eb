package org.tillwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tillwatch.alerting.Fixture.failed;
import static org.tillwatch.alerting.Fixture.ok;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.live.ReceiptFact;

/** Many stores failing at once: one chain incident, the stores folded in; a store still failing after it gets its own. */
class ChainFoldingTest {
    @TempDir
    Path dir;

    @Test
    void aGatewayFailureIsOneChainIncident() throws Exception {
        List<String> stores = List.of("S001", "S002", "S003", "S004", "S005");
        try (AlertEngine e = new AlertEngine(AlertingConfig.defaults(), StoreRegistry.empty(ZoneId.of("UTC")), dir,
                new Fixture.MutableClock(Instant.parse("2026-11-22T10:00:00Z")), new SimpleMeterRegistry(), Duration.ofMillis(10))) {
            e.start();
            // 10:00-10:30 healthy, 10:30-10:45 most requests fail everywhere, S003 keeps failing until 11:00
            for (int s = 0; s < 24 * 60; s += 1) {
                int minute = 9 * 60 + 30 + s / 5 * 1; // a receipt per store every 5 minutes, stores interleaved
                if (minute > 11 * 60 + 40) break;
                String store = stores.get(s % stores.size());
                String at = String.format("2026-11-20T%02d:%02d:%02dZ", minute / 60, minute % 60, (s % 5) * 10);
                boolean gateway = minute >= 10 * 60 + 30 && minute < 10 * 60 + 45;
                boolean outage = store.equals("S003") && minute >= 10 * 60 + 30 && minute < 11 * 60;
                e.receipt(withRegister(gateway || outage ? failed(store, at) : ok(store, at)));
            }
            List<Incident> all = e.incidents("all", null, null);
            assertThat(all).extracting(Incident::kind).containsExactly("chain_availability", "store_availability");
            Incident chain = all.get(0);
            assertThat(chain.stores()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(chain.started()).isBetween(Instant.parse("2026-11-20T10:30:00Z"), Instant.parse("2026-11-20T10:45:00Z"));
            assertThat(chain.resolved()).isBetween(Instant.parse("2026-11-20T10:45:00Z"), Instant.parse("2026-11-20T11:05:00Z"));
            Incident s3 = all.get(1);
            assertThat(s3.scope()).isEqualTo("S003");
            assertThat(s3.resolved()).isBetween(Instant.parse("2026-11-20T11:00:00Z"), Instant.parse("2026-11-20T11:20:00Z"));
        }
    }

    private static ReceiptFact withRegister(ReceiptFact f) {
        return f;
    }
}
