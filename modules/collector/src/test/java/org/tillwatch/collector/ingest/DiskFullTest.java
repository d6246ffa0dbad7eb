package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.RegisterKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data directory on a small tmpfs that really fills up (ENOSPC), then is freed: ingestion pauses and says why
 * (503 disk_full with Retry-After, readiness with the reason, metrics, a data_dir_full incident), takes nothing it
 * cannot keep, and goes on by itself once space is back, every receipt counted once.
 */
class DiskFullTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "pos-2026-11-20.log";
    private static final int CHUNK = 64 * 1024;
    private static final String TAILED = "AX1B";

    @TempDir
    Path tmp;

    @Test
    void aFullDataDirectoryPausesIngestionSaysSoAndResumesWhenSpaceIsFreed() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), 64)) {
            Path logs = tmp.resolve("logs");
            Files.createDirectories(logs);
            CollectorConfig cfg = config(disk, logs);
            Map<RegisterKey, byte[]> fleet = IngestEngineTestSupport.fleetBytes();
            fleet.keySet().removeIf(k -> k.store().equals(TAILED)); // that store is tailed, from files put there while the disk is full
            try (Collector collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
                String url = "http://127.0.0.1:" + collector.port();
                IngestEngine engine = collector.engine();
                for (var e : fleet.entrySet()) pushUpTo(url, e.getKey(), e.getValue(), e.getValue().length / 2);
                assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
                engine.commit();
                Instant committed = engine.lastCommit();
                assertThat(committed).isNotNull();
                Map<String, Object> before = SampleFleet.of(engine.figures());

                // the disk fills as disks do: first below the reserve (ingestion pauses, no merge starts), then to the last byte
                Path filler = disk.dir().resolve("filler");
                long free = Files.getFileStore(disk.dir()).getUsableSpace();
                Files.write(disk.dir().resolve("filler.first"), new byte[(int) (free - (6L << 20))]);
                eventually(() -> get(url + "/health/ready").statusCode() == 503);
                Thread.sleep(1_000); // a merge begun before has ended
                IOException enospc = disk.fill(filler);
                assertThat(enospc).hasMessageContaining("No space left on device");

                // a push is refused and says why; the spool takes nothing
                RegisterKey first = fleet.keySet().iterator().next();
                long offset = engine.pushedOffset(first);
                HttpResponse<String> refused = push(url, first, fleet.get(first), (int) offset, CHUNK);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("disk_full");
                assertThat(JSON.readTree(refused.body()).get("reason").asText()).contains("data directory disk full");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(engine.pushedOffset(first)).isEqualTo(offset);

                eventually(() -> get(url + "/health/ready").statusCode() == 503);
                assertThat(get(url + "/health/ready").body()).contains("data directory disk full").contains(disk.dir().toString());
                String metrics = get(url + "/metrics").body();
                assertThat(metrics).contains("tillwatch_data_dir_writable 0.0");
                assertThat(metric(metrics, "tillwatch_ingest_refused_total{reason=\"disk_full\"}")).isGreaterThanOrEqualTo(1);
                eventually(() -> openIncident(url) != null);
                assertThat(openIncident(url).get("summary").asText()).contains("диск каталога данных заполнен")
                        .contains("the data directory's disk is full");

                // tailing pauses: the tailed store's files are found but not read
                // (the store's folder moved in whole, as a tailer finds a folder: not file by file in any order)
                copyTree(SampleFleet.root().resolve("logs").resolve(TAILED), tmp.resolve("staging"));
                Files.move(tmp.resolve("staging"), logs.resolve(TAILED));
                eventually(() -> engine.figures().stream().filter(f -> f.key().register().store().equals(TAILED)).count() == 3);
                Thread.sleep(1_000);
                assertThat(engine.figures().stream().filter(f -> f.key().register().store().equals(TAILED)))
                        .allSatisfy(f -> assertThat(f.position()).as("not read while the disk is full").isZero());
                Map<String, Object> during = new java.util.TreeMap<>(SampleFleet.of(engine.figures()));
                during.remove(TAILED);
                assertThat(during).isEqualTo(before);
                engine.commit();
                assertThat(engine.lastCommit()).as("no commit while the disk is full").isEqualTo(committed);

                // space back: no restart, ingestion goes on by itself
                disk.free(filler);
                Files.delete(disk.dir().resolve("filler.first"));
                eventually(() -> get(url + "/health/ready").statusCode() == 200);
                assertThat(get(url + "/metrics").body()).contains("tillwatch_data_dir_writable 1.0");
                eventually(() -> openIncident(url) == null);
                for (var e : fleet.entrySet()) pushUpTo(url, e.getKey(), e.getValue(), e.getValue().length);
                assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
                engine.commit();
                assertThat(engine.lastCommit()).isAfter(committed);
                assertThat(SampleFleet.of(engine.figures())).isEqualTo(SampleFleet.expected());
                for (var e : fleet.entrySet()) assertThat(engine.pushedOffset(e.getKey())).isEqualTo(e.getValue().length);
                assertThat(engine.failure()).isNull();
            }
        }
    }

    @Test
    void aShutdownWhileTheDiskIsFullLosesNothingAndIndexesNothingTwice() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), 64)) {
            CollectorConfig cfg = config(disk, null);
            Map<RegisterKey, byte[]> fleet = IngestEngineTestSupport.fleetBytes();
            Path low = disk.dir().resolve("filler.first");
            try (Collector collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
                String url = "http://127.0.0.1:" + collector.port();
                for (var e : fleet.entrySet()) pushUpTo(url, e.getKey(), e.getValue(), e.getValue().length / 4);
                assertThat(collector.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
                assertThat(collector.engine().commit()).isTrue();
                for (var e : fleet.entrySet()) pushUpTo(url, e.getKey(), e.getValue(), e.getValue().length / 2);
                assertThat(collector.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
                long free = Files.getFileStore(disk.dir()).getUsableSpace();
                Files.write(low, new byte[(int) (free - (6L << 20))]);
                eventually(() -> get(url + "/health/ready").statusCode() == 503);
            } // stopped while short of space: the documents read since the commit are not committed under its name
            Files.delete(low);
            try (Collector collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
                String url = "http://127.0.0.1:" + collector.port();
                for (var e : fleet.entrySet()) pushUpTo(url, e.getKey(), e.getValue(), e.getValue().length);
                assertThat(collector.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
                assertThat(SampleFleet.of(collector.engine().figures())).isEqualTo(SampleFleet.expected());
                long transactions = collector.engine().figures().stream().mapToLong(f -> f.figures().receipts() + f.figures().incomplete()).sum();
                assertThat(metric(get(url + "/metrics").body(), "tillwatch_index_documents")).as("documents in the index")
                        .isEqualTo((double) transactions);
            }
        }
    }

    @Test
    void aSpoolAppendThatHitsAFullDiskTakesNothingSoARetryIsExact() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), 1)) {
            SpoolSegments spool = SpoolSegments.open(disk.dir().resolve("spool"), "push:TEST/POS01");
            byte[] head = "2026-11-20 10:00:00.000 INFO  [PaymentManager] Payment: tender=CARD amount=1.00 pan=4276380012"
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] rest = ("345678 rc=00\n" + "x".repeat(600 * 1024) + "\n").getBytes(StandardCharsets.US_ASCII);
            assertThat(spool.append(head, 0, head.length, FILE, false)).isEqualTo(head.length);
            Path filler = disk.dir().resolve("filler");
            disk.fill(filler);
            Files.deleteIfExists(filler.resolveSibling("filler.tail"));
            // free a little: the first bytes of the chunk fit, the rest does not
            shrink(filler, 8 * 1024);
            IOException full = null;
            try {
                spool.append(rest, 0, rest.length, FILE, true);
            } catch (IOException e) {
                full = e;
            }
            assertThat(full).as("the append must hit the full disk").isNotNull();
            assertThat(DataDisk.noSpace(full)).isTrue();
            assertThat(spool.length()).isEqualTo(head.length);
            assertThat(Files.size(spool0(disk))).as("the partly written chunk was taken back").isEqualTo(head.length);

            disk.free(filler);
            assertThat(spool.append(rest, 0, rest.length, FILE, true)).isEqualTo(head.length + rest.length);
            String text = Files.readString(spool0(disk), StandardCharsets.US_ASCII);
            assertThat(text).startsWith(new String(head, StandardCharsets.US_ASCII).replace("4276380012", "427638****"))
                    .contains("******5678 rc=00\n").doesNotContain("4276380012345678");
            assertThat(text.length()).isEqualTo(head.length + rest.length);
        }
    }

    /** Commits are made by the test, not the timer: one running while the test fills the disk would fail half done. */
    private static CollectorConfig config(Tmpfs disk, Path logs) {
        CollectorConfig base = CollectorConfig.defaults();
        CollectorConfig.Ingest d = base.ingest();
        return new CollectorConfig(base.server(), new CollectorConfig.Logs(logs, Duration.ofMillis(200), Duration.ofMillis(300)),
                base.stores(), new CollectorConfig.Data(disk.dir().resolve("data"), 8L << 20),
                new CollectorConfig.Ingest(2, 1 << 20, 16 << 20, Duration.ofMinutes(10), d.refreshInterval(), d.idleFlush(),
                        d.silenceExpiry()), base.live(), base.alerting(), base.security(), base.telegram(), base.cluster())
                .withPort(0).withHost("127.0.0.1").withStoresRegistry(SampleFleet.root().resolve("stores.csv"));
    }

    private static Path spool0(Tmpfs disk) {
        return disk.dir().resolve("spool").resolve("00000000000000000000.log");
    }

    private static void shrink(Path file, long by) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - by);
        }
    }

    private static void pushUpTo(String url, RegisterKey key, byte[] bytes, int end) throws Exception {
        int at = (int) Math.min(end, currentOffset(url, key));
        while (at < end) {
            int n = Math.min(CHUNK, end - at);
            HttpResponse<String> r = push(url, key, bytes, at, n);
            if (r.statusCode() == 202) {
                at += n;
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                Thread.sleep(50);
            }
        }
    }

    private static long currentOffset(String url, RegisterKey key) throws Exception {
        return JSON.readTree(get(url + "/api/v1/ingest/" + key).body()).get("offset").asLong();
    }

    private static HttpResponse<String> push(String url, RegisterKey key, byte[] bytes, int at, int max) throws Exception {
        int n = Math.min(max, bytes.length - at);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/ingest/" + key))
                .header("X-Tillwatch-Offset", Integer.toString(at)).header("X-Tillwatch-File", FILE)
                .header("X-Tillwatch-End-Of-File", Boolean.toString(at + n == bytes.length))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes, at, n)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode openIncident(String url) throws Exception {
        for (JsonNode i : JSON.readTree(get(url + "/api/v1/incidents?state=open").body()).get("incidents")) {
            if (i.get("kind").asText().equals("data_dir_full")) return i;
        }
        return null;
    }

    private static double metric(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElse(Double.NaN);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target); else Files.copy(f, target);
            }
        }
    }

    private static void eventually(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 20 s");
            Thread.sleep(50);
        }
    }
}
