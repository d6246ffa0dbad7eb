package org.tillwatch.collector.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every panel query of dashboards/grafana/dashboards/support-tickets.json evaluated by a real Prometheus (Debian's binary,
 * installed by .ci/run) scraping a real collector that takes tickets: each must run and return a number.
 */
class SupportTicketsDashboardTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPanelQueryReturnsNumbersFromARealPrometheus(@TempDir Path tmp) throws Exception {
        Path binary = Path.of("/usr/bin/prometheus");
        assumeTrue(Files.isExecutable(binary), "prometheus not installed (apt-get install prometheus; .ci/run does it)");
        Path dashboard = Path.of(System.getProperty("user.dir"), "..", "..", "dashboards", "grafana", "dashboards", "support-tickets.json");
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1");
        try (Collector c = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
            int port = freePort();
            Files.writeString(tmp.resolve("prometheus.yml"), """
                    global: {scrape_interval: 1s, scrape_timeout: 900ms}
                    scrape_configs:
                      - job_name: tillwatch
                        static_configs: [{targets: ['127.0.0.1:%d']}]
                    """.formatted(c.port()));
            Process p = new ProcessBuilder(binary.toString(), "--config.file=" + tmp.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + tmp.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
            try {
                awaitScrapes(port, p, tmp);
                for (int i = 0; i < 3; i++) {
                    String t = "{\"id\":\"D-" + i + "\",\"created\":\"2026-11-20T18:00:00Z\",\"channel\":\"phone\",\"card\":\"700012341234123" + i
                            + "\",\"date\":\"2026-11-20\",\"topic\":\"points_missing\"}";
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port() + "/api/v1/tickets"))
                            .POST(HttpRequest.BodyPublishers.ofString(t)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(201);
                }
                Thread.sleep(3000); // a few scrapes after the tickets

                List<String> failures = new ArrayList<>();
                int evaluated = 0;
                for (JsonNode panel : JSON.readTree(dashboard.toFile()).get("panels")) {
                    for (JsonNode target : panel.get("targets")) {
                        String expr = target.get("expr").asText().replace("$__range", "1m");
                        JsonNode data = target.get("instant").asBoolean() ? api(port, "/api/v1/query?query=" + enc(expr))
                                : api(port, "/api/v1/query_range?query=" + enc(expr) + "&start=" + (Instant.now().getEpochSecond() - 20)
                                        + "&end=" + Instant.now().getEpochSecond() + "&step=1");
                        evaluated++;
                        if (!hasNumber(data)) failures.add(panel.get("title").asText() + ": " + expr + " -> " + data);
                    }
                }
                assertThat(evaluated).isGreaterThanOrEqualTo(10);
                assertThat(failures).isEmpty();
                JsonNode in = api(port, "/api/v1/query?query=" + enc("sum(increase(tillwatch_tickets_received_total{channel=\"phone\"}[1m]))"));
                assertThat(in.get("result").get(0).get("value").get(1).asDouble()).as("tickets in, seen by Prometheus").isGreaterThan(0);
                JsonNode person = api(port, "/api/v1/query?query=" + enc("sum(tillwatch_tickets{status=\"with_person\"})"));
                assertThat(person.get("result").get(0).get("value").get(1).asDouble()).isEqualTo(3.0);
            } finally {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
    }

    private static boolean hasNumber(JsonNode data) {
        for (JsonNode r : data.path("result")) {
            if (r.has("value") && isNumber(r.get("value").get(1).asText())) return true;
            for (JsonNode v : r.path("values")) if (isNumber(v.get(1).asText())) return true;
        }
        return false;
    }

    private static boolean isNumber(String s) {
        try {
            return !Double.isNaN(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void awaitScrapes(int port, Process p, Path tmp) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("prometheus exited: " + Files.readString(tmp.resolve("prometheus.log")));
            try {
                JsonNode up = api(port, "/api/v1/query?query=" + enc("count_over_time(up{job=\"tillwatch\"}[1m])"));
                if (up.get("result").size() > 0 && up.get("result").get(0).get("value").get(1).asDouble() >= 3) return;
            } catch (IOException e) {
                // not ready yet
            }
            Thread.sleep(200);
        }
        throw new IOException("prometheus did not scrape the collector within 30 s: " + Files.readString(tmp.resolve("prometheus.log")));
    }

    private static JsonNode api(int port, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) throw new IOException("prometheus " + r.statusCode() + ": " + r.body());
        return body.get("data");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
