package org.tillwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.Transaction;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counters and the loyalty latency histogram fed by ended receipts and by requests between receipts.
 * Labels: store, receipt status, operation, outcome class, outcome name, tender, ISO response code;
 * never register, card, receipt or transaction id. Meters are created on first use of a label set and cached,
 * so {@link #record} costs map look-ups and adds, no registry search.
 */
public final class TransactionMetrics {
    static final String RECEIPTS = "tillwatch.receipts";
    static final String LOYALTY_TRANSACTIONS = "tillwatch.loyalty.transactions";
    static final String LOYALTY_REQUESTS = "tillwatch.loyalty.requests";
    static final String CRITICAL_ERRORS = "tillwatch.loyalty.critical.errors";
    static final String REQUEST_DURATION = "tillwatch.loyalty.request.duration";
    static final String PAYMENTS = "tillwatch.payments";
    static final String PAYMENT_AMOUNT = "tillwatch.payments.amount";
    static final String REFUSALS = "tillwatch.loyalty.refusals";
    static final String OFFLINE_QUEUED = "tillwatch.loyalty.offline.queued";

    /** Classic histogram buckets from 50 ms to 30 s; the register's own timeouts sit in the upper half. */
    static final Duration[] LATENCY_BUCKETS = millis(50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000,
            7500, 10000, 15000, 20000, 30000);

    private enum RequestClass {
        OK, REFUSED, CRITICAL;

        final String label = name().toLowerCase(Locale.ROOT);

        static RequestClass of(Outcome o) {
            if (o.ok()) return OK;
            return o.critical() ? CRITICAL : REFUSED;
        }
    }

    private static final ReceiptStatus[] STATUSES = ReceiptStatus.values();
    private static final Operation[] OPERATIONS = Operation.values();
    private static final RequestClass[] CLASSES = RequestClass.values();

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, StoreMeters> stores = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Timer> latency = new AtomicReferenceArray<>(OPERATIONS.length);
    private record PaymentMeters(Counter count, Counter amount) {
    }

    public TransactionMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** One ended receipt: its status, whether it was a (failed) loyalty transaction, its requests and payments. */
    public void record(Transaction t) {
        StoreMeters m = storeMeters(t.store());
        m.receipt(t.status()).increment();
        if (t.loyalty()) m.loyaltyTransaction(t.failed()).increment();
        for (LoyaltyRequest r : t.requests()) request(m, r);
        if (!t.queuedOperationIds().isEmpty()) m.offlineQueued().increment(t.queuedOperationIds().size());
        for (Payment p : t.payments()) {
            PaymentMeters pm = m.payment(Labels.tender(p.tender()), Labels.responseCode(p.rc()));
            pm.count().increment();
            if (p.amount() != null && p.amount().signum() >= 0) pm.amount().increment(p.amount().doubleValue());
        }
    }

    /**
     * Creates a store's loyalty transaction counters at zero before its first receipt, so that Prometheus sees the
     * first failures as an increase rather than as the starting value of a new series.
     */
    public void registerStore(String store) {
        StoreMeters m = storeMeters(store);
        m.loyaltyTransaction(false);
        m.loyaltyTransaction(true);
    }

    /** A loyalty request between receipts (balance check, late confirm): counted, but in no transaction. */
    public void recordRegisterRequest(String store, LoyaltyRequest r) {
        Objects.requireNonNull(r, "request");
        request(storeMeters(store), r);
    }

    private void request(StoreMeters m, LoyaltyRequest r) {
        Outcome outcome = r.outcome();
        RequestClass c = RequestClass.of(outcome);
        m.request(r.operation(), c).increment();
        if (c == RequestClass.CRITICAL) m.critical(Labels.outcomeCode(outcome)).increment();
        if (c == RequestClass.REFUSED) m.refused(Labels.outcomeCode(outcome)).increment();
        Long ms = r.latencyMs();
        if (ms != null && ms >= 0) latency(r.operation()).record(ms, TimeUnit.MILLISECONDS);
    }

    private StoreMeters storeMeters(String store) {
        StoreMeters m = store == null ? null : stores.get(store);
        if (m == null) m = stores.computeIfAbsent(Labels.store(store), StoreMeters::new);
        return m;
    }

    private Timer latency(Operation op) {
        Timer t = latency.get(op.ordinal());
        if (t == null) {
            t = Timer.builder(REQUEST_DURATION)
                    .description("Latency of loyalty requests as the register logged it")
                    .tag("operation", op.name())
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry);
            latency.set(op.ordinal(), t);
        }
        return t;
    }

    private static Duration[] millis(long... ms) {
        Duration[] d = new Duration[ms.length];
        for (int i = 0; i < ms.length; i++) d[i] = Duration.ofMillis(ms[i]);
        return d;
    }

    /**
     * The meters of one store. A lost race on a slot registers the same label set twice; the registry returns
     * the same meter both times, so it is harmless.
     */
    private final class StoreMeters {
        private final String store;
        private final AtomicReferenceArray<Counter> receipts = new AtomicReferenceArray<>(STATUSES.length);
        private final AtomicReferenceArray<Counter> loyalty = new AtomicReferenceArray<>(2);
        private final AtomicReferenceArray<Counter> requests = new AtomicReferenceArray<>(OPERATIONS.length * CLASSES.length);
        private final ConcurrentHashMap<String, Counter> critical = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Counter> refused = new ConcurrentHashMap<>();
        private volatile Counter offlineQueued;
        /** "tender rc" -> meters; both parts are already folded, so the map stays bounded. */
        private final ConcurrentHashMap<String, PaymentMeters> payments = new ConcurrentHashMap<>();

        StoreMeters(String store) {
            this.store = store;
        }

        Counter receipt(ReceiptStatus status) {
            Counter c = receipts.get(status.ordinal());
            if (c == null) {
                c = Counter.builder(RECEIPTS).description("Ended receipts by store and status")
                        .tag("store", store).tag("status", status.name()).register(registry);
                receipts.set(status.ordinal(), c);
            }
            return c;
        }

        Counter loyaltyTransaction(boolean failed) {
            int i = failed ? 1 : 0;
            Counter c = loyalty.get(i);
            if (c == null) {
                c = Counter.builder(LOYALTY_TRANSACTIONS)
                        .description("Loyalty transactions by store; failed when a request had a critical outcome")
                        .tag("store", store).tag("result", failed ? "failed" : "ok").register(registry);
                loyalty.set(i, c);
            }
            return c;
        }

        Counter request(Operation op, RequestClass cls) {
            int i = op.ordinal() * CLASSES.length + cls.ordinal();
            Counter c = requests.get(i);
            if (c == null) {
                c = Counter.builder(LOYALTY_REQUESTS)
                        .description("Loyalty requests by store, operation and outcome class")
                        .tag("store", store).tag("operation", op.name()).tag("class", cls.label).register(registry);
                requests.set(i, c);
            }
            return c;
        }

        Counter critical(String code) {
            Counter c = critical.get(code);
            if (c == null) {
                c = critical.computeIfAbsent(code, k -> Counter.builder(CRITICAL_ERRORS)
                        .description("Critical loyalty outcomes by store and outcome name")
                        .tag("store", store).tag("code", k).register(registry));
            }
            return c;
        }

        Counter refused(String code) {
            Counter c = refused.get(code);
            if (c == null) {
                c = refused.computeIfAbsent(code, k -> Counter.builder(REFUSALS)
                        .description("Loyalty requests refused on the customer's side (not critical) by store and outcome name")
                        .tag("store", store).tag("code", k).register(registry));
            }
            return c;
        }

        Counter offlineQueued() {
            Counter c = offlineQueued;
            if (c == null) {
                c = Counter.builder(OFFLINE_QUEUED)
                        .description("Loyalty operations a register put in its offline queue, by store")
                        .tag("store", store).register(registry);
                offlineQueued = c;
            }
            return c;
        }

        PaymentMeters payment(String tender, String rc) {
            String key = tender + ' ' + rc;
            PaymentMeters m = payments.get(key);
            if (m == null) {
                m = payments.computeIfAbsent(key, k -> new PaymentMeters(
                        Counter.builder(PAYMENTS).description("Payments by store, tender and ISO 8583 response code")
                                .tag("store", store).tag("tender", tender).tag("rc", rc).register(registry),
                        Counter.builder(PAYMENT_AMOUNT).baseUnit("rubles")
                                .description("Amount of payments by store, tender and ISO 8583 response code")
                                .tag("store", store).tag("tender", tender).tag("rc", rc).register(registry)));
            }
            return m;
        }
    }
}
