package org.tillwatch.collector.ingest;

import java.time.Instant;

/** A stream's figures at one moment, for the status API. */
public record StreamFigures(StreamKey key, RegisterFigures.Snapshot figures, Instant lastEvent, long position) {
}
