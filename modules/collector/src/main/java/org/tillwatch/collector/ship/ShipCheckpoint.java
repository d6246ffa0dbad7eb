package org.tillwatch.collector.ship;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tillwatch.collector.ingest.Checkpoint;

/**
 * What the broker has acknowledged, per register ({@code STORE/REGISTER}): the stream position and the files from
 * there on with what was read of them. Written atomically, only after the acknowledgements.
 */
record ShipCheckpoint(Map<String, Register> registers) {
    private static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    ShipCheckpoint {
        registers = registers == null ? Map.of() : Map.copyOf(registers);
    }

    record Register(long position, List<Checkpoint.Segment> segments) {
        Register {
            segments = segments == null ? List.of() : List.copyOf(segments);
        }
    }

    static ShipCheckpoint read(Path file) throws IOException {
        if (!Files.exists(file)) return new ShipCheckpoint(new TreeMap<>());
        try {
            return MAPPER.readValue(file.toFile(), ShipCheckpoint.class);
        } catch (IOException e) {
            throw new IOException("checkpoint file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.write(tmp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
