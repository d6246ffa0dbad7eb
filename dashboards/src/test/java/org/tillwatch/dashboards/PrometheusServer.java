package org.tillwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Prometheus (Debian's binary) on a free localhost port, scraping one target every second, with rule files. */
final class PrometheusServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static PrometheusServer start(Path dir, String target, List<Path> ruleFiles) throws IOException, InterruptedException {
        Path binary = Tools.require("prometheus");
        StringBuilder cfg = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 900ms
                  evaluation_interval: 1s
                rule_files:
                """);
        for (Path r : ruleFiles) cfg.append("  - '").append(r.toAbsolutePath()).append("'\n");
        cfg.append("""
                scrape_configs:
                  - job_name: tillwatch
                    static_configs:
                      - targets: ['%s']
                """.formatted(target));
        Path config = Files.writeString(dir.resolve("prometheus.yml"), cfg);
        Path log = dir.resolve("prometheus.log");
        int port = freePort();
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(p, port, log);
        server.awaitReady();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("prometheus exited: " + Files.readString(log));
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/-/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IOException("prometheus not ready within 30 s: " + Files.readString(log));
    }

    /** An instant query now: the {@code data} node ({@code resultType}, {@code result}); a query error throws. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return api("/api/v1/query?query=" + enc(promql));
    }

    /** A range query over the last {@code seconds} seconds with a one-second step. */
    JsonNode queryRange(String promql, int seconds) throws IOException, InterruptedException {
        long end = Instant.now().getEpochSecond();
        return api("/api/v1/query_range?query=" + enc(promql) + "&start=" + (end - seconds) + "&end=" + end + "&step=1");
    }

    JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IOException("prometheus " + r.statusCode() + " for " + pathAndQuery + ": " + r.body());
        }
        return body.get("data");
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
}
