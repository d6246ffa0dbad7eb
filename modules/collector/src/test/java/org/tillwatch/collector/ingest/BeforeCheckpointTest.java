package org.tillwatch.collector.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.TransactionIndexWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observer is asked to make what it was told durable before the checkpoint that counts it exists (the
 * orchestrator commits its cases there): at each call, no checkpoint file is newer than the index's last commit, and
 * at the last call everything the index holds had been told.
 */
class BeforeCheckpointTest {
    @TempDir
    Path tmp;

    @Test
    void calledAfterTheTransactionsItCoversAndBeforeTheirCheckpointIsWritten() throws Exception {
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data"))
                .withLogsRoot(SampleFleet.root().resolve("logs"));
        StoreRegistry registry = StoreRegistry.parse(Files.readString(SampleFleet.root().resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        Path checkpoints = cfg.data().dir().resolve("checkpoints");
        AtomicLong told = new AtomicLong();
        List<long[]> calls = new ArrayList<>(); // {transactions told, checkpoint files present}
        IngestObserver observer = new IngestObserver() {
            @Override
            public void transaction(Transaction t) {
                told.incrementAndGet();
            }

            @Override
            public void beforeCheckpoint() {
                try (var files = Files.list(checkpoints)) {
                    calls.add(new long[] {told.get(), files.filter(f -> f.toString().endsWith(".json")).count()});
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try (TransactionIndexWriter writer = TransactionIndexWriter.open(cfg.data().dir(), new CardHasher(new byte[32]), 16);
             IngestEngine engine = new IngestEngine(cfg, registry, writer, cfg.data().dir(), observer, () -> null,
                     new MalformedSamples(cfg.data().dir(), Clock.systemUTC()))) {
            engine.start();
            assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
            int before = calls.size();
            assertThat(engine.commit()).isTrue();
            assertThat(engine.commit()).isTrue(); // the second one has a committed checkpoint before it
            assertThat(calls).hasSize(before + 2);
            long[] last = calls.get(calls.size() - 1);
            assertThat(last[0]).as("told before the checkpoint").isEqualTo(told.get()).isEqualTo(writer.documents());
            // checkpoints are pruned to the committed one: only that one exists while the next is being made durable
            assertThat(last[1]).isEqualTo(1);
            for (long[] c : calls) assertThat(c[1]).isLessThanOrEqualTo(1);
            try (var files = Files.list(checkpoints)) {
                assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isEqualTo(1);
            }
        }
    }
}
