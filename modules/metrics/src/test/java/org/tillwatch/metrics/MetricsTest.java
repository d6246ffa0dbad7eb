package org.tillwatch.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {
    @Test
    void scrapesTheClassicTextFormatWithJvmAndProcessMeters() {
        try (Metrics metrics = new Metrics()) {
            String text = metrics.scrape();
            assertThat(metrics.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            // The registry's default scrape is the same format: the same metadata lines (JVM ones may come and go).
            assertThat(text.lines().filter(l -> l.startsWith("# TYPE tillwatch_")))
                    .isNotEmpty()
                    .containsExactlyElementsOf(metrics.registry().scrape().lines().filter(l -> l.startsWith("# TYPE tillwatch_")).toList());
            assertThat(text).doesNotContain("# EOF"); // OpenMetrics would end so
            assertThat(text).contains("# TYPE jvm_memory_used_bytes gauge", "# TYPE jvm_threads_live_threads gauge",
                    "# TYPE process_uptime_seconds gauge", "# TYPE process_cpu_seconds_total counter",
                    "# TYPE system_cpu_processors gauge", "# TYPE tillwatch_ingested_bytes_total counter");
            assertThat(text).doesNotContain("process_cpu_time_ns_total", "system_cpu_count ");
        }
    }

    @Test
    void bindersShareTheRegistry() {
        try (Metrics metrics = new Metrics()) {
            metrics.transactions().record(Receipts.receipt("37S0", org.tillwatch.domain.model.ReceiptStatus.OK));
            metrics.ingest().malformed("37S0");
            Exposition e = Exposition.parse(metrics.scrape());
            assertThat(e.value("tillwatch_receipts_total", "store", "37S0", "status", "OK")).isEqualTo(1.0);
            assertThat(e.value("tillwatch_malformed_lines_total", "store", "37S0")).isEqualTo(1.0);
        }
    }

    @Test
    void registeredStoresHaveTheirInfoAndZeroLoyaltyCountersBeforeAnyReceipt() {
        var registry = org.tillwatch.domain.model.StoreRegistry.parse("""
                code,name,format,region,timezone,opens,closes
                URMY,Pyaterochka №100,PYATEROCHKA,Moscow,Europe/Moscow,07:00,23:00
                """, java.time.ZoneId.of("Europe/Moscow"));
        try (Metrics metrics = new Metrics()) {
            metrics.registerStores(registry.stores().values());
            Exposition e = Exposition.parse(metrics.scrape());
            assertThat(e.value("tillwatch_store_info", "store", "URMY", "region", "Moscow", "format", "PYATEROCHKA")).isEqualTo(1.0);
            assertThat(e.value("tillwatch_loyalty_transactions_total", "store", "URMY", "result", "ok")).isZero();
            assertThat(e.value("tillwatch_loyalty_transactions_total", "store", "URMY", "result", "failed")).isZero();
            assertThat(e.named("tillwatch_receipts_total")).isEmpty();
        }
    }
}
