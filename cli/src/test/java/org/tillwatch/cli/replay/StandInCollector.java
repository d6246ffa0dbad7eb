package org.tillwatch.cli.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.tillwatch.domain.model.RegisterKey;

/**
 * A collector for tests, on a loopback port: implements the push API ({@code POST/GET /api/v1/ingest/{store}/{register}}
 * with {@code X-Tillwatch-Offset}) and records what it accepted, in order. Faults on demand: 503 with
 * {@code Retry-After: 0} on every n-th POST, one 409 after losing a register's last accepted chunk, 413 over a size,
 * 404 for stores it is told to reject.
 */
public final class StandInCollector implements AutoCloseable {
    static {
        // Without TCP_NODELAY every small answer waits out the client's delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String PREFIX = "/api/v1/ingest/";

    /**
     * Bytes the collector appended: {@code [offset, offset + length)} of the register's stream, the seq-th overall,
     * from the file the shipper named (null if it did not).
     */
    public record Arrival(long seq, RegisterKey key, long offset, int length, String file) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<RegisterKey, ByteArrayOutputStream> data = new TreeMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Map<RegisterKey, List<String>> fileEnds = new TreeMap<>();
    private final Set<String> rejectedStores = new HashSet<>();
    private long seq;
    private int posts;
    private int answered503;
    private int answered409;
    private int answered413;
    private long bodyBytes;
    private long duplicateBytes;
    private int every503;
    private int conflictAtPost = -1;
    private int maxChunk = 8 << 20;

    public StandInCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(null);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answer every n-th POST with 503 and {@code Retry-After: 0}. */
    public synchronized StandInCollector every503(int n) {
        every503 = n;
        return this;
    }

    /** At the n-th POST or the first after it that finds bytes stored: lose the register's last chunk, answer 409. */
    public synchronized StandInCollector conflictOnceAt(int nthPost) {
        conflictAtPost = nthPost;
        return this;
    }

    public synchronized StandInCollector maxChunk(int bytes) {
        maxChunk = bytes;
        return this;
    }

    public synchronized StandInCollector reject(String store) {
        rejectedStores.add(store);
        return this;
    }

    public synchronized void preload(RegisterKey key, byte[] bytes) {
        data.computeIfAbsent(key, k -> new ByteArrayOutputStream()).writeBytes(bytes);
    }

    public synchronized Map<RegisterKey, byte[]> received() {
        Map<RegisterKey, byte[]> m = new TreeMap<>();
        data.forEach((k, v) -> m.put(k, v.toByteArray()));
        return m;
    }

    public synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Per register, {@code file@offset} for every accepted chunk that said it ends a file. */
    public synchronized Map<RegisterKey, List<String>> fileEnds() {
        Map<RegisterKey, List<String>> m = new TreeMap<>();
        fileEnds.forEach((k, v) -> m.put(k, List.copyOf(v)));
        return m;
    }

    public synchronized int posts() {
        return posts;
    }

    public synchronized int answered503() {
        return answered503;
    }

    public synchronized int answered409() {
        return answered409;
    }

    public synchronized int answered413() {
        return answered413;
    }

    /** Body bytes of accepted POSTs. */
    public synchronized long bodyBytes() {
        return bodyBytes;
    }

    /** Bytes of accepted POSTs the collector already had. */
    public synchronized long duplicateBytes() {
        return duplicateBytes;
    }

    private record Answer(int status, String json, boolean retryAfter) {
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            byte[] body;
            try (InputStream in = x.getRequestBody()) {
                body = in.readAllBytes();
            }
            Answer a = answer(x.getRequestMethod(), x.getRequestURI().getPath(),
                    x.getRequestHeaders().getFirst("X-Tillwatch-Offset"), x.getRequestHeaders().getFirst("X-Tillwatch-File"),
                    "true".equals(x.getRequestHeaders().getFirst("X-Tillwatch-End-Of-File")), body);
            byte[] json = a.json().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            if (a.retryAfter()) x.getResponseHeaders().set("Retry-After", "0");
            x.sendResponseHeaders(a.status(), json.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(json);
            }
        }
    }

    private synchronized Answer answer(String method, String path, String offsetHeader, String file, boolean endOfFile,
                                       byte[] body) {
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 2) return error(404, "not_found", "expected /api/v1/ingest/{store}/{register}");
        if (!RegisterKey.isStoreCode(parts[0])) return error(400, "bad_store", "store code must be 4 characters [0-9A-Z]: " + parts[0]);
        if (!RegisterKey.isRegisterName(parts[1])) return error(400, "bad_register", "register must be POS plus two digits: " + parts[1]);
        if (rejectedStores.contains(parts[0])) return error(404, "unknown_store", "store " + parts[0] + " is not known to this collector");
        RegisterKey key = new RegisterKey(parts[0], parts[1]);
        ByteArrayOutputStream stored = data.computeIfAbsent(key, k -> new ByteArrayOutputStream());
        if (method.equals("GET")) return new Answer(200, "{\"offset\":" + stored.size() + "}", false);
        if (!method.equals("POST")) return error(405, "method_not_allowed", method);
        posts++;
        if (every503 > 0 && posts % every503 == 0) {
            answered503++;
            return new Answer(503, "{\"error\":\"saturated\",\"reason\":\"try again\"}", true);
        }
        if (body.length > maxChunk) {
            answered413++;
            return error(413, "too_large", "chunk over " + maxChunk + " bytes");
        }
        long offset;
        try {
            offset = Long.parseLong(offsetHeader);
        } catch (NumberFormatException e) {
            return error(400, "bad_offset", "X-Tillwatch-Offset: " + offsetHeader);
        }
        if (conflictAtPost >= 0 && posts >= conflictAtPost && stored.size() > 0) {
            conflictAtPost = -1;
            lose(key, stored);
        }
        int have = stored.size();
        if (offset > have) {
            answered409++;
            return new Answer(409, "{\"error\":\"offset_mismatch\",\"expected_offset\":" + have + "}", false);
        }
        int skip = (int) Math.min(body.length, have - offset);
        stored.write(body, skip, body.length - skip);
        bodyBytes += body.length;
        duplicateBytes += skip;
        if (body.length > skip) arrivals.add(new Arrival(seq++, key, have, body.length - skip, file));
        if (endOfFile && body.length > skip) fileEnds.computeIfAbsent(key, k -> new ArrayList<>()).add(file + "@" + stored.size());
        return new Answer(202, "{\"store\":\"" + key.store() + "\",\"register\":\"" + key.register()
                + "\",\"accepted_bytes\":" + (body.length - skip) + ",\"offset\":" + stored.size() + "}", false);
    }

    /** Forgets the register's last accepted chunk, as a collector restarted from an older state would. */
    private void lose(RegisterKey key, ByteArrayOutputStream stored) {
        for (int i = arrivals.size() - 1; i >= 0; i--) {
            Arrival a = arrivals.get(i);
            if (!a.key().equals(key)) continue;
            byte[] kept = java.util.Arrays.copyOf(stored.toByteArray(), (int) a.offset());
            stored.reset();
            stored.writeBytes(kept);
            arrivals.remove(i);
            return;
        }
        stored.reset();
    }

    private static Answer error(int status, String error, String reason) {
        return new Answer(status, "{\"error\":\"" + error + "\",\"reason\":\"" + reason.replace("\"", "'") + "\"}", false);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
