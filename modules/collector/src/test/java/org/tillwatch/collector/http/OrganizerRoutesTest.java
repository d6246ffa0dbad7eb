package org.tillwatch.collector.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
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
import org.tillwatch.collector.ingest.IngestEngineTestSupport;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.RegisterKey;

import static org.assertj.core.api.Assertions.assertThat;

/** The organizer API on a real collector holding the sample fleet's small store (N4NJ): filters, paging, 400s. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizerRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORE = "N4NJ";

    Collector collector;
    JsonNode expected;

    @BeforeAll
    void pushOneStore(@TempDir Path tmp) throws Exception {
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(SampleFleet.root().resolve("stores.csv"));
        collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"));
        expected = JSON.readTree(SampleFleet.root().resolve("expected.json").toFile()).get("stores").get(STORE);
        for (Map.Entry<RegisterKey, byte[]> e : IngestEngineTestSupport.fleetBytes().entrySet()) {
            if (!e.getKey().store().equals(STORE)) continue;
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/ingest/" + e.getKey()))
                    .header("X-Tillwatch-Offset", "0").header("X-Tillwatch-End-Of-File", "true")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(e.getValue())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }
        long want = expected.get("receipts").asLong() + expected.get("incomplete").asLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && post("receipts", "{\"filter\":{\"store\":\"N4NJ\"},\"limit\":0}").body().indexOf("\"total\":" + want) < 0) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (collector != null) collector.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + collector.port() + path);
    }

    private HttpResponse<String> post(String what, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/organizer/" + what)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String what, String body) throws Exception {
        HttpResponse<String> r = post(what, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void pagesOfWholeTransactionsInCloseTimeOrder() throws Exception {
        JsonNode all = ok("receipts", "{\"filter\":{\"store\":\"N4NJ\",\"status\":[\"OK\",\"CANCELLED\"]},\"limit\":100}");
        assertThat(all.get("total").asLong()).isEqualTo(expected.get("receipts").asLong());
        JsonNode list = all.get("transactions");
        for (int i = 1; i < list.size(); i++) {
            assertThat(list.get(i).get("closedAt").asText()).isGreaterThanOrEqualTo(list.get(i - 1).get("closedAt").asText());
        }
        assertThat(list.get(0).get("raw")).isNotEmpty();
        assertThat(list.toString()).doesNotContainPattern("card=\\d{16}");
        JsonNode second = ok("receipts", "{\"filter\":{\"store\":\"N4NJ\",\"status\":[\"OK\",\"CANCELLED\"]},\"offset\":1,\"limit\":2}");
        assertThat(second.get("transactions").get(0).get("id")).isEqualTo(list.get(1).get("id"));
        JsonNode last = list.get(1);
        String cursor = "{\"closed_at\":" + java.time.Instant.parse(last.get("closedAt").asText()).toEpochMilli()
                + ",\"store\":\"N4NJ\",\"register\":\"" + last.get("id").get("register").get("register").asText() + "\"}";
        JsonNode after = ok("receipts", "{\"filter\":{\"store\":\"N4NJ\",\"status\":[\"OK\",\"CANCELLED\"]},\"after\":" + cursor + ",\"limit\":100}");
        assertThat(after.get("transactions")).hasSize(list.size() - 2);
        assertThat(after.get("transactions").get(0).get("id")).isEqualTo(list.get(2).get("id"));
        JsonNode newest = ok("receipts", "{\"filter\":{\"store\":\"N4NJ\",\"status\":[\"OK\",\"CANCELLED\"]},\"limit\":1,\"newest_first\":true}");
        assertThat(newest.get("transactions").get(0).get("id")).isEqualTo(list.get(list.size() - 1).get("id"));
    }

    @Test
    void outcomeCountsAndStoreLocalTimes() throws Exception {
        JsonNode o = ok("outcomes", "{\"filter\":{\"store\":\"N4NJ\"}}");
        assertThat(o.get("receipts").asLong()).isEqualTo(expected.get("receipts").asLong() + expected.get("incomplete").asLong());
        assertThat(o.get("outcomes").get("Ok").asLong()).isEqualTo(expected.get("loyalty").asLong());
        // N4NJ is in Asia/Yekaterinburg (+05:00): a store-local day is that store's day
        JsonNode local = ok("receipts", "{\"filter\":{\"store\":\"N4NJ\",\"from\":\"2026-11-20\",\"to\":\"2026-11-20\"},\"limit\":0}");
        JsonNode instant = ok("receipts", "{\"filter\":{\"store\":\"N4NJ\",\"from\":\"2026-11-19T19:00:00Z\",\"to\":\"2026-11-20T19:00:00Z\"},\"limit\":0}");
        assertThat(local.get("total")).isEqualTo(instant.get("total"));
    }

    @Test
    void badRequestsGetA400WithTheReason() throws Exception {
        HttpResponse<String> json = post("receipts", "not json");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("bad_json");
        HttpResponse<String> time = post("receipts", "{\"filter\":{\"from\":\"yesterday\"}}");
        assertThat(time.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(time.body()).get("reason").asText()).contains("from must be a store-local time");
        HttpResponse<String> limit = post("receipts", "{\"limit\":100000}");
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(limit.body()).contains("bad_limit");
        HttpResponse<String> status = post("outcomes", "{\"filter\":{\"status\":[\"DONE\"]}}");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.body()).contains("status must be OK, CANCELLED or INCOMPLETE");
        assertThat(post("receipts", "{\"filter\":{\"ids\":[\"../../etc\"]}}").statusCode()).isEqualTo(400);
        HttpResponse<String> after = post("receipts", "{\"after\":{\"closed_at\":\"soon\"}}");
        assertThat(after.statusCode()).isEqualTo(400);
        assertThat(after.body()).contains("bad_after");
    }
}
