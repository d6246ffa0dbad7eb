package org.tillwatch.collector.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.RegisterKey;

import static org.assertj.core.api.Assertions.assertThat;

/** The collector's HTTP side on a real server: the sample fleet pushed in random chunks, then every kind of question. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectorApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    Collector collector;

    @BeforeAll
    void pushTheSampleFleet(@TempDir Path tmp) throws Exception {
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(SampleFleet.root().resolve("stores.csv"));
        collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"));
        Random rnd = new Random(3);
        for (Map.Entry<RegisterKey, byte[]> e : org.tillwatch.collector.ingest.IngestEngineTestSupport.fleetBytes().entrySet()) {
            byte[] b = e.getValue();
            for (int at = 0; at < b.length; ) {
                int n = Math.min(b.length - at, 1 + rnd.nextInt(64_000));
                HttpResponse<String> r = post("/api/v1/ingest/" + e.getKey(), b, at, n,
                        Map.of("X-Tillwatch-Offset", "" + at, "X-Tillwatch-File", "pos-2026-11-20.log",
                                "X-Tillwatch-End-Of-File", "" + (at + n == b.length)));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                JsonNode accepted = JSON.readTree(r.body());
                assertThat(accepted.get("store").asText() + "/" + accepted.get("register").asText()).isEqualTo(e.getKey().toString());
                assertThat(accepted.get("accepted_bytes").asLong()).isEqualTo(n);
                assertThat(accepted.get("offset").asLong()).isEqualTo(at + n);
                at += n;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !figures(get("/api/v1/status")).equals(SampleFleet.expected())) Thread.sleep(100);
        Thread.sleep(1500); // counted is not yet searchable: the index refreshes every 500 ms
    }

    @AfterAll
    void stop() throws IOException {
        if (collector != null) collector.close();
    }

    @Test
    void statusHasTheFiguresOfTheSamplesExpectedJson() throws Exception {
        JsonNode status = get("/api/v1/status");
        assertThat(figures(status)).isEqualTo(SampleFleet.expected());
        assertThat(status.get("stores").get("URMY").get("last_event").asText()).startsWith("2026-11-20T");
    }

    @Test
    void aCardsPurchasesAreFoundAndShownMasked() throws Exception {
        JsonNode expected = JSON.readTree(SampleFleet.root().resolve("expected.json").toFile()).get("cards");
        String card = expected.fieldNames().next();
        HttpResponse<String> r = post("/api/v1/transactions/search", ("{\"card\":\"" + card + "\"}").getBytes(StandardCharsets.UTF_8),
                0, -1, Map.of("Content-Type", "application/json"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode found = JSON.readTree(r.body());
        List<String> ids = new ArrayList<>();
        found.forEach(t -> ids.add(t.get("id").asText()));
        List<String> want = new ArrayList<>();
        expected.get(card).forEach(t -> want.add(t.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(want);
        assertThat(r.body()).doesNotContain(card);
    }

    @Test
    void oneTransactionInFullWithItsTimelineAndExplainedErrors() throws Exception {
        JsonNode store = get("/api/v1/transactions?store=KY9A&limit=5");
        assertThat(store.get("total").asLong()).isEqualTo(421);
        String id = store.get("transactions").get(0).get("id").asText();
        JsonNode t = get("/api/v1/transactions/" + id);
        assertThat(t.get("transaction").get("raw").size()).isGreaterThan(3);
        if (t.get("failed").asBoolean()) {
            assertThat(t.get("explanations").get(0).get("title").get("ru").asText()).isNotBlank();
        }
    }

    @Test
    void storeAndChainStatusOnEventTime() throws Exception {
        JsonNode ky = get("/api/v1/stores/KY9A");
        JsonNode day = ky.get("windows").get("1d");
        assertThat(day.get("loyalty").asLong()).isPositive();
        assertThat(day.get("availability").asDouble()).isZero(); // DeviceNotFound all day
        assertThat(day.get("top_errors").get(0).get("outcome").asText()).isEqualTo("DeviceNotFound");
        JsonNode chain = get("/api/v1/chain");
        assertThat(chain.get("watermark").asText()).startsWith("2026-11-20");
        assertThat(chain.get("windows").has("5m")).isTrue();
    }

    @Test
    void metricsPassPromtool() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("tillwatch_receipts_total{", "tillwatch_loyalty_critical_errors_total{",
                "tillwatch_loyalty_request_duration_seconds_bucket{", "tillwatch_payments_total{", "tillwatch_malformed_lines_total{",
                "tillwatch_ingest_lag_seconds", "tillwatch_queue_depth{");
        assertThat(r.body()).doesNotContain("POS0").doesNotContainPattern("7000\\d{12}"); // no register, no loyalty card
        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(r.body().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("promtool check metrics (apt-get install prometheus):\n" + out).isZero();
    }

    @Test
    void aReceiptIsSearchableSoonAfterItsLastLine() throws Exception {
        String receipt = String.join("\n",
                "2026-11-20 23:50:00.000 INFO  [PurchaseManager] Receipt opened: shift=9 receipt=1 type=SALE cashier=0001",
                "2026-11-20 23:50:05.000 INFO  [PurchaseManager] Receipt closed: shift=9 receipt=1 total=0.00 status=OK", "");
        long start = System.nanoTime();
        byte[] b = receipt.getBytes(StandardCharsets.US_ASCII);
        assertThat(post("/api/v1/ingest/ZZ99/POS01", b, 0, b.length, Map.of()).statusCode()).isEqualTo(202);
        int status = 0;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10) && status != 200) {
            status = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/transactions/ZZ99/POS01/9/1/2026-11-20")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status != 200) Thread.sleep(50);
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void badRequestsGetAReason() throws Exception {
        byte[] x = "x\n".getBytes(StandardCharsets.US_ASCII);
        assertError(post("/api/v1/ingest/bad/POS01", x, 0, 2, Map.of()), 400, "bad_store");
        assertError(post("/api/v1/ingest/URMY/TILL1", x, 0, 2, Map.of()), 400, "bad_register");
        assertError(post("/api/v1/ingest/URMY/POS01", x, 0, 2, Map.of("X-Tillwatch-Offset", "999999999")), 409, "offset_mismatch");
        assertError(post("/api/v1/ingest/URMY/POS01", x, 0, 2, Map.of("X-Tillwatch-Offset", "-1")), 400, "bad_offset");
        byte[] big = new byte[9 * 1024 * 1024];
        assertError(post("/api/v1/ingest/URMY/POS01", big, 0, big.length, Map.of()), 413, "too_large");
        assertError(post("/api/v1/transactions/search", "{\"card\":\"12\"}".getBytes(StandardCharsets.UTF_8), 0, -1, Map.of()), 400, "bad_card");
        assertError(getRaw("/api/v1/transactions"), 400, "bad_store");
        assertError(getRaw("/api/v1/transactions?store=URMY&from=yesterday"), 400, "bad_time");
        assertError(getRaw("/api/v1/transactions/URMY/POS01/1/1/2026-11-20"), 404, "not_found");
        assertError(getRaw("/api/v1/stores/QQQQ"), 404, "unknown_store");
        assertError(getRaw("/api/v1/nothing"), 404, "not_found");
        assertThat(get("/api/v1/errors/QrCodeExpired").get("critical").asBoolean()).isFalse();
        assertThat(get("/api/v1/errors/QrCodeExpired").get("category").asText()).isEqualTo("card");
        assertThat(get("/api/v1/errors/HTTP_502").get("escalation").get("line").asText()).isEqualTo("processing");
        assertThat(getRaw("/health/ready").statusCode()).isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> r, int status, String error) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("reason").asText()).isNotBlank();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + collector.port() + path);
    }

    private HttpResponse<String> post(String path, byte[] body, int off, int len, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .POST(len < 0 ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.ofByteArray(body, off, len));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getRaw(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = getRaw(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static Map<String, Object> figures(JsonNode status) {
        Map<String, Object> out = new TreeMap<>();
        status.get("stores").fields().forEachRemaining(s -> {
            if (!s.getKey().equals("ZZ99")) out.put(s.getKey(), List.of(s.getValue().get("receipts").asLong(),
                    s.getValue().get("loyalty").asLong(), s.getValue().get("failed").asLong(), s.getValue().get("incomplete").asLong()));
        });
        Map<String, Long> outcomes = new TreeMap<>();
        status.get("outcomes").fields().forEachRemaining(f -> outcomes.put(f.getKey(), f.getValue().asLong()));
        Map<String, Long> tags = new TreeMap<>();
        status.get("tags").fields().forEachRemaining(f -> tags.put(f.getKey(), f.getValue().asLong()));
        out.put("outcomes", outcomes);
        out.put("tags", tags);
        out.put("malformed_lines", status.get("malformed_lines").asLong());
        return out;
    }
}
