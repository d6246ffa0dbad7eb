package org.tillwatch.orchestrator.data;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Incidents over the collector's HTTP API: {@code GET /api/v1/incidents?store=&at=} and {@code /api/v1/incidents/{id}}. */
public final class HttpIncidentSource implements IncidentSource {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final java.util.function.Supplier<URI> base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpIncidentSource(URI base, String token) {
        this(() -> base, token);
    }

    /** With the base known only later (a server asking its own API once it listens). */
    public HttpIncidentSource(java.util.function.Supplier<URI> base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Those of the store and the chain-wide ones (the API's store filter alone leaves out a chain incident not listing it). */
    @Override
    public List<IncidentRef> openAt(String store, Instant at) throws IOException {
        JsonNode root = get("/api/v1/incidents?state=all&at=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8));
        if (root == null) return List.of();
        List<IncidentRef> out = new ArrayList<>();
        for (JsonNode n : root.path("incidents")) {
            IncidentRef i = incident(n);
            if (i.stores().contains(store) || store.equals(i.scope()) || "chain".equals(i.scope())) out.add(i);
        }
        return out;
    }

    @Override
    public Optional<IncidentRef> byId(String id) throws IOException {
        JsonNode n = get("/api/v1/incidents/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        return n == null ? Optional.empty() : Optional.of(incident(n));
    }

    private JsonNode get(String path) throws IOException {
        String b = base.get().toString();
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) req.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() == 404) return null;
            if (res.statusCode() != 200) throw new IOException("incidents API answered " + res.statusCode() + " for " + path + ": " + res.body());
            return MAPPER.readTree(res.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted asking for incidents", e);
        }
    }

    static IncidentRef incident(JsonNode n) {
        List<String> stores = new ArrayList<>();
        n.path("stores").forEach(s -> stores.add(s.asText()));
        return new IncidentRef(n.path("id").asText(), text(n, "kind"), text(n, "scope"), stores, text(n, "severity"), instant(n, "started"),
                instant(n, "resolved"), text(n, "state"), text(n, "summary"));
    }

    private static String text(JsonNode n, String k) {
        return n.hasNonNull(k) ? n.get(k).asText() : null;
    }

    private static Instant instant(JsonNode n, String k) {
        return n.hasNonNull(k) ? Instant.parse(n.get(k).asText()) : null;
    }
}
