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
 * partition has reported progress past it, except a partition whose task said it is idle and had read, when it said
 * so, everything its partitions hold ({@link CaughtUp}, asked only when that partition is what holds a fact back),
 * and one not heard from for {@code hold} whose topics hold nothing its group has not read (its task is gone, with
 * nothing left to send). A partition not heard from whose records are still unread (its task is moving: after a kill,
 * the session timeout, the move and the restore can take longer than {@code hold} on a loaded machine) holds the
 * others back until its new owner reports, or for {@link #GIVE_UP} holds at most: releasing past it would make all it
 * has to send late, and the rules would never see it in its windows.
 */
final class FactOrder {
    /** Whether nothing but control records follows these offsets (null: unknown) in this partition's topics. */
    interface CaughtUp {
        boolean test(int partition, Long transactionsNext, Long activityNext);

        /** Whether the state application's group has read everything this partition's topics (and their source) hold. */
        default boolean drained(int partition) {
            return true;
        }
    }

    private record Progress(long upTo, boolean idle, Long transactions, Long activity, long heardNanos) {
    }

    private record Held(Fact fact, long at, long seq) {
    }

    /** How many holds a partition with unread records may hold the others back without a word. */
    static final int GIVE_UP = 10;

    private final long holdNanos;
    private final PriorityQueue<Held> queue = new PriorityQueue<>((a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Long.compare(a.seq(), b.seq()));
    private final Map<Integer, Progress> progress = new HashMap<>();
    private long seq;

    /** @param partitions the transactions partitions: each holds facts back until heard from (or for {@code hold}) */
    FactOrder(Duration hold, int partitions) {
        this.holdNanos = hold.toNanos();
        long now = System.nanoTime();
        for (int p = 0; p < partitions; p++) progress.put(p, new Progress(Long.MIN_VALUE, false, null, null, now));
    }

    void add(Fact f) {
        long now = System.nanoTime();
        if (f.isProgress()) {
            progress.put(f.partition(), new Progress(f.at() == null ? Long.MIN_VALUE : f.at().toEpochMilli(), Boolean.TRUE.equals(f.idle()),
                    f.transactionsNext(), f.activityNext(), now));
            return;
        }
        queue.add(new Held(f, f.at().toEpochMilli(), seq++));
        if (f.source() != null) progress.computeIfAbsent(f.source(), p -> new Progress(Long.MIN_VALUE, false, null, null, now));
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
            if (p.upTo() >= at) continue;
            long quiet = now - p.heardNanos();
            if (quiet > holdNanos && (quiet > GIVE_UP * holdNanos || caughtUp.drained(e.getKey()))) continue;
            if (p.idle() && caughtUp.test(e.getKey(), p.transactions(), p.activity())) continue;
            return true;
        }
        return false;
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        long now = System.nanoTime();
        progress.forEach((p, g) -> b.append(p).append(": ").append(g.upTo() == Long.MIN_VALUE ? "-" : java.time.Instant.ofEpochMilli(g.upTo()))
                .append(g.idle() ? " idle" : "").append(" heard ").append((now - g.heardNanos()) / 1_000_000).append(" ms ago; "));
        return b.toString();
    }

    int held() {
        return queue.size();
    }
}
