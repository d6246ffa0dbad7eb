package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.TransactionIndexWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestEngineTest {
    private static final String FILE = "pos-2026-11-20.log";
    @TempDir
    Path tmp;

    @Test
    void tailingTheSampleFleetGivesTheExpectedFigures() throws Exception {
        CollectorConfig cfg = config().withLogsRoot(SampleFleet.root().resolve("logs"));
        try (Running r = start(cfg)) {
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(SampleFleet.of(r.engine.figures())).isEqualTo(SampleFleet.expected());
        }
    }

    @Test
    void pushingInRandomChunksGivesTheSameFiguresAndSurvivesARestart() throws Exception {
        CollectorConfig cfg = config();
        Map<RegisterKey, byte[]> streams = IngestEngineTestSupport.fleetBytes();
        Random rnd = new Random(7);
        try (Running r = start(cfg)) {
            for (var e : streams.entrySet()) {
                byte[] b = e.getValue();
                int half = b.length / 2;
                for (int at = 0; at < half; ) {
                    int n = Math.min(half - at, 1 + rnd.nextInt(9000));
                    r.engine.push(e.getKey(), java.util.Arrays.copyOfRange(b, at, at + n), (long) at, FILE, false);
                    at += n;
                }
            }
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
        }
        try (Running r = start(cfg)) {
            for (var e : streams.entrySet()) {
                byte[] b = e.getValue();
                long have = r.engine.pushedOffset(e.getKey());
                // a retry of bytes already accepted is skipped
                r.engine.push(e.getKey(), java.util.Arrays.copyOfRange(b, 0, (int) have), 0L, FILE, false);
                for (int at = (int) have; at < b.length; ) {
                    int n = Math.min(b.length - at, 1 + rnd.nextInt(9000));
                    r.engine.push(e.getKey(), java.util.Arrays.copyOfRange(b, at, at + n), (long) at, FILE, at + n == b.length);
                    at += n;
                }
            }
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
            r.engine.close();
            assertThat(SampleFleet.of(r.engine.figures())).isEqualTo(SampleFleet.expected());
        }
    }

    @Test
    void aLiveRegistersFewBytesAreReadBeforeABacklogQueuedAheadOfThem() throws Exception {
        CollectorConfig.Ingest one = CollectorConfig.defaults().ingest();
        CollectorConfig cfg = config().withIngest(new CollectorConfig.Ingest(1, one.maxChunkBytes(), one.maxBacklogBytes(),
                Duration.ofMinutes(10), one.refreshInterval(), one.idleFlush(), one.silenceExpiry(), one.maxBacklogDelay()));
        java.util.List<Map.Entry<RegisterKey, byte[]>> registers = java.util.List.copyOf(IngestEngineTestSupport.fleetBytes().entrySet());
        RegisterKey blocker = registers.get(0).getKey(), live = registers.get(registers.size() - 1).getKey();
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.List<RegisterKey> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        IngestObserver observer = new IngestObserver() {
            @Override
            public void bytes(StreamKey stream, long n) {
                order.add(stream.register());
                if (stream.register().equals(blocker)) {
                    reading.countDown();
                    try {
                        release.await(); // the only ingest thread stays busy while the others queue up
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        try (Running r = start(cfg, observer)) {
            r.engine.push(blocker, java.util.Arrays.copyOf(registers.get(0).getValue(), 1000), 0L, FILE, false);
            assertThat(reading.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.List<RegisterKey> bulk = new java.util.ArrayList<>();
            for (var e : registers.subList(1, registers.size() - 1)) {
                r.engine.push(e.getKey(), java.util.Arrays.copyOf(e.getValue(), IngestEngine.LIVE_CHUNK_BYTES + 1), 0L, FILE, false);
                bulk.add(e.getKey());
            }
            r.engine.push(live, java.util.Arrays.copyOf(registers.get(registers.size() - 1).getValue(), 2000), 0L, FILE, false);
            release.countDown();
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
            // the live register right after the read under way, then the backlog in the order it was pushed
            java.util.List<RegisterKey> expected = new java.util.ArrayList<>(java.util.List.of(blocker, live));
            expected.addAll(bulk);
            assertThat(order).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aLiveRegisterIsAcceptedWhileAFleetCatchingUpFillsTheBacklog() throws Exception {
        CollectorConfig.Ingest one = CollectorConfig.defaults().ingest();
        long bound = 64 * 1024; // the backlog limit's floor (one max-size chunk), where a stalled reader puts it
        CollectorConfig cfg = config().withIngest(new CollectorConfig.Ingest(1, bound, 16 * bound, Duration.ofMinutes(10),
                one.refreshInterval(), one.idleFlush(), one.silenceExpiry(), one.maxBacklogDelay()));
        byte[] log = IngestEngineTestSupport.fleetBytes().values().iterator().next();
        java.util.Iterator<RegisterKey> registers = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> new RegisterKey("ZZ0" + i / 10, String.format("POS%02d", i % 10))).iterator();
        RegisterKey blocker = registers.next();
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        IngestObserver observer = holdingReadsOf(blocker, reading, release); // nothing is read meanwhile: the backlog only grows
        byte[] bulk = java.util.Arrays.copyOf(log, IngestEngine.LIVE_CHUNK_BYTES + 1);
        try (Running r = start(cfg, observer)) {
            try {
                fillBacklogThenPushLive(r, blocker, log, reading, registers, bulk, bound);
            } finally {
                release.countDown(); // a failed assertion must not leave the ingest thread held: closing waits for it
            }
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
        }
    }

    /** Alerting holds every register's facts back while one is busy: a probe made before its stream exists must see it. */
    @Test
    void aRegisterIsBusyWhileItsPushIsQueuedOrRead() throws Exception {
        CollectorConfig.Ingest one = CollectorConfig.defaults().ingest();
        CollectorConfig cfg = config().withIngest(new CollectorConfig.Ingest(1, one.maxChunkBytes(), one.maxBacklogBytes(),
                Duration.ofMinutes(10), one.refreshInterval(), one.idleFlush(), one.silenceExpiry(), one.maxBacklogDelay()));
        byte[] log = IngestEngineTestSupport.fleetBytes().values().iterator().next();
        RegisterKey reading = new RegisterKey("ZZ01", "POS01");
        RegisterKey waiting = new RegisterKey("ZZ01", "POS02");
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        IngestObserver observer = holdingReadsOf(reading, held, release);
        try (Running r = start(cfg, observer)) {
            java.util.function.BooleanSupplier readingBusy = r.engine.busyProbe(reading);
            java.util.function.BooleanSupplier waitingBusy = r.engine.busyProbe(waiting);
            try {
                assertThat(readingBusy.getAsBoolean()).as("no stream yet").isFalse();
                r.engine.push(reading, java.util.Arrays.copyOf(log, 1000), 0L, FILE, false);
                assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(readingBusy.getAsBoolean()).as("being read").isTrue();
                assertThat(waitingBusy.getAsBoolean()).isFalse();
                r.engine.push(waiting, java.util.Arrays.copyOf(log, 1000), 0L, FILE, false);
                assertThat(waitingBusy.getAsBoolean()).as("queued behind the only ingest thread").isTrue();
            } finally {
                release.countDown();
            }
            assertThat(r.engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(readingBusy.getAsBoolean()).isFalse();
            assertThat(waitingBusy.getAsBoolean()).isFalse();
        }
    }

    /** The ingest thread that reads {@code register}'s bytes counts {@code held} down, then waits for {@code release}. */
    private static IngestObserver holdingReadsOf(RegisterKey register, java.util.concurrent.CountDownLatch held,
                                                 java.util.concurrent.CountDownLatch release) {
        return new IngestObserver() {
            @Override
            public void bytes(StreamKey stream, long n) {
                if (!stream.register().equals(register)) return;
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private static void fillBacklogThenPushLive(Running r, RegisterKey blocker, byte[] log, java.util.concurrent.CountDownLatch reading,
                                                java.util.Iterator<RegisterKey> registers, byte[] bulk, long bound) throws Exception {
        r.engine.push(blocker, java.util.Arrays.copyOf(log, 1000), 0L, FILE, false);
        assertThat(reading.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        r.engine.push(registers.next(), bulk, 0L, FILE, false);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (r.engine.backlogLimitBytes() != bound) { // nothing is read while a backlog waits: the limit falls to its floor
            assertThat(System.nanoTime()).as("backlog limit %d, never fell to %d", r.engine.backlogLimitBytes(), bound).isLessThan(deadline);
            Thread.sleep(20);
        }
        int fleet = 1;
        try {
            while (true) { // a fleet catching up: chunks bigger than a live register's, until the backlog is full
                r.engine.push(registers.next(), bulk, 0L, FILE, false);
                fleet++;
            }
        } catch (PushRejected.Saturated full) {
            assertThat(fleet).isEqualTo((int) (bound / bulk.length));
        }
        assertThatThrownBy(() -> r.engine.push(registers.next(), bulk, 0L, FILE, false)).isInstanceOf(PushRejected.Saturated.class);
        assertThat(r.engine.push(registers.next(), java.util.Arrays.copyOf(log, 2000), 0L, FILE, false).acceptedBytes())
                .as("a live register's few bytes, while the fleet gets 503").isEqualTo(2000);
        // live registers have a headroom of a quarter of the limit, not an open door
        try {
            while (true) {
                r.engine.push(registers.next(), java.util.Arrays.copyOf(log, 12_000), 0L, FILE, false);
            }
        } catch (PushRejected.Saturated full) {
            assertThat(r.engine.backlogBytes()).isLessThanOrEqualTo(bound + bound / 4).isGreaterThan(bound + bound / 4 - 12_000);
        }
    }

    private CollectorConfig config() {
        return CollectorConfig.defaults().withDataDir(tmp.resolve("data"));
    }

    private Running start(CollectorConfig cfg) throws IOException {
        return start(cfg, new IngestObserver() { });
    }

    private Running start(CollectorConfig cfg, IngestObserver observer) throws IOException {
        StoreRegistry registry = StoreRegistry.parse(Files.readString(SampleFleet.root().resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        TransactionIndexWriter writer = TransactionIndexWriter.open(cfg.data().dir(), new CardHasher(new byte[32]), 16);
        IngestEngine engine = new IngestEngine(cfg, registry, writer, cfg.data().dir(), observer, () -> null,
                new MalformedSamples(cfg.data().dir(), Clock.systemUTC()));
        engine.start();
        return new Running(engine, writer);
    }

    record Running(IngestEngine engine, TransactionIndexWriter writer) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            engine.close();
            writer.close();
        }
    }
}
