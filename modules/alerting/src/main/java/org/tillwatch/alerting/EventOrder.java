package org.tillwatch.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.live.ReceiptFact;

/**
 * Puts what ingestion yields back into log-time order across registers before the rules see it. Each register's
 * stream is read on its own, so one may run minutes (of log time) ahead of another, most of all in a replay at full
 * speed; rules evaluated at the fastest register's time would see the others as silent or their failures late. A
 * fact is released once every active register (one heard from within {@code active}, wall clock) has reached its
 * time: the low watermark. A register that went quiet stops holding the others back after {@code active}, unless the
 * collector says its stream is still being read.
 */
final class EventOrder {
    record Fact(RegisterKey register, Instant at, ReceiptFact receipt, long seq) {
    }

    private final long activeNanos;
    private volatile java.util.function.Predicate<RegisterKey> busy = r -> false;
    private final PriorityQueue<Fact> queue = new PriorityQueue<>((a, b) -> {
        int c = a.at().compareTo(b.at());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    });
    private final Map<RegisterKey, long[]> progress = new HashMap<>();
    private long seq;

    EventOrder(Duration active) {
        this.activeNanos = active.toNanos();
    }

    /** Tells which registers still have entries being read, whatever the wall clock says (the collector's streams). */
    void busy(java.util.function.Predicate<RegisterKey> busy) {
        this.busy = busy;
    }

    synchronized void add(RegisterKey register, Instant at, ReceiptFact receipt) {
        queue.add(new Fact(register, at, receipt, seq++));
        long[] p = progress.computeIfAbsent(register, r -> new long[]{Long.MIN_VALUE, 0});
        p[0] = Math.max(p[0], at.toEpochMilli());
        p[1] = System.nanoTime();
    }

    /** The facts at or before the low watermark, oldest first. */
    synchronized List<Fact> ready(boolean all) {
        long now = System.nanoTime();
        long low = Long.MAX_VALUE;
        for (Map.Entry<RegisterKey, long[]> e : progress.entrySet()) {
            long[] p = e.getValue();
            if (p[0] < low && (now - p[1] <= activeNanos || busy.test(e.getKey()))) low = p[0];
        }
        List<Fact> out = new ArrayList<>();
        while (!queue.isEmpty() && (all || low == Long.MAX_VALUE || queue.peek().at().toEpochMilli() <= low)) out.add(queue.poll());
        return out;
    }
}
