package org.tillwatch.cli.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tillwatch.cli.replay.LogTrees.CP1251;
import static org.tillwatch.cli.replay.LogTrees.line;

/** The replay engine on small trees: chunk-size back-off on 413, progress while waiting for log time. */
class ReplayEngineTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path tmp;

    private static ReplaySettings settings(Path logs, StandInCollector collector, double speed, int chunkBytes, Duration progress) {
        return new ReplaySettings(logs, collector.uri(), StoreRegistry.empty(MOSCOW), speed, chunkBytes, 2, false, 1,
                Duration.ofMillis(10), ReplaySettings.DEFAULT_SLICE, progress);
    }

    @Test
    void a413HalvesTheChunksUntilTheCollectorTakesThem() throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) text.append(line(String.format("2026-11-20 10:%02d:%02d.000", i / 60, i % 60), "Barcode scanned: barcode=" + i));
        LogTrees.write(tmp.resolve("logs/AAAA/POS01/pos.log"), text.toString().getBytes(CP1251));
        StringWriter out = new StringWriter();
        try (StandInCollector collector = new StandInCollector().maxChunk(3000)) {
            ReplayResult result = new Replayer(settings(tmp.resolve("logs"), collector, Double.POSITIVE_INFINITY, 64 << 10,
                    ReplaySettings.DEFAULT_PROGRESS), new PrintWriter(out)).run();
            Map<RegisterKey, byte[]> expected = LogTrees.streams(tmp.resolve("logs"));
            assertThat(collector.received().get(new RegisterKey("AAAA", "POS01"))).isEqualTo(expected.get(new RegisterKey("AAAA", "POS01")));
            assertThat(collector.answered413()).isGreaterThanOrEqualTo(3);
            assertThat(collector.arrivals()).allSatisfy(a -> assertThat(a.length()).isLessThanOrEqualTo(3000));
            assertThat(result.bytesSent()).isEqualTo(expected.get(new RegisterKey("AAAA", "POS01")).length);
            assertThat(out.toString()).contains("(413): chunks now at most");
        }
    }

    @Test
    void aSlowReplayPrintsProgressWhileItWaitsForLogTime() throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        for (int m = 0; m <= 60; m += 10) text.append(line(String.format("2026-11-20 %02d:%02d:00.000", 10 + m / 60, m % 60), "Shift opened: shift=" + m));
        LogTrees.write(tmp.resolve("logs/AAAA/POS01/pos.log"), text.toString().getBytes(CP1251));
        StringWriter out = new StringWriter();
        try (StandInCollector collector = new StandInCollector()) {
            long start = System.nanoTime();
            ReplayResult result = new Replayer(settings(tmp.resolve("logs"), collector, 7200, 1024, Duration.ofMillis(50)),
                    new PrintWriter(out)).run();
            assertThat((System.nanoTime() - start) / 1e9).as("an hour at 7200x").isGreaterThanOrEqualTo(0.25);
            assertThat(result.chunks()).as("one line per chunk: each waits for its time").isEqualTo(7);
            assertThat(result.firstLogTime()).hasToString("2026-11-20T07:00:00Z");
            assertThat(result.lastLogTime()).hasToString("2026-11-20T08:00:00Z");
            assertThat(out.toString()).contains("Progress / ход: 0/1 registers done")
                    .contains("waiting for log time / ждём 2026-11-20T07:").contains("at speed 7200");
        }
    }
}
