package org.tillwatch.collector.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.index.DataLayout;

/**
 * Keeps malformed lines for inspection: the latest few in memory (for the API) and up to {@link #DAILY_LIMIT} a day
 * in {@code <data>/quarantine/collector-YYYY-MM-DD.ndjson}. Texts are already masked by the parser.
 */
public final class MalformedSamples {
    static final int DAILY_LIMIT = 10_000;
    private static final int RECENT = 200;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final Clock clock;
    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();
    private LocalDate day;
    private int writtenToday;
    private BufferedWriter out;

    public MalformedSamples(Path dataDir, Clock clock) {
        this.dir = DataLayout.quarantine(dataDir);
        this.clock = clock;
    }

    public synchronized void add(String store, MalformedLine line) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("store", store);
        row.put("source", line.source());
        row.put("line", line.line());
        row.put("reason", line.reason());
        row.put("text", line.text());
        recent.addLast(row);
        if (recent.size() > RECENT) recent.removeFirst();
        try {
            write(row);
        } catch (IOException e) {
            // The count is what matters and it is kept; a full disk must not stop ingestion.
        }
    }

    private void write(Map<String, Object> row) throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!today.equals(day)) {
            close();
            day = today;
            Path file = dir.resolve("collector-" + today + ".ndjson");
            Files.createDirectories(dir);
            writtenToday = 0;
            if (Files.exists(file)) {
                try (var lines = Files.lines(file)) {
                    writtenToday = (int) Math.min(Integer.MAX_VALUE, lines.count());
                }
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (writtenToday >= DAILY_LIMIT) return;
        out.write(MAPPER.writeValueAsString(row));
        out.newLine();
        writtenToday++;
    }

    /** The latest malformed lines, newest last, optionally of one store. */
    public synchronized List<Map<String, Object>> recent(String store) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : recent) if (store == null || store.equals(r.get("store"))) out.add(r);
        return out;
    }

    synchronized void flush() throws IOException {
        if (out != null) out.flush();
    }

    synchronized void close() throws IOException {
        if (out != null) out.close();
        out = null;
    }
}
