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

    private CollectorConfig config() {
        return CollectorConfig.defaults().withDataDir(tmp.resolve("data"));
    }

    private Running start(CollectorConfig cfg) throws IOException {
        StoreRegistry registry = StoreRegistry.parse(Files.readString(SampleFleet.root().resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        TransactionIndexWriter writer = TransactionIndexWriter.open(cfg.data().dir(), new CardHasher(new byte[32]), 16);
        IngestEngine engine = new IngestEngine(cfg, registry, writer, cfg.data().dir(), new IngestObserver() { }, () -> null,
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
