package org.tillwatch.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final IngestMetrics metrics = new IngestMetrics(registry);

    private Exposition scrape() {
        return Exposition.parse(registry.scrape());
    }

    @Test
    void countsMalformedLinesByStoreAndBytesByInputOnly() {
        metrics.malformed("37S0");
        metrics.malformed("37S0");
        metrics.malformed("AX1B");
        metrics.bytes("37S0", "tail", 1000);
        metrics.bytes("AX1B", "tail", 24);
        metrics.bytes("AX1B", "push", 512);

        Exposition e = scrape();
        assertThat(e.value("tillwatch_malformed_lines_total", "store", "37S0")).isEqualTo(2.0);
        assertThat(e.value("tillwatch_malformed_lines_total", "store", "AX1B")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_ingested_bytes_total", "input", "tail")).isEqualTo(1024.0);
        assertThat(e.value("tillwatch_ingested_bytes_total", "input", "push")).isEqualTo(512.0);
        assertThat(e.named("tillwatch_ingested_bytes_total")).hasSize(2);
    }

    @Test
    void bothInputsExistBeforeAnyByte() {
        Exposition e = scrape();
        assertThat(e.value("tillwatch_ingested_bytes_total", "input", "tail")).isEqualTo(0.0);
        assertThat(e.value("tillwatch_ingested_bytes_total", "input", "push")).isEqualTo(0.0);
    }

    @Test
    void gaugesReadTheirSuppliersAtScrapeTime() {
        double[] lag = {Double.NaN};
        AtomicLong backlog = new AtomicLong();
        metrics.bindLag(() -> lag[0]);
        metrics.bindQueue("push_backlog_bytes", backlog::get);
        metrics.bindQueue("registers_pending", () -> 7);
        metrics.bindIndexDocuments(() -> 123_456);
        metrics.bindLastCommit(() -> 1_795_000_000.5);

        Exposition before = scrape();
        assertThat(before.value("tillwatch_ingest_lag_seconds")).isNaN();

        lag[0] = 4.25;
        backlog.set(65_536);
        Exposition e = scrape();
        assertThat(e.value("tillwatch_ingest_lag_seconds")).isEqualTo(4.25);
        assertThat(e.value("tillwatch_queue_depth", "queue", "push_backlog_bytes")).isEqualTo(65_536.0);
        assertThat(e.value("tillwatch_queue_depth", "queue", "registers_pending")).isEqualTo(7.0);
        assertThat(e.value("tillwatch_index_documents")).isEqualTo(123_456.0);
        assertThat(e.value("tillwatch_last_commit_timestamp_seconds")).isEqualTo(1_795_000_000.5);
    }

    @Test
    void rejectsWiringMistakes() {
        assertThatThrownBy(() -> metrics.bytes("37S0", "ftp", 1)).hasMessageContaining("input");
        assertThatThrownBy(() -> metrics.bytes("37S0", "tail", -1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> metrics.malformed("POS01")).hasMessageContaining("store code");
        assertThatThrownBy(() -> metrics.malformed(null)).hasMessageContaining("store code");
        assertThatThrownBy(() -> metrics.bindQueue("Registers Pending", () -> 0)).hasMessageContaining("queue name");
        metrics.bindQueue("registers_pending", () -> 1);
        assertThatThrownBy(() -> metrics.bindQueue("registers_pending", () -> 2)).isInstanceOf(IllegalStateException.class);
        metrics.bindLag(() -> 0);
        assertThatThrownBy(() -> metrics.bindLag(() -> 1)).isInstanceOf(IllegalStateException.class);
    }
}
