package org.tillwatch.cli.replay;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tillwatch.domain.model.RegisterKey;

/**
 * The collector's push API: {@code POST /api/v1/ingest/{store}/{register}} with {@code X-Tillwatch-Offset} (and,
 * optionally, {@code X-Tillwatch-File} and {@code X-Tillwatch-End-Of-File: true} where a file ends), and
 * {@code GET} of the same path for the offset reached. Waits out 503 (Retry-After) without limit and retries connection
 * errors and other 5xx with backoff up to a limit; every other answer goes back to the caller.
 */
final class CollectorClient implements AutoCloseable {
    static final String OFFSET_HEADER = "X-Tillwatch-Offset";
    /** Optional: the file the bytes come from, and that the chunk ends it (its last line is complete there). */
    static final String FILE_HEADER = "X-Tillwatch-File";
    static final String END_OF_FILE_HEADER = "X-Tillwatch-End-Of-File";
    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final long MAX_BACKOFF_MS = 5_000;
    /** Retry-After of an hour or more is taken as a misconfiguration: wait an hour at most between tries. */
    private static final long MAX_RETRY_AFTER_MS = 3_600_000;

    /** The answer to a push. */
    sealed interface PushResult {
    }

    /** 2xx; {@code offset} is the collector's total for the register, or -1 when the body did not say. */
    record Accepted(long offset) implements PushResult {
    }

    /** 409: the collector has only {@code expected} bytes. */
    record Conflict(long expected) implements PushResult {
    }

    /** 413: the chunk is over the collector's limit. */
    record TooLarge() implements PushResult {
    }

    private final URI server;
    private final HttpClient http;
    private final int retries;
    private final long backoffMs;
    private final AtomicLong retriesAfter503 = new AtomicLong();
    private final AtomicLong retriesAfterErrors = new AtomicLong();

    private final String token;

    CollectorClient(URI server, int retries, long backoffMs) {
        this(server, retries, backoffMs, null);
    }

    CollectorClient(URI server, int retries, long backoffMs, String token) {
        this.server = server;
        this.token = token;
        this.retries = retries;
        this.backoffMs = backoffMs;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    long retriesAfter503() {
        return retriesAfter503.get();
    }

    long retriesAfterErrors() {
        return retriesAfterErrors.get();
    }

    URI endpoint(RegisterKey key) {
        String base = server.toString();
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return URI.create(base + "/api/v1/ingest/" + key.store() + "/" + key.register());
    }

    /**
     * Pushes one chunk; see {@link PushResult}. Throws {@link ReplayException} when the push cannot succeed.
     * {@code file} (may be null) names the file the bytes come from; {@code endsFile} says they are its last.
     */
    PushResult push(RegisterKey key, long offset, byte[] data, String file, boolean endsFile) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint(key)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .header(OFFSET_HEADER, Long.toString(offset));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (file != null && FILE_NAME.matcher(file).matches()) b.header(FILE_HEADER, file);
        if (endsFile) b.header(END_OF_FILE_HEADER, "true");
        HttpRequest request = b.POST(HttpRequest.BodyPublishers.ofByteArray(data)).build();
        HttpResponse<String> r = send(key, request);
        int status = r.statusCode();
        if (status / 100 == 2) {
            JsonNode body = parse(r.body());
            JsonNode n = body == null ? null : body.get("offset");
            return new Accepted(n != null && n.canConvertToLong() ? n.asLong() : -1);
        }
        if (status == 409) {
            JsonNode body = parse(r.body());
            JsonNode n = body == null ? null : body.get("expected_offset");
            if (n == null || !n.canConvertToLong() || n.asLong() < 0) {
                throw new ReplayException("collector answered 409 for " + key + " without an expected_offset: " + oneLine(r.body()));
            }
            return new Conflict(n.asLong());
        }
        if (status == 413) return new TooLarge();
        throw rejected(key, r);
    }

    /** Bytes the collector holds for the register ({@code GET}); 0 when it has none. */
    long offset(RegisterKey key) throws InterruptedException {
        HttpRequest.Builder get = HttpRequest.newBuilder(endpoint(key)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        if (token != null) get.header("Authorization", "Bearer " + token);
        HttpRequest request = get.GET().build();
        HttpResponse<String> r = send(key, request);
        if (r.statusCode() != 200) throw rejected(key, r);
        JsonNode body = parse(r.body());
        JsonNode n = body == null ? null : body.get("offset");
        if (n == null || !n.canConvertToLong() || n.asLong() < 0) {
            throw new ReplayException("collector gave no offset for " + key + ": " + oneLine(r.body()));
        }
        return n.asLong();
    }

    /** Sends until an answer other than 503 / a transient failure, or until the retries run out. */
    private HttpResponse<String> send(RegisterKey key, HttpRequest request) throws InterruptedException {
        int failures = 0;
        while (true) {
            String problem;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = r.statusCode();
                if (status == 503) {
                    retriesAfter503.incrementAndGet();
                    Thread.sleep(retryAfterMs(r));
                    continue;
                }
                if (status != 500 && status != 502 && status != 504) return r;
                problem = "HTTP " + status + " " + reason(r.body());
            } catch (HttpConnectTimeoutException e) {
                problem = "connect timed out";
            } catch (HttpTimeoutException e) {
                problem = "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
            } catch (ConnectException e) {
                problem = e.getMessage() == null || e.getMessage().isBlank() ? "connection refused" : e.getMessage();
            } catch (IOException e) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            failures++;
            if (failures > retries) {
                throw new ReplayException("cannot reach the collector at " + server + " (" + key + "): "
                        + oneLine(problem) + (retries > 0 ? " (after " + failures + " attempts)" : ""));
            }
            retriesAfterErrors.incrementAndGet();
            Thread.sleep(Math.min(MAX_BACKOFF_MS, backoffMs << Math.min(failures - 1, 20)));
        }
    }

    static long retryAfterMs(HttpResponse<?> r) {
        String hinted = r.headers().firstValue("X-Tillwatch-Retry-After-Ms").orElse("").trim();
        if (hinted.matches("\\d{1,9}")) return Math.min(MAX_RETRY_AFTER_MS, Long.parseLong(hinted));
        String v = r.headers().firstValue("Retry-After").orElse("").trim();
        if (v.isEmpty()) return 1_000;
        try {
            double seconds = Double.parseDouble(v);
            if (seconds >= 0 && !Double.isNaN(seconds)) return Math.min(MAX_RETRY_AFTER_MS, (long) (seconds * 1000));
        } catch (NumberFormatException e) {
            // an HTTP date, below
        }
        try {
            long ms = Duration.between(java.time.Instant.now(),
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).toMillis();
            return Math.max(0, Math.min(MAX_RETRY_AFTER_MS, ms));
        } catch (DateTimeParseException e) {
            return 1_000;
        }
    }

    private static ReplayException rejected(RegisterKey key, HttpResponse<String> r) {
        return new ReplayException("collector rejected " + key + ": HTTP " + r.statusCode() + " " + reason(r.body()));
    }

    /** {@code error: reason} from a JSON error body, or the body's first line. */
    private static String reason(String body) {
        JsonNode json = parse(body);
        if (json != null && (json.hasNonNull("error") || json.hasNonNull("reason"))) {
            String error = json.path("error").asText("");
            String reason = json.path("reason").asText("");
            return error.isEmpty() ? reason : reason.isEmpty() ? error : error + ": " + reason;
        }
        return oneLine(body);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
