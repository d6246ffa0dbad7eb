package org.tillwatch.cluster.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.tillwatch.cluster.Fact;

/**
 * Puts the alert facts of all transactions partitions back into event-time order. A fact is released once every
 * partition has reported progress past it, except a partition whose task is idle and has read everything its
 * partitions hold ({@link CaughtUp}, asked only when that partition is what holds a fact back), and one not heard
 * from for {@code hold} (wall clock: its task is gone or moving; what it would have sent comes late).
 */
final class FactOrder {
    /** Whether the task of this partition has read everything its partitions hold. */
    interface CaughtUp {
        boolean test(int partition);
    }

    private record Progress(long upTo, boolean idle, long heardNanos) {
    }

    private record Held(Fact fact, long at, long seq) {
    }

    private final long holdNanos;
    private final PriorityQueue<Held> queue = new PriorityQueue<>((a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Long.compare(a.seq(), b.seq()));
    private final Map<Integer, Progress> progress = new HashMap<>();
    private long seq;

    /** @param partitions the transactions partitions: each holds facts back until heard from (or for {@code hold}) */
    FactOrder(Duration hold, int partitions) {
        this.holdNanos = hold.toNanos();
        long now = System.nanoTime();
        for (int p = 0; p < partitions; p++) progress.put(p, new Progress(Long.MIN_VALUE, false, now));
    }

    void add(Fact f) {
        long now = System.nanoTime();
        if (f.isProgress()) {
            progress.put(f.partition(), new Progress(f.at() == null ? Long.MIN_VALUE : f.at().toEpochMilli(), Boolean.TRUE.equals(f.idle()), now));
            return;
        }
        queue.add(new Held(f, f.at().toEpochMilli(), seq++));
        if (f.source() != null) progress.computeIfAbsent(f.source(), p -> new Progress(Long.MIN_VALUE, false, now));
    }

    /** The facts no partition may still send older ones than, oldest first. */
    List<Fact> ready(CaughtUp caughtUp) {
        List<Fact> out = new ArrayList<>();
        long now = System.nanoTime();
        while (!queue.isEmpty() && !held(queue.peek().at(), now, caughtUp)) out.add(queue.poll().fact());
        return out;
    }

    private boolean held(long at, long now, CaughtUp caughtUp) {
        for (Map.Entry<Integer, Progress> e : progress.entrySet()) {
            Progress p = e.getValue();
            if (p.upTo() >= at || now - p.heardNanos() > holdNanos) continue;
            if (p.idle() && caughtUp.test(e.getKey())) continue;
            return true;
        }
        return false;
    }

    int held() {
        return queue.size();
    }
}
