package org.tillwatch.collector.ingest;

import java.time.Instant;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.MalformedLine;

/**
 * Told of what ingestion yields, once each (never for bytes re-read after a restart), on ingest threads: keep it
 * quick and thread-safe. Live figures and metrics listen here.
 */
public interface IngestObserver {
    default void transaction(Transaction t) {
    }

    default void registerRequest(RegisterKey register, LoyaltyRequest request) {
    }

    default void malformed(String store, MalformedLine line) {
    }

    /** A stream of the register's entries opened with nothing read from it yet (a new tailed folder, a first push). */
    default void opened(RegisterKey register) {
    }

    /** The register's latest entry is at {@code lastEvent} (event time). */
    default void activity(RegisterKey register, Instant lastEvent) {
    }

    default void bytes(StreamKey stream, long n) {
    }

    /**
     * A checkpoint is about to name everything read so far: make what was told durable now. After a crash, what
     * follows the last checkpoint is read and told again.
     */
    default void beforeCheckpoint() {
    }

    /** A push was answered 503: {@code reason} is {@code saturated} or {@code disk_full}. */
    default void refused(String reason) {
    }
}
