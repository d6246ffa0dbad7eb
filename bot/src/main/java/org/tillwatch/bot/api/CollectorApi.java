package org.tillwatch.bot.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the bot reads and does through the collector's HTTP API ({@code /api/v1}), with the bearer token when there is
 * one. Every failure is a {@link CollectorException}; every outcome is reported to the {@link ApiHealth} listener.
 */
public final class CollectorApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Duration timeout;
    private final ApiHealth health;

    /** Told about every call so /status can say whether the collector answers. */
    public interface ApiHealth {
        void collectorOk();

        void collectorFailed(String reason);
    }

    public CollectorApi(URI base, String token, Duration timeout, ApiHealth health) {
        Objects.requireNonNull(base, "base");
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.health = Objects.requireNonNull(health, "health");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI base() {
        return base;
    }

    public JsonNode status() throws CollectorException {
        return get("/api/v1/status");
    }

    public JsonNode chain() throws CollectorException {
        return get("/api/v1/chain");
    }

    public JsonNode stores() throws CollectorException {
        return get("/api/v1/stores");
    }

    public JsonNode store(String code) throws CollectorException {
        return get("/api/v1/stores/" + enc(code));
    }

    public JsonNode transactions(String store, int limit) throws CollectorException {
        return get("/api/v1/transactions?store=" + enc(store) + "&limit=" + limit);
    }

    public JsonNode explain(String outcome) throws CollectorException {
        return get("/api/v1/errors/" + enc(outcome));
    }

    /** @param state open, resolved or all */
    public JsonNode incidents(String state) throws CollectorException {
        return get("/api/v1/incidents?state=" + enc(state));
    }

    public JsonNode incident(String id) throws CollectorException {
        return get("/api/v1/incidents/" + enc(id));
    }

    public JsonNode acknowledge(String id, String by) throws CollectorException {
        return post("/api/v1/incidents/" + enc(id) + "/acknowledge", Map.of("by", by));
    }

    /** Silences a store (or every store when null) for a rule (or every rule when null). */
    public JsonNode silence(String store, String kind, Duration duration, String by) throws CollectorException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("store", store);
        body.put("kind", kind);
        body.put("duration", duration.toString());
        body.put("by", by);
        return post("/api/v1/silences", body);
    }

    public JsonNode get(String path) throws CollectorException {
        return send(request(path).GET().build());
    }

    public JsonNode post(String path, Object body) throws CollectorException {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new CollectorException(400, "cannot write the request: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Accept", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private JsonNode send(HttpRequest request) throws CollectorException {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            String reason = "collector " + base + " unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            health.collectorFailed(reason);
            throw new CollectorException(0, reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectorException(0, "interrupted", e);
        }
        JsonNode body = parse(r.body());
        if (r.statusCode() >= 500) {
            String reason = "collector " + base + " answered " + r.statusCode() + reasonOf(body);
            health.collectorFailed(reason);
            throw new CollectorException(r.statusCode(), reason, null);
        }
        health.collectorOk();
        if (r.statusCode() >= 400) {
            throw new CollectorException(r.statusCode(), r.statusCode() + reasonOf(body), null);
        }
        return body;
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", text.length() > 200 ? text.substring(0, 200) : text);
        }
    }

    private static String reasonOf(JsonNode body) {
        JsonNode m = body.get("message");
        return m == null ? "" : ": " + m.asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
