package org.tillwatch.opensearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.index.CardHasher;
import org.tillwatch.ingest.FleetIngest;

/** The shared sample fleet's day, read into transactions as {@code tillwatch index} reads it. */
public final class SampleDay {
    public static final CardHasher HASHER = new CardHasher("0123456789abcdef-test-key".getBytes(StandardCharsets.US_ASCII));

    private SampleDay() {
    }

    public static Path root() {
        Path p = Paths.get(System.getProperty("tillwatch.shared", "../../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(p), "shared sample fleet not found at " + p);
        return p;
    }

    public static StoreRegistry registry() throws IOException {
        return StoreRegistry.parse(Files.readString(root().resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
    }

    /** Every transaction of the day, by id (as they come, full card numbers included: what a writer gets). */
    public static synchronized List<Transaction> transactions() throws IOException {
        if (cached == null) cached = List.copyOf(read());
        return cached;
    }

    private static List<Transaction> cached;

    private static List<Transaction> read() throws IOException {
        List<Transaction> out = Collections.synchronizedList(new ArrayList<>());
        new FleetIngest(registry(), ReferenceDialect::new, 2, 100).run(root().resolve("logs"), out::add);
        List<Transaction> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(t -> t.id().toString()));
        return sorted;
    }

    /** Bytes of the day's logs as they are read (gzip files uncompressed). */
    public static long uncompressedBytes() throws IOException {
        return new FleetIngest(registry(), ReferenceDialect::new, 2, 100).run(root().resolve("logs"), t -> { })
                .uncompressedBytes();
    }
}
