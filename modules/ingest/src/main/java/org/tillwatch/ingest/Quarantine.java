package org.tillwatch.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.index.DataLayout;

/** Keeps the sample of malformed lines of an ingest run for inspection: one NDJSON file per run. */
public final class Quarantine {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Quarantine() {
    }

    public static Path write(Path dataDir, Instant runAt, List<MalformedLine> sample) throws IOException {
        Path dir = DataLayout.quarantine(dataDir);
        Files.createDirectories(dir);
        Path file = dir.resolve("malformed-" + STAMP.format(runAt) + ".ndjson");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (MalformedLine m : sample) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("source", m.source());
                row.put("line", m.line());
                row.put("reason", m.reason());
                row.put("text", m.text());
                w.write(MAPPER.writeValueAsString(row));
                w.newLine();
            }
        }
        return file;
    }
}
