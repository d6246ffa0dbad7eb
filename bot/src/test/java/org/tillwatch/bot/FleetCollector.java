package org.tillwatch.bot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A real collector tailing the shared sample fleet, started on a free port and waited for until it has read it all. */
final class FleetCollector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FleetCollector() {
    }

    static Path fleet() {
        Path p = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(p), "shared sample fleet not found at " + p);
        return p;
    }

    static CollectorConfig config(Path data) {
        return CollectorConfig.defaults().withDataDir(data).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(fleet().resolve("stores.csv")).withLogsRoot(fleet().resolve("logs"));
    }

    static Collector start(Path data) throws Exception {
        Collector c = Collector.start(config(data), Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"));
        long want = 0;
        JsonNode expected = JSON.readTree(fleet().resolve("expected.json").toFile());
        for (JsonNode s : expected.get("stores")) want += s.get("receipts").asLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && get(c, "/api/v1/status").path("receipts").asLong() < want) Thread.sleep(200);
        Thread.sleep(1500); // counted is not yet searchable: the index refreshes every 500 ms
        return c;
    }

    static JsonNode get(Collector c, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
