package org.tillwatch.web.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * Who looked at what: one JSON line per card lookup, receipt view and login in {@code <data>/audit/ui-audit.ndjson}.
 * Cards appear masked (last four digits) and as their keyed hash, never in full. Blocking: call off the event loop.
 */
public final class AuditLog {
    private final Path file;
    private final Clock clock;

    public AuditLog(Path dataDir, Clock clock) {
        this.file = dataDir.resolve("audit").resolve("ui-audit.ndjson");
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    public synchronized void record(String user, String action, Map<String, Object> details) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", clock.instant().toString());
        m.put("user", user);
        m.put("action", action);
        m.putAll(details);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, new JsonObject(m).encode() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the audit log " + file, e);
        }
    }

    /** The last {@code n} records, newest last. */
    public synchronized List<String> tail(int n) throws IOException {
        if (!Files.exists(file)) return List.of();
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return new ArrayList<>(all.subList(Math.max(0, all.size() - n), all.size()));
    }
}
