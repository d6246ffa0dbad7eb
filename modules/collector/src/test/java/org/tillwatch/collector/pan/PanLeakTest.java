package org.tillwatch.collector.pan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.collector.ingest.IngestEngineTestSupport;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.Security;
import org.tillwatch.web.auth.PasswordHasher;
import org.tillwatch.domain.model.RegisterKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No full PAN anywhere a collector writes or answers: the sample fleet (with the old register build that logs full
 * card numbers) is tailed (two stores) and pushed in random chunks (the rest), every kind of answer is read, the collector is stopped and started again on
 * the same data directory, and then every file of the data directory (raw, gunzipped, Lucene stored fields), every
 * answer and everything the collector logged through java.util.logging (at every level of org.tillwatch) is scanned.
 */
class PanLeakTest {
    static final Map<String, String> ENV = Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    /** Stores read by tailing a copy of their log tree (both hold the old build's full PANs); the rest are pushed. */
    static final List<String> TAILED = List.of("URMY", "DY9F");

    @Test
    void theScanFindsThePansTheOldBuildLogged() throws Exception {
        PanScan scan = PanScan.ofSampleFleet(SampleFleet.root());
        List<String> inSource = scan.inTree(SampleFleet.root().resolve("logs"));
        assertThat(inSource).as("the sample logs hold full PANs, so a scan that finds none is blind").isNotEmpty();
        assertThat(String.join("\n", inSource)).contains(scan.known().iterator().next());
        assertThat(PanScan.luhn("4111111111111111")).isTrue();
        assertThat(PanScan.luhn("4111111111111112")).isFalse();
        assertThat(scan.in("pan=546938******8688 card=7000348403967001 ts=1763625600000 op=4c38c059f6901945609710150df15de0")).isEmpty();
        assertThat(scan.in("rrn=1 pan=\"4111111111111111\"")).containsExactly("4111111111111111");
    }

