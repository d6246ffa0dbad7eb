package org.tillwatch.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.cli.replay.LogTrees;
import org.tillwatch.cli.replay.StandInCollector;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code tillwatch replay} against a stand-in collector on a loopback port. */
class ReplayCommandTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path tmp;

    private static Path sample() {
        Path fleet = LogTrees.sampleFleet();
        assumeTrue(fleet != null, "shared sample fleet not found");
        return fleet;
    }

    private static Cli replay(StandInCollector collector, Path logs, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "replay";
        args[1] = "--logs=" + logs;
        args[2] = "--server=" + collector.uri();
        args[3] = "--retries=1";
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    @Test
    void sampleFleetArrivesByteForByteAndInLogTimeOrder() throws IOException {
        Path fleet = sample();
        try (StandInCollector collector = new StandInCollector()) {
            Cli r = replay(collector, fleet.resolve("logs"), "--stores=" + fleet.resolve("stores.csv"));
            assertThat(r.exitCode()).as(r.err()).isZero();
            Map<RegisterKey, byte[]> expected = LogTrees.streams(fleet.resolve("logs"));
            assertSameBytes(collector.received(), expected);
            assertThat(collector.duplicateBytes()).isZero();
            assertLogTimeOrder(collector.arrivals(), expected, LogTrees.registry(fleet.resolve("stores.csv"), MOSCOW));
            assertChunksNameTheirFile(collector, fleet.resolve("logs"));
            long total = expected.values().stream().mapToLong(b -> b.length).sum();
            assertThat(r.out())
                    .contains("Registers / кассы: 16, files / файлы: 16")
                    .contains("Sent / отправлено: " + total + " bytes")
                    .contains("in " + collector.arrivals().size() + " chunks / порций")
                    .contains("Retries after 503 / повторы после 503: 0")
                    .contains("Elapsed / затрачено: ")
                    .contains("MB/s");
        }
    }

    @Test
    void retriesAfter503And409LoseAndDuplicateNothing() throws IOException {
        Path fleet = sample();
        // a third of the sample's registers, in three zones, gzipped and plain, keeps the test quick
        Path logs = LogTrees.copyRegisters(fleet.resolve("logs"), tmp.resolve("logs"),
                "AX1B/POS01", "AX1B/POS03", "N4NJ/POS01", "DY9F/POS02", "17W0/POS01");
        try (StandInCollector collector = new StandInCollector().every503(3).conflictOnceAt(40)) {
            Cli r = replay(collector, logs, "--stores=" + fleet.resolve("stores.csv"), "--concurrency=3");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertSameBytes(collector.received(), LogTrees.streams(logs));
            assertThat(collector.duplicateBytes()).isZero();
            assertThat(collector.answered503()).isGreaterThan(100);
            assertThat(collector.answered409()).isEqualTo(1);
            assertThat(r.out())
                    .contains("Retries after 503 / повторы после 503: " + collector.answered503())
                    .contains("Re-syncs after 409 / пересинхронизации после 409: 1")
                    .contains("re-sending from there");
        }
    }

    @Test
    void resumeSkipsWhatTheCollectorAlreadyHas() throws IOException {
        Path fleet = sample();
        Map<RegisterKey, byte[]> expected = LogTrees.streams(fleet.resolve("logs"));
        try (StandInCollector collector = new StandInCollector()) {
            long preloaded = 0;
            int i = 0;
            for (Map.Entry<RegisterKey, byte[]> e : expected.entrySet()) {
                // nothing, everything, and mostly cuts in the middle of a line, near the end
                int n = switch (i++ % 4) {
                    case 0 -> 0;
                    case 1 -> e.getValue().length;
                    default -> Math.max(1, e.getValue().length - 20_011 * i);
                };
                collector.preload(e.getKey(), java.util.Arrays.copyOf(e.getValue(), n));
                preloaded += n;
            }
            Cli r = replay(collector, fleet.resolve("logs"), "--stores=" + fleet.resolve("stores.csv"), "--resume");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertSameBytes(collector.received(), expected);
            long total = expected.values().stream().mapToLong(b -> b.length).sum();
            assertThat(collector.bodyBytes()).isEqualTo(total - preloaded);
            assertThat(collector.duplicateBytes()).isZero();
            assertThat(r.out()).contains("Already on the collector / уже на коллекторе: " + preloaded + " bytes");
        }
    }

    @Test
    void speedPlaysLogTimeFasterThanRealTime() throws IOException {
        Path logs = LogTrees.twoHourTree(tmp.resolve("logs"));
        try (StandInCollector collector = new StandInCollector()) {
            long start = System.nanoTime();
            Cli r = replay(collector, logs, "--speed=3600");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertSameBytes(collector.received(), LogTrees.streams(logs));
            // two hours of log time at 3600x: about 2 s (timing is loose on a shared machine; only a floor is checked)
            assertThat(seconds).isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void maxSpeedDoesNotWaitForLogTime() throws IOException {
        Path logs = LogTrees.twoHourTree(tmp.resolve("logs"));
        try (StandInCollector collector = new StandInCollector()) {
            Cli r = replay(collector, logs, "--speed", "max", "--chunk-bytes", "1KiB");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertSameBytes(collector.received(), LogTrees.streams(logs));
            assertChunksNameTheirFile(collector, logs);
            assertThat(collector.fileEnds().get(new RegisterKey("AAAA", "POS01"))).hasSize(2);
            assertThat(r.out()).contains("Registers / кассы: 2, files / файлы: 3");
        }
    }

    @Test
    void badFlagsAreUsageErrors() {
        String logs = tmp.toString();
        List<List<String>> cases = List.of(
                List.of("replay", "--server", "http://127.0.0.1:1"),
                List.of("replay", "--logs", logs),
                List.of("replay", "--logs", logs, "--server", "not a url"),
                List.of("replay", "--logs", logs, "--server", "ftp://collector"),
                List.of("replay", "--logs", logs, "--server", "http://127.0.0.1:1", "--speed", "0"),
                List.of("replay", "--logs", logs, "--server", "http://127.0.0.1:1", "--speed", "-2"),
                List.of("replay", "--logs", logs, "--server", "http://127.0.0.1:1", "--speed", "fast"),
                List.of("replay", "--logs", logs, "--server", "http://127.0.0.1:1", "--chunk-bytes", "1023"),
                List.of("replay", "--logs", logs, "--server", "http://127.0.0.1:1", "--chunk-bytes", "lots"),
                List.of("replay", "--logs", logs, "--server", "http://127.0.0.1:1", "--concurrency", "0"));
        Map<String, String> errs = new HashMap<>();
        for (List<String> args : cases) {
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains("Usage: tillwatch replay");
            errs.put(args.getLast(), r.err());
        }
        assertThat(errs.get("http://127.0.0.1:1")).contains("--logs");
        assertThat(errs.get("fast")).contains("'fast' is not a speed");
        assertThat(errs.get("ftp://collector")).contains("is not a collector URL");
        assertThat(errs.get("1023")).contains("--chunk-bytes");
    }

    @Test
    void unreachableCollectorIsARuntimeErrorInOneLine() throws IOException {
        Path logs = LogTrees.twoHourTree(tmp.resolve("logs"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli r = Cli.run("replay", "--logs", logs.toString(), "--server", "http://127.0.0.1:" + port, "--retries", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("tillwatch: cannot reach the collector at http://127.0.0.1:" + port)
                .doesNotContain("\n");
    }

    @Test
    void rejectedRegisterIsARuntimeErrorNamingItAndTheReason() throws IOException {
        Path logs = LogTrees.twoHourTree(tmp.resolve("logs"));
        try (StandInCollector collector = new StandInCollector().reject("BBBB")) {
            Cli r = replay(collector, logs);
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo(
                    "tillwatch: collector rejected BBBB/POS02: HTTP 404 unknown_store: store BBBB is not known to this collector");
        }
    }

    @Test
    void missingLogRootIsARuntimeError() {
        Cli r = Cli.run("replay", "--logs", tmp.resolve("absent").toString(), "--server", "http://127.0.0.1:1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("log root is not a directory");
    }

    @Test
    void helpNamesEveryOption() {
        Cli r = Cli.run("replay", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: tillwatch replay").contains("--logs=DIR").contains("--server=URL")
                .contains("--speed=N|max").contains("--stores=FILE").contains("--default-zone=ZONE")
                .contains("--chunk-bytes=N").contains("--concurrency=N").contains("--resume");
    }

    /** Every chunk lies in one file and names it; the chunks that end a file say so. */
    static void assertChunksNameTheirFile(StandInCollector collector, Path logs) throws IOException {
        Map<RegisterKey, List<LogTrees.FileRange>> files = LogTrees.fileRanges(logs);
        for (StandInCollector.Arrival a : collector.arrivals()) {
            LogTrees.FileRange f = files.get(a.key()).stream().filter(r -> a.offset() >= r.start() && a.offset() < r.end())
                    .findFirst().orElseThrow();
            assertThat(a.file()).as("%s", a).isEqualTo(f.name());
            assertThat(a.offset() + a.length()).as("%s", a).isLessThanOrEqualTo(f.end());
        }
        Map<RegisterKey, List<String>> ends = new java.util.TreeMap<>();
        files.forEach((k, v) -> ends.put(k, v.stream().map(f -> f.name() + "@" + f.end()).toList()));
        assertThat(collector.fileEnds()).isEqualTo(ends);
    }

    static void assertSameBytes(Map<RegisterKey, byte[]> received, Map<RegisterKey, byte[]> expected) {
        assertThat(received.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, bytes) -> assertThat(received.get(key)).as(key.toString()).isEqualTo(bytes));
    }

    /**
     * Across registers the collector never gets a line more than the 1 s slice older than a line of another register
     * it already got.
     */
    static void assertLogTimeOrder(List<StandInCollector.Arrival> arrivals, Map<RegisterKey, byte[]> streams,
                                   StoreRegistry registry) {
        Map<RegisterKey, LogTrees.Timeline> timelines = new HashMap<>();
        streams.forEach((k, b) -> timelines.put(k, LogTrees.timeline(b, registry.store(k.store()).zone())));
        Map<RegisterKey, Long> newest = new HashMap<>();
        for (StandInCollector.Arrival a : arrivals) {
            long[] span = timelines.get(a.key()).span(a.offset(), a.length());
            long othersNewest = newest.entrySet().stream().filter(e -> !e.getKey().equals(a.key()))
                    .mapToLong(Map.Entry::getValue).max().orElse(Long.MIN_VALUE / 2);
            assertThat(span[0]).as("arrival %s", a).isGreaterThanOrEqualTo(othersNewest - 1000);
            newest.merge(a.key(), span[1], Math::max);
        }
    }
}
