package org.tillwatch.cluster.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.tillwatch.cluster.Fact;

/**
 * Puts the alert facts of all transactions partitions back into event-time order. A fact is released once every busy
 * partition has reported progress past it; a partition that said it is idle does not hold the others, nor one not
 * heard from for {@code hold} (wall clock: its task is gone, and the facts it would have sent will come late).
 */
final class FactOrder {
    private record Progress(long upTo, boolean idle, long heardNanos) {
    }

    private record Held(Fact fact, long at, long seq) {
    }

    private final long holdNanos;
    private final PriorityQueue<Held> queue = new PriorityQueue<>((a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Long.compare(a.seq(), b.seq()));
    private final Map<Integer, Progress> progress = new HashMap<>();
    private long seq;

    FactOrder(Duration hold) {
        this.holdNanos = hold.toNanos();
    }

    void add(Fact f) {
        long now = System.nanoTime();
        if (f.isProgress()) {
            progress.put(f.partition(), new Progress(f.at() == null ? Long.MIN_VALUE : f.at().toEpochMilli(), Boolean.TRUE.equals(f.idle()), now));
            return;
        }
        queue.add(new Held(f, f.at().toEpochMilli(), seq++));
        if (f.source() != null) {
            // facts from a partition not reported yet: it is busy, but how far it got is still unknown
            progress.computeIfAbsent(f.source(), p -> new Progress(Long.MIN_VALUE, false, now));
        }
    }

    /** The facts every busy partition has passed, oldest first. */
    List<Fact> ready() {
        long now = System.nanoTime();
        long low = Long.MAX_VALUE;
        for (Progress p : progress.values()) {
            if (!p.idle() && now - p.heardNanos() <= holdNanos) low = Math.min(low, p.upTo());
        }
        List<Fact> out = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().at() <= low) out.add(queue.poll().fact());
        return out;
    }

    int held() {
        return queue.size();
    }
}
