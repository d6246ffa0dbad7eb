package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.TransactionIndexWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open receipt is ended INCOMPLETE when its register has been quiet (wall clock, {@code ingest.silence-expiry})
 * and the fleet's watermark is 30 minutes past it. A register that lags behind the fleet is not silent, though:
 * the soak (2,000 stores, restarts, 503 backpressure) ended 2 of 398,429 receipts INCOMPLETE whose close was still
 * on its way. Each test here lets the fleet run 45 minutes ahead of register A while A's receipt is open, keeps A
 * from pushing for several silence-expiry periods, then sends A's close.
 */
class SilenceExpiryTest {
    private static final String FILE = "pos-2026-11-20.log";
    private static final RegisterKey A = new RegisterKey("URMY", "POS01");
    private static final RegisterKey B = new RegisterKey("URMY", "POS02");
    private static final Duration SHORT_EXPIRY = Duration.ofMillis(300);
    private static final long WAIT_MS = 1_500;

    @TempDir
    Path tmp;

    private final AtomicReference<Instant> watermark = new AtomicReference<>();

    @Test
    void aRestartEndedALaggingRegistersOpenReceiptIncompleteBeforeItsCloseCame() throws Exception {
        try (Running r = start(Duration.ofMinutes(10), 64 * 1024 * 1024)) {
            push(r, B, heartbeats(0, 45), true);
            push(r, A, openReceipt(), false);
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
        }
        watermark.set(null);
        try (Running r = start(SHORT_EXPIRY, 64 * 1024 * 1024)) {
            assertThat(watermark.get()).as("the restored watermark is the fleet's newest event").isEqualTo(at(45, 0));
            Thread.sleep(WAIT_MS); // A's shipper has not come back yet
            push(r, A, closeReceipt(), true);
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
            r.engine.close();
            assertThat(figures(r, A).receipts()).as("A's receipt closed").isEqualTo(1);
            assertThat(figures(r, A).incomplete()).isZero();
        }
    }

    @Test
    void aRegisterThatStaysSilentAfterARestartStillHasItsReceiptExpiredOnceTheFleetMovesOn() throws Exception {
        try (Running r = start(Duration.ofMinutes(10), 64 * 1024 * 1024)) {
            push(r, B, heartbeats(0, 45), false);
            push(r, A, openReceipt(), false);
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
        }
        watermark.set(null);
        try (Running r = start(SHORT_EXPIRY, 64 * 1024 * 1024)) {
            push(r, B, heartbeats(46, 76), true); // 31 minutes past the restart's watermark
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (figures(r, A).incomplete() == 0 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(figures(r, A).incomplete()).as("A's receipt expired").isEqualTo(1);
            assertThat(figures(r, A).receipts()).isZero();
        }
    }

    @Test
    void refusedPushesEndedAnOpenReceiptIncompleteBeforeItsCloseCame() throws Exception {
        int backlog = 64 * 1024;
        try (Running r = start(SHORT_EXPIRY, backlog)) {
            push(r, A, openReceipt(), false);
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
            push(r, B, heartbeats(0, 45), true);
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
            long until = System.nanoTime() + WAIT_MS * 1_000_000;
            int refused = 0;
            while (System.nanoTime() < until) {
                try {
                    // more than the backlog takes: refused as under overload, the register holds its bytes
                    r.engine.push(A, new byte[2 * backlog], r.engine.pushedOffset(A), FILE, false);
                } catch (PushRejected.Saturated e) {
                    refused++;
                }
                Thread.sleep(50);
            }
            assertThat(refused).isGreaterThan(10);
            push(r, A, closeReceipt(), true);
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
            Thread.sleep(WAIT_MS);
            assertThat(figures(r, A).receipts()).as("A's receipt closed").isEqualTo(1);
            assertThat(figures(r, A).incomplete()).isZero();
        }
    }

    @Test
    void aRegisterSilentWhileThePushesAreAcceptedHasItsReceiptExpired() throws Exception {
        try (Running r = start(SHORT_EXPIRY, 64 * 1024)) {
            push(r, A, openReceipt(), false);
            push(r, B, heartbeats(0, 45), true);
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (figures(r, A).incomplete() == 0 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(figures(r, A).incomplete()).as("A's receipt expired").isEqualTo(1);
        }
    }

    private static String openReceipt() {
        return line(0, 0, "INFO  [PurchaseManager] Receipt opened: shift=1 receipt=1 type=SALE cashier=0001")
                + line(0, 5, "INFO  [PurchaseManager] Position added: pos=1 sku=1000000 barcode=4632572331465 name=\"Milk\" qty=1"
                + " unit=pcs price=89.99 amount=89.99 promo=0 dept=12")
                + line(0, 6, "DEBUG [Heartbeat] alive uptime=1");
    }

    private static String closeReceipt() {
        return line(4, 0, "INFO  [PurchaseManager] Receipt closed: shift=1 receipt=1 total=89.99 status=OK")
                + line(4, 30, "DEBUG [Heartbeat] alive uptime=2");
    }

    private static String heartbeats(int fromMinute, int toMinute) {
        StringBuilder b = new StringBuilder();
        for (int m = fromMinute; m <= toMinute; m++) b.append(line(m, 0, "DEBUG [Heartbeat] alive uptime=" + m));
        return b.toString();
    }

    private static String line(int minute, int second, String rest) {
        return String.format("2026-11-20 %02d:%02d:%02d.000 %s%n", 10 + minute / 60, minute % 60, second, rest);
    }

    private static Instant at(int minute, int second) {
        return java.time.LocalDateTime.of(2026, 11, 20, 10 + minute / 60, minute % 60, second).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    private static void push(Running r, RegisterKey key, String text, boolean endOfFile) throws IOException, PushRejected {
        r.engine.push(key, text.getBytes(StandardCharsets.US_ASCII), r.engine.pushedOffset(key), FILE, endOfFile);
    }

    private static RegisterFigures.Snapshot figures(Running r, RegisterKey key) {
        return r.engine.figures().stream().filter(f -> f.key().register().equals(key)).findFirst().orElseThrow().figures();
    }

    private Running start(Duration silenceExpiry, long maxBacklog) throws IOException {
        CollectorConfig base = CollectorConfig.defaults();
        CollectorConfig.Ingest d = base.ingest();
        CollectorConfig cfg = base.withDataDir(tmp.resolve("data")).withIngest(new CollectorConfig.Ingest(1, Math.min(maxBacklog, d.maxChunkBytes()),
                maxBacklog, d.commitInterval(), d.refreshInterval(), Duration.ofMillis(100), silenceExpiry));
        StoreRegistry registry = StoreRegistry.parse(Files.readString(SampleFleet.root().resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        TransactionIndexWriter writer = TransactionIndexWriter.open(cfg.data().dir(), new CardHasher(new byte[32]), 16);
        IngestObserver observer = new IngestObserver() {
            @Override
            public void activity(RegisterKey register, Instant lastEvent) {
                watermark.accumulateAndGet(lastEvent, (a, b) -> a == null || b.isAfter(a) ? b : a);
            }
        };
        IngestEngine engine = new IngestEngine(cfg, registry, writer, cfg.data().dir(), observer, watermark::get,
                new MalformedSamples(cfg.data().dir(), Clock.systemUTC()));
        engine.start();
        return new Running(engine, writer);
    }

    private record Running(IngestEngine engine, TransactionIndexWriter writer) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            engine.close();
            writer.close();
        }
    }
}
