package org.tillwatch.metrics;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.ReceiptStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tillwatch.metrics.Receipts.ok;
import static org.tillwatch.metrics.Receipts.payment;
import static org.tillwatch.metrics.Receipts.receipt;
import static org.tillwatch.metrics.Receipts.request;

class PromtoolTest {
    /** Every tillwatch family populated, plus the JVM and process ones. */
    static String fullScrape(Metrics metrics) {
        TransactionMetrics tx = metrics.transactions();
        tx.record(receipt("37S0", ReceiptStatus.OK, List.of(ok(Operation.CALCULATE),
                request(Operation.CONFIRM, Outcome.TIMEOUT, 15_000L)), List.of(payment("BANK_CARD", "00"))));
        tx.record(receipt("37S0", ReceiptStatus.CANCELLED, List.of(request(Operation.PAYMENT, Outcome.ofErrorCode(11), 80L)),
                List.of(payment("CASH", null))));
        tx.record(receipt("AX1B", ReceiptStatus.INCOMPLETE, ok(Operation.BALANCE)));
        tx.recordRegisterRequest("AX1B", request(Operation.CANCEL, Outcome.http(502), 30L));
        metrics.availability().update(List.of(
                new AvailabilityRow("37S0", "5m", 40, 1, 0.975, 0),
                new AvailabilityRow("AX1B", "5m", 3, 0, null, 1),
                new AvailabilityRow(null, "5m", 43, 1, 43 / 44.0, 1)));
        IngestMetrics ingest = metrics.ingest();
        ingest.malformed("37S0");
        ingest.bytes("37S0", "tail", 4096);
        ingest.bindLag(() -> 2.5);
        ingest.bindQueue("push_backlog_bytes", () -> 0);
        ingest.bindQueue("registers_pending", () -> 3);
        ingest.bindIndexDocuments(() -> 120_000);
        ingest.bindLastCommit(() -> 1.7e9);
        return metrics.scrape();
    }

    static final List<String> FAMILIES = List.of(
            "tillwatch_receipts_total", "tillwatch_loyalty_transactions_total", "tillwatch_loyalty_requests_total",
            "tillwatch_loyalty_critical_errors_total", "tillwatch_loyalty_request_duration_seconds",
            "tillwatch_payments_total", "tillwatch_availability_ratio", "tillwatch_chain_availability_ratio",
            "tillwatch_window_loyalty_transactions", "tillwatch_window_failed_transactions",
            "tillwatch_chain_window_loyalty_transactions", "tillwatch_chain_window_failed_transactions",
            "tillwatch_silent_registers", "tillwatch_chain_silent_registers", "tillwatch_malformed_lines_total",
            "tillwatch_ingested_bytes_total", "tillwatch_ingest_lag_seconds", "tillwatch_queue_depth",
            "tillwatch_index_documents", "tillwatch_last_commit_timestamp_seconds",
            "jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_seconds_total", "process_uptime_seconds",
            "system_cpu_processors");

    @Test
    void fullScrapePassesPromtoolWithoutLintFindings() {
        try (Metrics metrics = new Metrics()) {
            String scrape = fullScrape(metrics);
            scrape = withGcPauses(metrics, scrape);
            for (String family : FAMILIES) assertThat(scrape).contains("# TYPE " + family + " ");
            Promtool.Result r = Promtool.check(scrape);
            assertThat(r.clean()).as("promtool check metrics exited %d:%n%s%nscrape:%n%s", r.exitCode(), r.output(), scrape)
                    .isTrue();
        }
    }

    /** JvmGcMetrics registers its pause timer on the first GC notification, which arrives asynchronously. */
    private static String withGcPauses(Metrics metrics, String scrape) {
        System.gc();
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!scrape.contains("jvm_gc_pause_seconds") && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            scrape = metrics.scrape();
        }
        return scrape;
    }

    @Test
    void promtoolReportsWhatItDislikes() {
        Promtool.Result r = Promtool.check("""
                # HELP tillwatch_bad_requests Requests counted under a counter name without _total
                # TYPE tillwatch_bad_requests counter
                tillwatch_bad_requests 1
                """);
        assertThat(r.clean()).isFalse();
        assertThat(r.output()).contains("tillwatch_bad_requests");
    }

    @Test
    void promtoolRejectsAnUnparsableExposition() {
        Promtool.Result r = Promtool.check("tillwatch_receipts_total{store=\"37S0\" 1\n");
        assertThat(r.exitCode()).isNotZero();
    }
}