    @Test
    void noFullPanInTheDataDirectoryAnswersOrLogs(@TempDir Path tmp) throws Exception {
        PanScan scan = PanScan.ofSampleFleet(SampleFleet.root());
        Path data = tmp.resolve("data");
        Path tailed = tmp.resolve("logs");
        for (String store : TAILED) copyTree(SampleFleet.root().resolve("logs").resolve(store), tailed.resolve(store));
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(data).withLogsRoot(tailed).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(SampleFleet.root().resolve("stores.csv"))
                .withSecurity(new Security(Duration.ofMinutes(30), List.of(
                        new Security.User("sam", PasswordHasher.hash("support-secret-2".toCharArray()), "support")), List.of()));
        StringBuilder logged = new StringBuilder();
        Handler capture = capture(logged);
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("org.tillwatch");
        Level before = ours.getLevel();
        root.addHandler(capture);
        ours.setLevel(Level.ALL);
        StringBuilder answers = new StringBuilder();
        try {
            try (Collector c = Collector.start(cfg, ENV)) {
                String base = "http://127.0.0.1:" + c.port();
                push(base, answers);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                while (System.nanoTime() < deadline && !SampleFleet.of(c.engine().figures()).equals(SampleFleet.expected())) Thread.sleep(100);
                assertThat(SampleFleet.of(c.engine().figures())).isEqualTo(SampleFleet.expected());
                Thread.sleep(1200); // the index refreshes every 500 ms
                readEverything(base, scan, answers);
            }
            try (Collector again = Collector.start(cfg, ENV)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < deadline && !again.engine().ready()) Thread.sleep(50);
                assertThat(again.engine().ready()).isTrue();
                answers.append(get("http://127.0.0.1:" + again.port() + "/api/v1/transactions?store=URMY&limit=1000"));
            }
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }
        assertThat(scan.inTree(data)).as("full PANs in the data directory").isEmpty();
        assertThat(answers.length()).isGreaterThan(10_000);
        assertThat(scan.in(answers.toString())).as("full PANs in API and UI answers").isEmpty();
        assertThat(scan.in(logged.toString())).as("full PANs in the collector's own log").isEmpty();
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(target);
                else java.nio.file.Files.copy(p, target);
            }
        }
    }

    private static void push(String base, StringBuilder answers) throws Exception {
        Random rnd = new Random(11);
        for (Map.Entry<RegisterKey, byte[]> e : IngestEngineTestSupport.fleetBytes().entrySet()) {
            if (TAILED.contains(e.getKey().store())) continue;
            byte[] b = e.getValue();
            for (int at = 0; at < b.length; ) {
                int n = Math.min(b.length - at, 1 + rnd.nextInt(48_000));
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/" + e.getKey()))
                        .header("X-Tillwatch-Offset", "" + at).header("X-Tillwatch-File", "pos-2026-11-20.log")
                        .header("X-Tillwatch-End-Of-File", "" + (at + n == b.length))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(b, at, n)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                answers.append(r.body());
                at += n;
            }
        }
    }

    /** Every answer that can carry log content: lists, each URMY receipt in full, card searches by the PANs themselves, malformed samples, metrics. */
    private static void readEverything(String base, PanScan scan, StringBuilder answers) throws Exception {
        for (String path : List.of("/api/v1/status", "/api/v1/chain", "/api/v1/stores", "/api/v1/malformed", "/api/v1/incidents?state=all", "/metrics")) {
            answers.append(get(base + path));
        }
        List<String> ids = new ArrayList<>();
        for (String store : List.of("URMY", "AX1B", "DY9F", "KY9A", "17W0")) {
            String list = get(base + "/api/v1/transactions?store=" + store + "&limit=1000");
            answers.append(list);
            JsonNode page = JSON.readTree(list);
            JsonNode txs = page.has("transactions") ? page.get("transactions") : page;
            for (JsonNode t : txs) if (t.hasNonNull("id") && ids.size() < 400) ids.add(t.get("id").asText());
        }
        assertThat(ids).as("receipts to open").isNotEmpty();
        for (String id : ids) answers.append(get(base + "/api/v1/transactions/" + id));
        HttpClient sam = supportSession(base);
        for (String page : List.of("/ui/stores", "/ui/stores/URMY", "/ui/search")) answers.append(get(sam, base + page));
        for (String id : ids.subList(0, Math.min(ids.size(), 150))) {
            HttpResponse<String> r = sam.send(HttpRequest.newBuilder(URI.create(base + "/ui/receipts/" + id)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("/ui/receipts/" + id).isEqualTo(200);
            answers.append(r.body());
        }
        int n = 0;
        for (String pan : scan.known()) {
            if (n++ == 10) break;
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/transactions/search"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"card\":\"" + pan + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            answers.append(r.body());
        }
        answers.append(post(base + "/api/v1/organizer/receipts", "{\"filter\":{\"store\":\"URMY\"},\"limit\":500}"));
        String pan = scan.known().iterator().next();
        HttpResponse<String> ticket = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"id\":\"PAN-1\",\"created\":\"2026-11-20T18:00:00Z\",\"channel\":\"chat\",\"receipt\":\"" + ids.get(0)
                        + "\",\"topic\":\"points_missing\",\"text\":\"Платил картой " + pan + ", баллов нет / paid with card " + pan + "\"}",
                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(201);
        answers.append(ticket.body()).append(get(base + "/api/v1/tickets/PAN-1")).append(get(base + "/api/v1/tickets/PAN-1/export"))
                .append(get(base + "/api/v1/tickets"));
    }

    /** A support account sees the most of a receipt in the UI, raw log entries included. */
    private static HttpClient supportSession(String base) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get(browser, base + "/ui/login"));
        assertThat(m.find()).isTrue();
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + "/ui/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=sam&password=support-secret-2&csrf=" + java.net.URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        return browser;
    }

    private static String get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Handler capture(StringBuilder into) {
        SimpleFormatter format = new SimpleFormatter();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (into) {
                    into.append(format.format(r));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        h.setLevel(Level.ALL);
        return h;
    }
}
