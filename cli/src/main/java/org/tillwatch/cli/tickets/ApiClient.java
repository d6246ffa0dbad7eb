package org.tillwatch.cli.tickets;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A collector's API over HTTP, with a bearer token from --token-file or TILLWATCH_TOKEN when there is one. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status and JSON body (or the text when it is not JSON). */
    record Answer(int status, JsonNode body, String text) {
        String reason() {
            return body != null && body.hasNonNull("reason") ? body.get("reason").asText() : text;
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(URI base, Path tokenFile) throws IOException {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        String t = tokenFile != null ? Files.readString(tokenFile).trim() : System.getenv("TILLWATCH_TOKEN");
        this.token = t == null || t.isBlank() ? null : t;
    }

    Answer get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder req) throws IOException {
        if (token != null) req.header("Authorization", "Bearer " + token);
        req.timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = JSON.readTree(r.body());
            } catch (IOException e) {
                // not JSON: keep the text
            }
            return new Answer(r.statusCode(), body, r.body());
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach the collector at " + base + ": connection refused");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The body of a 2xx answer, or an IOException with the server's reason. */
    JsonNode ok(Answer a, String what) throws IOException {
        if (a.status() / 100 != 2) throw new IOException(what + ": the collector answered " + a.status() + ": " + a.reason());
        return a.body();
    }
}
