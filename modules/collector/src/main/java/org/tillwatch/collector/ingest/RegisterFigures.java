package org.tillwatch.collector.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.tally.RegisterTally;

/**
 * What one register stream has counted, exactly once: persisted with each checkpoint so a restart goes on from the
 * same figures. Guarded by its stream's lock.
 */
public final class RegisterFigures {
    final RegisterTally counts = new RegisterTally();
    /** Continuation lines dropped after their entry was read early (the register had gone quiet). */
    long droppedContinuation;
    Instant lastEvent;

    void transaction(Transaction t) {
        counts.transaction(t);
    }

    void registerRequest(LoyaltyRequest r) {
        counts.outcome(r.outcome().name());
    }

    void registerTag(TagEvent tag) {
        counts.tag(tag.tag());
    }

    void malformed() {
        counts.malformed(1);
    }

    Snapshot snapshot() {
        return new Snapshot(counts.receipts(), counts.loyalty(), counts.failed(), counts.incomplete(), counts.malformed(),
                new TreeMap<>(counts.outcomes()), new TreeMap<>(counts.tags()), lastEvent == null ? null : lastEvent.toString(),
                droppedContinuation);
    }

    void restore(Snapshot s) {
        counts.restore(s.receipts(), s.loyalty(), s.failed(), s.incomplete(), s.malformed(), s.outcomes(), s.tags());
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
