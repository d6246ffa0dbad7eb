package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checkpoint files under {@code <data>/checkpoints/}, one per generation. A file is written and synced before the
 * index commit that names it; files older than the committed generation are removed after the commit.
 */
final class CheckpointStore {
    static final String COMMIT_KEY = "collector_checkpoint";
    private static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    CheckpointStore(Path dataDir) throws IOException {
        this.dir = dataDir.resolve("checkpoints");
        Files.createDirectories(dir);
    }

    void write(Checkpoint cp) throws IOException {
        Path tmp = dir.resolve(cp.generation() + ".json.tmp");
        Files.write(tmp, MAPPER.writeValueAsBytes(cp));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file(cp.generation()), StandardCopyOption.ATOMIC_MOVE);
    }

    Optional<Checkpoint> read(long generation) throws IOException {
        Path f = file(generation);
        if (!Files.exists(f)) return Optional.empty();
        return Optional.of(MAPPER.readValue(f.toFile(), Checkpoint.class));
    }

    /** Removes every checkpoint file but the committed one. */
    void prune(long committed) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals(committed + ".json")) Files.deleteIfExists(f);
            }
        }
    }

    private Path file(long generation) {
        return dir.resolve(generation + ".json");
    }
}
