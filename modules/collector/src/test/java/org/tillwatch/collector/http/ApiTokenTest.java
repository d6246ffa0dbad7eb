package org.tillwatch.collector.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.Security;
import org.tillwatch.web.auth.PasswordHasher;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens on the API when the security section lists tokens; an open API when it lists none. */
class ApiTokenTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Map<String, String> ENV = Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff");

    @Test
    void tokensAreCheckedAndReadersCannotWrite(@TempDir Path tmp) throws Exception {
        String reader = PasswordHasher.newToken();
        String shipper = PasswordHasher.newToken();
        Security security = new Security(Duration.ofMinutes(30), List.of(), List.of(
                new Security.Token("callcenter", PasswordHasher.tokenHash(reader), "operator"),
                new Security.Token("shipper", PasswordHasher.tokenHash(shipper), "support")));
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1").withSecurity(security);
        try (Collector c = Collector.start(cfg, ENV)) {
            String base = "http://127.0.0.1:" + c.port();
            HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/status")).GET());
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).contains("Authorization: Bearer");
            assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/status")).header("Authorization", "Bearer nope").GET()).statusCode()).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/status")).header("Authorization", "Bearer " + reader).GET()).statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/transactions/search")).header("Authorization", "Bearer " + reader)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"card\":\"7000123412341234\"}"))).statusCode()).isEqualTo(200);
            HttpRequest.Builder push = HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/AX1B/POS01")).header("X-Tillwatch-Offset", "0")
                    .POST(HttpRequest.BodyPublishers.ofString("2026-11-20 08:00:00.000 INFO  [PurchaseManager] Shift opened: shift=1 cashier=0001\r\n"));
            HttpResponse<String> denied = send(push.copy().header("Authorization", "Bearer " + reader));
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.body()).contains("may only read");
            assertThat(send(push.copy().header("Authorization", "Bearer " + shipper)).statusCode()).isEqualTo(202);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health/live")).GET()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutTokensTheApiStaysOpen(@TempDir Path tmp) throws Exception {
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1");
        try (Collector c = Collector.start(cfg, ENV)) {
            assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port() + "/api/v1/status")).GET()).statusCode()).isEqualTo(200);
            HttpResponse<String> ui = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port() + "/ui/search")).GET());
            assertThat(ui.statusCode()).as("the UI always needs a login").isEqualTo(303);
            assertThat(ui.headers().firstValue("Location")).contains("/ui/login");
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
