package org.tillwatch.cli.tickets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Tickets from a file: one JSON object per line (NDJSON; blank lines skipped), or one JSON array. */
final class TicketFile {
    /** One ticket's JSON and the line it came from (1-based; its index in an array). */
    record Line(int number, JsonNode json, String error) {
    }

    private TicketFile() {
    }

    static List<Line> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no such file: " + file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Line> out = new ArrayList<>();
        String first = lines.stream().map(String::trim).filter(s -> !s.isEmpty()).findFirst().orElse("");
        if (first.startsWith("[")) {
            JsonNode arr;
            try {
                arr = ApiClient.JSON.readTree(String.join("\n", lines));
            } catch (IOException e) {
                throw new IOException(file + ": not a JSON array of tickets: " + e.getMessage().lines().findFirst().orElse(""));
            }
            int i = 0;
            for (JsonNode n : arr) out.add(new Line(++i, n, null));
            return out;
        }
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).trim();
            if (s.isEmpty()) continue;
            try {
                out.add(new Line(i + 1, ApiClient.JSON.readTree(s), null));
            } catch (IOException e) {
                out.add(new Line(i + 1, null, "not JSON: " + e.getMessage().lines().findFirst().orElse("")));
            }
        }
        return out;
    }
}
