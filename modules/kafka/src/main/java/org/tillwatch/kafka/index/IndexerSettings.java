package org.tillwatch.kafka.index;

import java.time.Duration;

/**
 * How the indexer writes: up to {@code maxBatch} transactions per bulk write, {@code attempts} tries of a failed
 * write (the wait doubling from {@code backoff}), after which the items that still fail alone are parked in the
 * dead-letter topic. When every item of a batch fails and the store refuses even a transaction it took before, it
 * is taken to be down: nothing is parked, the batch waits and is tried again.
 */
public record IndexerSettings(int maxBatch, int attempts, Duration backoff) {
    public IndexerSettings {
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1");
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
        if (backoff.isNegative()) throw new IllegalArgumentException("backoff must not be negative");
    }

    public static IndexerSettings defaults() {
        return new IndexerSettings(1000, 4, Duration.ofMillis(200));
    }
}
