package org.tillwatch.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.tillwatch.domain.tally.FleetTally;

/** What an ingest run read and made of it. {@code bytes} counts bytes as stored (compressed for .gz files). */
public record IngestResult(FleetTally tally, int registers, int files, long bytes, long uncompressedBytes,
                           Duration elapsed, Set<String> unregisteredStores, List<Path> skipped) {
}
