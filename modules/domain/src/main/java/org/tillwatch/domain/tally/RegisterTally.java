package org.tillwatch.domain.tally;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;

/**
 * One register's counts, as both the embedded collector and the distributed assembly keep them: closed receipts,
 * loyalty, failed, incomplete, malformed lines, the outcome of every request and every tag (in receipts or between
 * them). Not thread-safe: its owner guards it.
 */
public final class RegisterTally {
    private long receipts;
    private long loyalty;
    private long failed;
    private long incomplete;
    private long malformed;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<String, Long> tags = new TreeMap<>();

    public void transaction(Transaction t) {
        if (t.status().closed()) receipts++; else incomplete++;
        if (t.loyalty()) loyalty++;
        if (t.failed()) failed++;
        for (LoyaltyRequest r : t.requests()) outcome(r.outcome().name());
        for (TagEvent tag : t.tags()) tag(tag.tag());
    }

    /** A request's outcome (one between receipts, or one in a receipt). */
    public void outcome(String outcome) {
        outcomes.merge(outcome, 1L, Long::sum);
    }

    public void tag(String tag) {
        tags.merge(tag, 1L, Long::sum);
    }

    public void malformed(long lines) {
        malformed += lines;
    }

    /** Back to counts kept before (a checkpoint, a state store). */
    public void restore(long receipts, long loyalty, long failed, long incomplete, long malformed,
                        Map<String, Long> outcomes, Map<String, Long> tags) {
        this.receipts = receipts;
        this.loyalty = loyalty;
        this.failed = failed;
        this.incomplete = incomplete;
        this.malformed = malformed;
        this.outcomes.clear();
        this.outcomes.putAll(outcomes);
        this.tags.clear();
        this.tags.putAll(tags);
    }

    public long receipts() {
        return receipts;
    }

    public long loyalty() {
        return loyalty;
    }

    public long failed() {
        return failed;
    }

    public long incomplete() {
        return incomplete;
    }

    public long malformed() {
        return malformed;
    }

    /** Outcome counts by name, sorted; a read-only view. */
    public Map<String, Long> outcomes() {
        return Collections.unmodifiableMap(outcomes);
    }

    /** Tag counts by tag, sorted; a read-only view. */
    public Map<String, Long> tags() {
        return Collections.unmodifiableMap(tags);
    }
}
