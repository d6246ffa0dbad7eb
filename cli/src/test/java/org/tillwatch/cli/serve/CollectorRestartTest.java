package org.tillwatch.cli.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No loss, no double counting: the collector is killed with SIGKILL in the middle of ingesting the sample fleet
 * (tailed, then pushed), restarted, and must end with exactly the figures of the sample's expected.json.
 */
class CollectorRestartTest {
    private static final String DAY_FILE = "pos-2026-11-20.log";
    private static final Map<String, String> FAST_COMMITS = Map.of(
            "TILLWATCH_INGEST_COMMIT_INTERVAL", "300ms", "TILLWATCH_LOGS_POLL_INTERVAL", "100ms",
            "TILLWATCH_LOGS_RESCAN_INTERVAL", "300ms", "TILLWATCH_INGEST_THREADS", "2");

    @TempDir
    Path tmp;

    @Test
    void tailingKilledMidwayThenRotatedWhileDownEndsWithTheExpectedFigures() throws Exception {
        Map<String, byte[]> fleet = fleetBytes();
        Path logs = tmp.resolve("logs");
        Map<String, Integer> written = new TreeMap<>();
        for (String reg : fleet.keySet()) {
            Files.createDirectories(logs.resolve(reg));
            written.put(reg, 0);
        }
        writeUpTo(logs, fleet, written, 0.3);
        String[] args = {"--logs", logs.toString(), "--stores", fleetRoot().resolve("stores.csv").toString(), "--data", tmp.resolve("data").toString()};
        try (CollectorProcess first = CollectorProcess.start(tmp, FAST_COMMITS, args)) {
            for (int step = 4; step <= 7; step++) {
                writeUpTo(logs, fleet, written, step / 10.0);
                Thread.sleep(250);
            }
            awaitSomeCommitted(first);
            first.kill();
        }
        writeUpTo(logs, fleet, written, 1.0);
        int i = 0;
        for (String reg : fleet.keySet()) { // midnight: rotated, and some gzipped, while the collector is down
            Path live = logs.resolve(reg).resolve("pos.log");
            Path day = logs.resolve(reg).resolve(DAY_FILE);
            Files.move(live, day);
            if (i++ % 2 == 0) {
                try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(logs.resolve(reg).resolve(DAY_FILE + ".gz")))) {
                    Files.copy(day, gz);
                }
                Files.delete(day);
            }
        }
        try (CollectorProcess second = CollectorProcess.start(tmp, FAST_COMMITS, args)) {
            JsonNode status = awaitExpected(second);
            assertThat(figures(status)).isEqualTo(expected());
            assertNoDuplicateDocuments(second, status);
            assertStopsGracefully(second);
        }
    }

    @Test
    void pushKilledMidwayThenResumedFromTheServersOffsetsEndsWithTheExpectedFigures() throws Exception {
        Map<String, byte[]> fleet = fleetBytes();
        String[] args = {"--stores", fleetRoot().resolve("stores.csv").toString(), "--data", tmp.resolve("data").toString()};
        Random rnd = new Random(11);
        try (CollectorProcess first = CollectorProcess.start(tmp, FAST_COMMITS, args)) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread pusher = new Thread(() -> {
                try {
                    for (int round = 0; round < 100 && !stop.get(); round++) {
                        for (var e : fleet.entrySet()) {
                            long at = offset(first, e.getKey());
                            int n = (int) Math.min(e.getValue().length - at, 1 + rnd.nextInt(40_000));
                            if (n > 0) push(first, e.getKey(), e.getValue(), (int) at, n);
                        }
                    }
                } catch (IOException | InterruptedException expected) {
                    // the collector was killed under us
                }
            });
            pusher.start();
            awaitSomeCommitted(first);
            first.kill();
            stop.set(true);
            pusher.join();
        }
        try (CollectorProcess second = CollectorProcess.start(tmp, FAST_COMMITS, args)) {
            for (var e : fleet.entrySet()) {
                byte[] b = e.getValue();
                long have = offset(second, e.getKey());
                assertThat(have).isLessThanOrEqualTo(b.length);
                // the first chunk after the restart repeats bytes the collector already has: they must be skipped
                int at = (int) Math.max(0, have - 500);
                while (at < b.length) {
                    int n = Math.min(b.length - at, 1 + rnd.nextInt(40_000));
                    push(second, e.getKey(), b, at, n);
                    at += n;
                }
                if (b.length == have) push(second, e.getKey(), b, b.length, 0);
            }
            JsonNode status = awaitExpected(second);
            assertThat(figures(status)).isEqualTo(expected());
            assertNoDuplicateDocuments(second, status);
            assertStopsGracefully(second);
        }
    }

    /** SIGTERM: the JVM exits 143 after the shutdown hook drained and committed. */
    private static void assertStopsGracefully(CollectorProcess c) throws InterruptedException, IOException {
        assertThat(c.stop()).isEqualTo(143);
        Thread.sleep(300);
        assertThat(c.output()).contains("collector stopped");
    }

    private static void push(CollectorProcess c, String reg, byte[] all, int at, int n) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(c.uri("/api/v1/ingest/" + reg))
                .header("X-Tillwatch-Offset", Long.toString(at)).header("X-Tillwatch-File", DAY_FILE)
                .header("X-Tillwatch-End-Of-File", Boolean.toString(at + n == all.length))
                .POST(HttpRequest.BodyPublishers.ofByteArray(all, at, n)).build();
        HttpResponse<String> r = CollectorProcess.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 503) {
            Thread.sleep(200);
            push(c, reg, all, at, n);
            return;
        }
        if (r.statusCode() != 202) throw new IllegalStateException(reg + " push -> " + r.statusCode() + " " + r.body());
    }

    private static long offset(CollectorProcess c, String reg) throws IOException, InterruptedException {
        return c.get("/api/v1/ingest/" + reg).get("offset").asLong();
    }

    private static void writeUpTo(Path logs, Map<String, byte[]> fleet, Map<String, Integer> written, double share) throws IOException {
        for (var e : fleet.entrySet()) {
            int from = written.get(e.getKey());
            int to = (int) (e.getValue().length * share);
            if (to <= from) continue;
            Files.write(logs.resolve(e.getKey()).resolve("pos.log"), java.util.Arrays.copyOfRange(e.getValue(), from, to),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            written.put(e.getKey(), to);
        }
    }

    private static void awaitSomeCommitted(CollectorProcess c) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode s = c.get("/api/v1/status");
            if (s.get("receipts").asLong() > 100 && s.hasNonNull("last_commit")) return;
            Thread.sleep(50);
        }
        throw new AssertionError("nothing committed:\n" + c.output());
    }

    private static JsonNode awaitExpected(CollectorProcess c) throws Exception {
        Map<String, Object> expected = expected();
        long deadline = System.nanoTime() + 90_000_000_000L;
        JsonNode s = null;
        while (System.nanoTime() < deadline) {
            s = c.get("/api/v1/status");
            if (figures(s).equals(expected)) return s;
            Thread.sleep(200);
        }
        return s; // the caller's assertion shows the difference
    }

    /** Each receipt is one document: the index holds exactly receipts + incomplete per store. */
    private static void assertNoDuplicateDocuments(CollectorProcess c, JsonNode status) throws Exception {
        Thread.sleep(1500); // one refresh interval and then some
        var stores = status.get("stores").fields();
        while (stores.hasNext()) {
            var s = stores.next();
            long docs = c.get("/api/v1/transactions?store=" + s.getKey() + "&limit=1").get("total").asLong();
            assertThat(docs).as(s.getKey()).isEqualTo(s.getValue().get("receipts").asLong() + s.getValue().get("incomplete").asLong());
        }
    }

    static Map<String, Object> figures(JsonNode status) {
        Map<String, Object> out = new TreeMap<>();
        status.get("stores").fields().forEachRemaining(s -> out.put(s.getKey(), List.of(s.getValue().get("receipts").asLong(),
                s.getValue().get("loyalty").asLong(), s.getValue().get("failed").asLong(), s.getValue().get("incomplete").asLong())));
        out.put("outcomes", counts(status.get("outcomes")));
        out.put("tags", counts(status.get("tags")));
        out.put("malformed_lines", status.get("malformed_lines").asLong());
        return out;
    }

    static Map<String, Object> expected() throws IOException {
        JsonNode e = CollectorProcess.JSON.readTree(fleetRoot().resolve("expected.json").toFile());
        Map<String, Object> out = new TreeMap<>();
        e.get("stores").fields().forEachRemaining(s -> out.put(s.getKey(), List.of(s.getValue().get("receipts").asLong(),
                s.getValue().get("loyalty").asLong(), s.getValue().get("failed").asLong(), s.getValue().get("incomplete").asLong())));
        out.put("outcomes", counts(e.get("outcomes")));
        out.put("tags", counts(e.get("tags")));
        out.put("malformed_lines", e.get("malformed_lines").asLong());
        return out;
    }

    private static Map<String, Long> counts(JsonNode n) {
        Map<String, Long> m = new TreeMap<>();
        n.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asLong()));
        return m;
    }

    static Path fleetRoot() {
        Path p = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(p), "shared sample fleet not found at " + p);
        return p;
    }

    /** "STORE/POSnn" -> the register's day of logs, uncompressed. */
    static Map<String, byte[]> fleetBytes() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (var s = Files.walk(fleetRoot().resolve("logs"))) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            String reg = f.getParent().getParent().getFileName() + "/" + f.getParent().getFileName();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                in.transferTo(b);
            }
            out.put(reg, b.toByteArray());
        }
        return out;
    }
}
