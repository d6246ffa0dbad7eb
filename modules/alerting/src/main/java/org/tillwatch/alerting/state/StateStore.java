package org.tillwatch.alerting.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and atomically replaces {@code <data>/alerting/state.json} (write to a temporary file, fsync, rename), and
 * hands each saved state to a {@link Mirror} (a cluster keeps it in Kafka so another instance can take over).
 */
public final class StateStore {
    /** Told of each state saved, before anyone is told of the notices in it; a failure fails the save. */
    public interface Mirror {
        void saved(byte[] state) throws IOException;
    }

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Mirror mirror;

    public StateStore(Path dataDir) throws IOException {
        this(dataDir, state -> { });
    }

    public StateStore(Path dataDir, Mirror mirror) throws IOException {
        this.mirror = mirror;
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
        mirror.saved(bytes);
    }
}
