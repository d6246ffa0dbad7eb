package org.tillwatch.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tillwatch.collector.ingest.StreamFigures;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shared sample fleet and the figures its expected.json says a correct reading gives, in a comparable form. */
public final class SampleFleet {
    private SampleFleet() {
    }

    public static Path root() {
        Path p = Paths.get(System.getProperty("tillwatch.shared", "../../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(p), "shared sample fleet not found at " + p);
        return p;
    }

    /** store -> receipts/loyalty/failed/incomplete, plus "outcomes", "tags" and "malformed_lines" of the chain. */
    public static Map<String, Object> expected() throws IOException {
        JsonNode e = new ObjectMapper().readTree(root().resolve("expected.json").toFile());
        Map<String, Object> out = new TreeMap<>();
        e.get("stores").fields().forEachRemaining(s -> out.put(s.getKey(), List.of(
                s.getValue().get("receipts").asLong(), s.getValue().get("loyalty").asLong(),
                s.getValue().get("failed").asLong(), s.getValue().get("incomplete").asLong())));
        out.put("outcomes", counts(e.get("outcomes")));
        out.put("tags", counts(e.get("tags")));
        out.put("malformed_lines", e.get("malformed_lines").asLong());
        return out;
    }

    /** The same figures summed from a collector's streams. */
    public static Map<String, Object> of(List<StreamFigures> streams) {
        Map<String, long[]> stores = new TreeMap<>();
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Long> tags = new TreeMap<>();
        long malformed = 0;
        for (StreamFigures s : streams) {
            long[] f = stores.computeIfAbsent(s.key().register().store(), k -> new long[4]);
            f[0] += s.figures().receipts();
            f[1] += s.figures().loyalty();
            f[2] += s.figures().failed();
            f[3] += s.figures().incomplete();
            s.figures().outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum));
            s.figures().tags().forEach((k, v) -> tags.merge(k, v, Long::sum));
            malformed += s.figures().malformed();
        }
        Map<String, Object> out = new TreeMap<>();
        stores.forEach((k, f) -> out.put(k, List.of(f[0], f[1], f[2], f[3])));
        out.put("outcomes", outcomes);
        out.put("tags", tags);
        out.put("malformed_lines", malformed);
        return out;
    }

    private static Map<String, Long> counts(JsonNode n) {
        Map<String, Long> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asLong()));
        return new TreeMap<>(m);
    }
}
