package org.tillwatch.alerting.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads and atomically replaces {@code <data>/alerting/state.json} (write to a temporary file, fsync, rename). */
public final class StateStore {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public StateStore(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("alerting");
        Files.createDirectories(dir);
        this.file = dir.resolve("state.json");
    }

    public Path file() {
        return file;
    }

    public Saved read() throws IOException {
        if (!Files.exists(file)) return Saved.EMPTY;
        try {
            return JSON.readValue(file.toFile(), Saved.class);
        } catch (IOException e) {
            throw new IOException("cannot read the alert state " + file + " (move it away to start afresh): " + e.getMessage(), e);
        }
    }

    public void write(Saved state) throws IOException {
        Path tmp = file.resolveSibling("state.json.tmp");
        byte[] bytes = JSON.writeValueAsBytes(state);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
