package org.tillwatch.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.Transaction;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.tillwatch.metrics.Receipts.ok;
import static org.tillwatch.metrics.Receipts.payment;
import static org.tillwatch.metrics.Receipts.receipt;
import static org.tillwatch.metrics.Receipts.request;

class TransactionMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TransactionMetrics metrics = new TransactionMetrics(registry);

    private Exposition scrape() {
        return Exposition.parse(registry.scrape());
    }

    @Test
    void countsReceiptsByStoreAndStatus() {
        metrics.record(receipt("37S0", ReceiptStatus.OK));
        metrics.record(receipt("37S0", ReceiptStatus.OK));
        metrics.record(receipt("37S0", ReceiptStatus.CANCELLED));
        metrics.record(receipt("AX1B", ReceiptStatus.INCOMPLETE));

        Exposition e = scrape();
        assertThat(e.value("tillwatch_receipts_total", "store", "37S0", "status", "OK")).isEqualTo(2.0);
        assertThat(e.value("tillwatch_receipts_total", "store", "37S0", "status", "CANCELLED")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_receipts_total", "store", "AX1B", "status", "INCOMPLETE")).isEqualTo(1.0);
        assertThat(e.named("tillwatch_receipts_total")).hasSize(3);
    }

    @Test
    void loyaltyTransactionsAreClosedReceiptsWithRequestsFailedOnACriticalOutcome() {
        metrics.record(receipt("37S0", ReceiptStatus.OK, ok(Operation.CALCULATE), ok(Operation.CONFIRM)));
        metrics.record(receipt("37S0", ReceiptStatus.CANCELLED, ok(Operation.CALCULATE),
                request(Operation.CANCEL, Outcome.ofErrorCode(11), 90L))); // refused, not failed
        metrics.record(receipt("37S0", ReceiptStatus.OK, ok(Operation.CALCULATE),
                request(Operation.CONFIRM, Outcome.NO_RESPONSE, null)));
        metrics.record(receipt("37S0", ReceiptStatus.INCOMPLETE, request(Operation.CALCULATE, Outcome.TIMEOUT, 15_000L)));
        metrics.record(receipt("37S0", ReceiptStatus.OK)); // plain: no loyalty request

        Exposition e = scrape();
        assertThat(e.value("tillwatch_loyalty_transactions_total", "store", "37S0", "result", "ok")).isEqualTo(2.0);
        assertThat(e.value("tillwatch_loyalty_transactions_total", "store", "37S0", "result", "failed")).isEqualTo(1.0);
        assertThat(e.named("tillwatch_loyalty_transactions_total")).hasSize(2);
    }

    @Test
    void requestsByOperationAndClassAndCriticalErrorsByCode() {
        metrics.record(receipt("37S0", ReceiptStatus.OK,
                ok(Operation.CALCULATE),
                request(Operation.CALCULATE, Outcome.ofErrorCode(30), 70L),   // DeviceNotFound: critical
                request(Operation.PAYMENT, Outcome.ofErrorCode(20), 60L),     // NotEnoughMoney: refused
                request(Operation.CONFIRM, Outcome.TIMEOUT, 15_000L),
                request(Operation.CONFIRM, Outcome.http(502), 40L),
                request(Operation.CONFIRM, Outcome.ofErrorCode(77), 50L)));  // Unknown code: critical

        Exposition e = scrape();
        assertThat(e.value("tillwatch_loyalty_requests_total", "store", "37S0", "operation", "CALCULATE", "class", "ok")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_loyalty_requests_total", "store", "37S0", "operation", "CALCULATE", "class", "critical")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_loyalty_requests_total", "store", "37S0", "operation", "PAYMENT", "class", "refused")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_loyalty_requests_total", "store", "37S0", "operation", "CONFIRM", "class", "critical")).isEqualTo(3.0);
        for (String code : List.of("DeviceNotFound", "TIMEOUT", "HTTP_502", "Unknown")) {
            assertThat(e.value("tillwatch_loyalty_critical_errors_total", "store", "37S0", "code", code)).as(code).isEqualTo(1.0);
        }
        assertThat(e.named("tillwatch_loyalty_critical_errors_total")).hasSize(4); // refusals are not errors
    }

    @Test
    void requestsBetweenReceiptsCountWithoutATransaction() {
        metrics.recordRegisterRequest("AX1B", request(Operation.BALANCE, Outcome.CONNECTION, 3000L));

        Exposition e = scrape();
        assertThat(e.value("tillwatch_loyalty_requests_total", "store", "AX1B", "operation", "BALANCE", "class", "critical")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_loyalty_critical_errors_total", "store", "AX1B", "code", "CONNECTION")).isEqualTo(1.0);
        assertThat(e.named("tillwatch_receipts_total")).isEmpty();
        assertThat(e.named("tillwatch_loyalty_transactions_total")).isEmpty();
        assertThatThrownBy(() -> metrics.recordRegisterRequest("37s0", ok(Operation.BALANCE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store code");
        assertThatThrownBy(() -> metrics.recordRegisterRequest(null, ok(Operation.BALANCE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store code");
    }

    @Test
    void latencyIsAClassicHistogramInSecondsByOperation() {
        metrics.record(receipt("37S0", ReceiptStatus.OK,
                request(Operation.CALCULATE, Outcome.OK, 120L),
                request(Operation.CALCULATE, Outcome.OK, 50L),
                request(Operation.CONFIRM, Outcome.TIMEOUT, 45_000L),
                request(Operation.CONFIRM, Outcome.NO_RESPONSE, null)));

        String text = registry.scrape();
        assertThat(text).contains("# TYPE tillwatch_loyalty_request_duration_seconds histogram");
        Exposition e = scrape();
        String bucket = "tillwatch_loyalty_request_duration_seconds_bucket";
        assertThat(e.value(bucket, "operation", "CALCULATE", "le", "0.05")).isEqualTo(1.0);
        assertThat(e.value(bucket, "operation", "CALCULATE", "le", "0.1")).isEqualTo(1.0);
        assertThat(e.value(bucket, "operation", "CALCULATE", "le", "0.2")).isEqualTo(2.0);
        assertThat(e.value(bucket, "operation", "CALCULATE", "le", "+Inf")).isEqualTo(2.0);
        assertThat(e.value("tillwatch_loyalty_request_duration_seconds_sum", "operation", "CALCULATE")).isCloseTo(0.17, within(1e-9));
        assertThat(e.value("tillwatch_loyalty_request_duration_seconds_count", "operation", "CALCULATE")).isEqualTo(2.0);
        // Beyond the last bucket, and a request without latency is not observed.
        assertThat(e.value(bucket, "operation", "CONFIRM", "le", "30.0")).isEqualTo(0.0);
        assertThat(e.value("tillwatch_loyalty_request_duration_seconds_count", "operation", "CONFIRM")).isEqualTo(1.0);
        assertThat(e.named(bucket).stream().filter(s -> s.labels().get("operation").equals("CALCULATE")))
                .hasSize(TransactionMetrics.LATENCY_BUCKETS.length + 1);
    }

    @Test
    void paymentsByTenderAndResponseCode() {
        metrics.record(receipt("37S0", ReceiptStatus.OK, List.of(), List.of(
                payment("BANK_CARD", "00"), payment("BANK_CARD", "05"), payment("BANK_CARD", "00"),
                payment("CASH", null), payment("X5_CARD", "Z3"), payment("BONUS", "00"),
                payment("GIFT_CARD", "00"), payment(null, "00"), payment("BANK_CARD", "0x"))));

        Exposition e = scrape();
        assertThat(e.value("tillwatch_payments_total", "store", "37S0", "tender", "BANK_CARD", "rc", "00")).isEqualTo(2.0);
        assertThat(e.value("tillwatch_payments_total", "store", "37S0", "tender", "BANK_CARD", "rc", "05")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_payments_total", "store", "37S0", "tender", "BANK_CARD", "rc", "other")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_payments_total", "store", "37S0", "tender", "CASH", "rc", "none")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_payments_total", "store", "37S0", "tender", "X5_CARD", "rc", "Z3")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_payments_total", "store", "37S0", "tender", "BONUS", "rc", "00")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_payments_total", "store", "37S0", "tender", "other", "rc", "00")).isEqualTo(2.0);
    }

    @Test
    void paymentAmountsByTenderAndResponseCode() {
        metrics.record(receipt("37S0", ReceiptStatus.OK, List.of(), List.of(
                payment("X5_CARD", "00", "100.50"), payment("X5_CARD", "00", "20.25"), payment("X5_CARD", "51", "999.99"),
                payment("CASH", null, null))));

        Exposition e = scrape();
        String amount = "tillwatch_payments_amount_rubles_total";
        assertThat(e.value(amount, "store", "37S0", "tender", "X5_CARD", "rc", "00")).isCloseTo(120.75, within(1e-9));
        assertThat(e.value(amount, "store", "37S0", "tender", "X5_CARD", "rc", "51")).isCloseTo(999.99, within(1e-9));
        assertThat(e.value(amount, "store", "37S0", "tender", "CASH", "rc", "none")).isZero();
        assertThat(e.value("tillwatch_payments_total", "store", "37S0", "tender", "CASH", "rc", "none")).isEqualTo(1.0);
    }

    @Test
    void refusalsByCodeApartFromCriticalErrors() {
        metrics.record(receipt("37S0", ReceiptStatus.OK,
                request(Operation.PAYMENT, Outcome.ofErrorCode(20), 60L),     // NotEnoughMoney: refused
                request(Operation.CALCULATE, Outcome.ofErrorCode(30), 70L),   // DeviceNotFound: critical
                request(Operation.PAYMENT, Outcome.ofErrorCode(20), 60L)));

        Exposition e = scrape();
        assertThat(e.value("tillwatch_loyalty_refusals_total", "store", "37S0", "code", "NotEnoughMoney")).isEqualTo(2.0);
        assertThat(e.named("tillwatch_loyalty_refusals_total")).hasSize(1);
        assertThat(e.named("tillwatch_loyalty_critical_errors_total")).hasSize(1);
    }

    @Test
    void offlineQueuedOperationsByStore() {
        metrics.record(receipt("37S0", ReceiptStatus.OK, List.of(request(Operation.CONFIRM, Outcome.TIMEOUT, 15_000L)),
                List.of(), java.util.Set.of("op-a", "op-b")));
        metrics.record(receipt("37S0", ReceiptStatus.OK, ok(Operation.CONFIRM)));

        Exposition e = scrape();
        assertThat(e.value("tillwatch_loyalty_offline_queued_total", "store", "37S0")).isEqualTo(2.0);
        assertThat(e.named("tillwatch_loyalty_offline_queued_total")).hasSize(1);
    }

    @Test
    void weirdValuesFoldIntoAFewSeries() {
        List<Payment> payments = new ArrayList<>();
        List<Transaction> receipts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            payments.add(payment(i % 2 == 0 ? "BANK_CARD" : "TENDER" + i, "rc" + i));
            Outcome weird = switch (i % 4) {
                case 0 -> Outcome.http(1000 + i);                                  // 4-digit status
                case 1 -> Outcome.http(-i);
                case 2 -> new Outcome("HTTP_5" + (1000 + i), null, Outcome.Kind.HTTP, true);
                default -> new Outcome("Weird" + i, i, Outcome.Kind.PROCESSING, true);
            };
            receipts.add(receipt("37S0", ReceiptStatus.OK, request(Operation.CONFIRM, weird, (long) i)));
        }
        receipts.add(receipt("37S0", ReceiptStatus.OK, List.of(), payments));
        receipts.forEach(metrics::record);

        Exposition e = scrape();
        assertThat(e.named("tillwatch_loyalty_critical_errors_total")).hasSize(1);
        assertThat(e.value("tillwatch_loyalty_critical_errors_total", "store", "37S0", "code", "other")).isEqualTo(1000.0);
        assertThat(e.named("tillwatch_payments_total")).hasSize(2);
        assertThat(e.value("tillwatch_payments_total", "store", "37S0", "tender", "other", "rc", "other")).isEqualTo(500.0);
        assertThat(e.value("tillwatch_payments_total", "store", "37S0", "tender", "BANK_CARD", "rc", "other")).isEqualTo(500.0);
        assertThat(e.named("tillwatch_receipts_total")).hasSize(1);
    }

    @Test
    void neverLabelsRegistersCardsOrReceipts() {
        Transaction t = receipt("37S0", ReceiptStatus.OK, List.of(ok(Operation.CALCULATE)), List.of(payment("BANK_CARD", "00")));
        metrics.record(t);

        String text = registry.scrape();
        assertThat(text).doesNotContain("POS07", Receipts.CARD, t.id().receipt(), "220070", "Ivanova");
        for (Exposition.Sample s : scrape().samples()) {
            assertThat(s.labels().keySet()).isSubsetOf("store", "status", "result", "operation", "class", "code",
                    "tender", "rc", "le");
        }
    }
}
