package org.tillwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.tillwatch.alerting.webhook.WebhookNotifier;

/** The generic JSON webhook against a real HTTP server on localhost. */
class WebhookNotifierTest {
    @Test
    void postsTheNoticeAsJsonAndTreatsNon2xxAsFailure() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger status = new AtomicInteger(204);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        server.start();
        try {
            WebhookNotifier n = new WebhookNotifier(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"));
            Incident i = new Incident("inc-3", "chain_availability", "chain", List.of("AX1B", "URMY"), Incident.Severity.CRITICAL,
                    Instant.parse("2026-11-20T11:00:00Z"), null, Incident.IncidentState.OPEN, null, new Incident.Impact(30, 19), "s");
            n.deliver(new IncidentNotice(9, IncidentNotice.Type.OPENED, i, null, Instant.parse("2026-11-22T10:00:00Z")));
            JsonNode j = new ObjectMapper().readTree(bodies.getFirst());
            assertThat(j.get("sequence").asLong()).isEqualTo(9);
            assertThat(j.get("type").asText()).isEqualTo("opened");
            assertThat(j.get("incident").get("stores").toString()).isEqualTo("[\"AX1B\",\"URMY\"]");
            assertThat(j.get("incident").get("resolved").isNull()).isTrue();
            assertThat(j.get("incident").get("impact").get("failed").asLong()).isEqualTo(19);
            status.set(503);
            assertThatThrownBy(() -> n.deliver(new IncidentNotice(10, IncidentNotice.Type.REPEATED, i, null, Instant.now())))
                    .isInstanceOf(IOException.class).hasMessageContaining("503");
        } finally {
            server.stop(0);
        }
    }
}
