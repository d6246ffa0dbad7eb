package org.tillwatch.collector.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.config.CollectorConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A register that goes quiet has its last entry read early; continuation lines that still come for that entry are
 * dropped. They are counted in {@code /api/v1/status} and {@code tillwatch_dropped_continuation_lines_total}, and the
 * count survives a restart (it is part of the committed figures).
 */
class DroppedContinuationLinesTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff");
    private static final String RECEIPT = "2026-11-20 10:00:00.000 INFO  [PurchaseManager] Receipt opened: shift=1 receipt=1 type=SALE cashier=0001\n"
            + "2026-11-20 10:00:01.000 INFO  [PurchaseManager] Receipt closed: shift=1 receipt=1 total=0.00 status=OK\n";

    @TempDir
    Path tmp;

    @Test
    void continuationLinesAfterAnEarlyReadAreCountedInStatusAndMetricsAcrossARestart() throws Exception {
        CollectorConfig base = CollectorConfig.defaults();
        CollectorConfig.Ingest d = base.ingest();
        CollectorConfig cfg = base.withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(SampleFleet.root().resolve("stores.csv"))
                .withIngest(new CollectorConfig.Ingest(1, d.maxChunkBytes(), d.maxBacklogBytes(), d.commitInterval(),
                        d.refreshInterval(), Duration.ofMillis(100), d.silenceExpiry()));
        try (Collector collector = Collector.start(cfg, ENV)) {
            String url = "http://127.0.0.1:" + collector.port();
            push(url, RECEIPT, 0);
            eventually(() -> status(url).get("receipts").asLong() == 1); // its close read early: the register is quiet
            assertThat(status(url).get("dropped_continuation_lines").asLong()).isZero();
            String more = "\tcontinued\n\tand again\n2026-11-20 10:00:05.000 DEBUG [Heartbeat] alive uptime=1\n";
            push(url, more, RECEIPT.length());
            eventually(() -> status(url).get("dropped_continuation_lines").asLong() == 2);
            assertThat(droppedMetric(url)).isEqualTo(2.0);
        }
        try (Collector collector = Collector.start(cfg, ENV)) {
            String url = "http://127.0.0.1:" + collector.port();
            assertThat(status(url).get("dropped_continuation_lines").asLong()).isEqualTo(2);
            assertThat(droppedMetric(url)).isEqualTo(2.0);
        }
    }

    private static void push(String url, String text, long offset) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/ingest/URMY/POS01"))
                .header("X-Tillwatch-Offset", Long.toString(offset))
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.US_ASCII)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    private static JsonNode status(String url) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static double droppedMetric(String url) throws Exception {
        String scrape = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String series = "tillwatch_dropped_continuation_lines_total ";
        return scrape.lines().filter(l -> l.startsWith(series)).mapToDouble(l -> Double.parseDouble(l.substring(series.length())))
                .findFirst().orElse(Double.NaN);
    }

    private static void eventually(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 20 s");
            Thread.sleep(50);
        }
    }
}
