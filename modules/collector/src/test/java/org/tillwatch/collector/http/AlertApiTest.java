package org.tillwatch.collector.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.live.ReceiptFact;

import static org.assertj.core.api.Assertions.assertThat;

/** Incidents, acknowledgements and silences over HTTP on a real collector, in the contract's JSON shape. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    Collector collector;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1");
        cfg = cfg.withAlerting(cfg.alerting().withPending(java.time.Duration.ZERO, java.time.Duration.ofMinutes(5)));
        collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"));
        for (int m = 0; m < 6; m++) {
            boolean failed = m >= 3;
            collector.alerts().receipt(new ReceiptFact("S001", "POS01", Instant.parse("2026-11-20T10:0" + m + ":00Z"), true, true,
                    failed, failed ? List.of("TIMEOUT") : List.of(), failed ? List.of(true) : List.of()));
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (collector != null) collector.close();
    }

    @Test
    void incidentsAreListedInTheContractShape() throws Exception {
        JsonNode list = ok(get("/api/v1/incidents?state=open&store=S001"));
        JsonNode i = list.get("incidents").get(0);
        assertThat(i.fieldNames()).toIterable().containsExactly("id", "kind", "scope", "stores", "severity", "started",
                "resolved", "state", "acknowledged_by", "impact", "summary");
        assertThat(i.get("kind").asText()).isEqualTo("store_availability");
        assertThat(i.get("scope").asText()).isEqualTo("S001");
        assertThat(i.get("severity").asText()).isEqualTo("critical");
        assertThat(i.get("started").asText()).isEqualTo("2026-11-20T10:05:00Z");
        assertThat(i.get("resolved").isNull()).isTrue();
        assertThat(i.get("impact").get("failed").asLong()).isEqualTo(3);
        assertThat(ok(get("/api/v1/incidents?at=2026-11-20T10:04:00Z")).get("incidents")).isEmpty();
        assertThat(ok(get("/api/v1/incidents?state=resolved")).get("incidents")).isEmpty();
        assertThat(ok(get("/api/v1/incidents/" + i.get("id").asText())).get("id").asText()).isEqualTo(i.get("id").asText());
    }

    @Test
    void badQueriesGetReasons() throws Exception {
        assertThat(get("/api/v1/incidents?state=closed").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/incidents?at=yesterday").body()).contains("ISO-8601");
        assertThat(get("/api/v1/incidents?store=s1").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = get("/api/v1/incidents/inc-999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("unknown_incident");
        assertThat(post("/api/v1/incidents/inc-1/acknowledge", "{}").body()).contains("by is required");
        assertThat(post("/api/v1/silences", "{\"store\":\"S001\",\"duration\":\"an hour\",\"by\":\"x\"}").body()).contains("PT1H");
        assertThat(post("/api/v1/silences", "{\"kind\":\"everything\",\"duration\":\"PT1H\",\"by\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/silences", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void acknowledgeAndSilence() throws Exception {
        String id = ok(get("/api/v1/incidents")).get("incidents").get(0).get("id").asText();
        JsonNode acked = ok(post("/api/v1/incidents/" + id + "/acknowledge", "{\"by\":\"Ivan\"}"));
        assertThat(acked.get("state").asText()).isEqualTo("acknowledged");
        assertThat(acked.get("acknowledged_by").asText()).isEqualTo("Ivan");
        HttpResponse<String> created = post("/api/v1/silences", "{\"store\":\"S001\",\"kind\":null,\"duration\":\"PT1H\",\"by\":\"Ivan\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String sid = JSON.readTree(created.body()).get("id").asText();
        assertThat(ok(get("/api/v1/silences")).get("silences").get(0).get("store").asText()).isEqualTo("S001");
        assertThat(HTTP.send(HttpRequest.newBuilder(uri("/api/v1/silences/" + sid)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        assertThat(HTTP.send(HttpRequest.newBuilder(uri("/api/v1/silences/" + sid)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + collector.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
