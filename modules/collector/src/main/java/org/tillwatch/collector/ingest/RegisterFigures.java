package org.tillwatch.collector.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;

/**
 * What one register stream has counted, exactly once: persisted with each checkpoint so a restart goes on from the
 * same figures. Guarded by its stream's lock.
 */
public final class RegisterFigures {
    long receipts;
    long loyalty;
    long failed;
    long incomplete;
    long malformed;
    /** Continuation lines dropped after their entry was read early (the register had gone quiet). */
    long droppedContinuation;
    final Map<String, Long> outcomes = new TreeMap<>();
    final Map<String, Long> tags = new TreeMap<>();
    Instant lastEvent;

    void transaction(Transaction t) {
        if (t.status().closed()) receipts++; else incomplete++;
        if (t.loyalty()) loyalty++;
        if (t.failed()) failed++;
        for (LoyaltyRequest r : t.requests()) outcomes.merge(r.outcome().name(), 1L, Long::sum);
        for (TagEvent tag : t.tags()) tags.merge(tag.tag(), 1L, Long::sum);
    }

    void registerRequest(LoyaltyRequest r) {
        outcomes.merge(r.outcome().name(), 1L, Long::sum);
    }

    void registerTag(TagEvent tag) {
        tags.merge(tag.tag(), 1L, Long::sum);
    }

    Snapshot snapshot() {
        return new Snapshot(receipts, loyalty, failed, incomplete, malformed, new TreeMap<>(outcomes), new TreeMap<>(tags),
                lastEvent == null ? null : lastEvent.toString(), droppedContinuation);
    }

    void restore(Snapshot s) {
        receipts = s.receipts();
        loyalty = s.loyalty();
        failed = s.failed();
        incomplete = s.incomplete();
        malformed = s.malformed();
        outcomes.clear();
        outcomes.putAll(s.outcomes());
        tags.clear();
        tags.putAll(s.tags());
        lastEvent = s.lastEvent() == null ? null : Instant.parse(s.lastEvent());
        droppedContinuation = s.droppedContinuationLines();
    }

    /** The figures as the checkpoint file and the status API carry them. */
    public record Snapshot(long receipts, long loyalty, long failed, long incomplete, long malformed,
                           Map<String, Long> outcomes, Map<String, Long> tags, String lastEvent, long droppedContinuationLines) {
        public Snapshot {
            outcomes = outcomes == null ? Map.of() : Map.copyOf(outcomes);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }
}
