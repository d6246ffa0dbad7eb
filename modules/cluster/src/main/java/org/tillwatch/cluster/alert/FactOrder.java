package org.tillwatch.cluster.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.tillwatch.cluster.Fact;

/**
 * Puts the alert facts of all transactions partitions back into event-time order.
 * <p>
 * <b>With a shipper's marks</b> (progress facts carrying {@code shipped}): every fact of every byte a shipper had
 * read before round E started is ahead, in each partition, of the progress fact saying E. A fact is released once it
 * is no later than <i>the latest fact read before the round before the oldest marked round</i> (every byte still to
 * come was written at least one round after that fact's) and than the oldest entry the assembly may still hold back
 * ({@code floor}). Registers, stores and partitions then can progress in any order: a register first seen late, or
 * one far behind the others of its partition, was either read before that round (its facts are in) or written after
 * it. A register that went silent holds nothing back (its files are read to their end in every round) and its
 * silence is seen at the right instant. A partition whose marks stop advancing for {@link #GIVE_UP} holds (5 min: the
 * shipper is gone) falls back to the rules below.
 * <p>
 * <b>Without marks</b> (pushed logs; a partition whose marks stopped): a fact is released once every partition has
 * reported progress past it, except a partition whose task said it is idle and had read, when it said so, everything
 * its partitions hold ({@link CaughtUp}, asked only when that partition is what holds a fact back), and one not heard
 * from for {@code hold} whose topics hold nothing its group has not read (its task is gone, with nothing left to
 * send). A partition not heard from whose records are still unread (its task is moving: after a kill, the session
 * timeout, the move and the restore can take longer than {@code hold} on a loaded machine) holds the others back
 * until its new owner reports, or for {@link #GIVE_UP} holds at most: releasing past it would make all it has to send
 * late, and the rules would never see it in its windows. A partition's progress is then the latest event its task
 * saw, not the oldest still to come: see the README's known limits.
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

    private record Progress(long upTo, boolean idle, Long transactions, Long activity, long heardNanos, Marks marks) {
    }

    /** A partition's latest word on the shippers' marks (kept when a later progress fact has none: its task moved). */
    private record Marks(long shipped, long before, long floor, long advancedNanos) {
    }

    private record Held(Fact fact, long at, long seq) {
    }

    /** How many holds a partition with unread records may hold the others back without a word. */
    static final int GIVE_UP = 10;

    private final long holdNanos;
    private final PriorityQueue<Held> queue = new PriorityQueue<>((a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Long.compare(a.seq(), b.seq()));
    private final Map<Integer, Progress> progress = new HashMap<>();
    /** Per shipper round, the latest fact read in it; rounds before {@link #foldedBelow} folded into {@link #folded}. */
    private final java.util.TreeMap<Long, Long> latestByEpoch = new java.util.TreeMap<>();
    private long foldedBelow = Long.MIN_VALUE;
    private long folded = Long.MIN_VALUE;
    private long seq;

    /** @param partitions the transactions partitions: each holds facts back until heard from (or for {@code hold}) */
    FactOrder(Duration hold, int partitions) {
        this.holdNanos = hold.toNanos();
        long now = System.nanoTime();
        for (int p = 0; p < partitions; p++) progress.put(p, new Progress(Long.MIN_VALUE, false, null, null, now, null));
    }

    void add(Fact f) {
        long now = System.nanoTime();
        if (f.isProgress()) {
            Progress old = progress.get(f.partition());
            Marks marks = old == null ? null : old.marks();
            if (f.shipped() != null) {
                long before = f.shippedBefore() == null ? Long.MIN_VALUE : f.shippedBefore();
                long floor = f.floor() == null ? Long.MAX_VALUE : f.floor().toEpochMilli();
                boolean advanced = marks == null || f.shipped() != marks.shipped() || before != marks.before() || floor != marks.floor();
                marks = new Marks(f.shipped(), before, floor, advanced ? now : marks.advancedNanos());
            }
            progress.put(f.partition(), new Progress(f.at() == null ? Long.MIN_VALUE : f.at().toEpochMilli(), Boolean.TRUE.equals(f.idle()),
                    f.transactionsNext(), f.activityNext(), now, marks));
            return;
        }
        long at = f.at().toEpochMilli();
        queue.add(new Held(f, at, seq++));
        if (f.epoch() != null) {
            if (f.epoch() < foldedBelow) folded = Math.max(folded, at);
            else latestByEpoch.merge(f.epoch(), at, Math::max);
        }
        if (f.source() != null) progress.computeIfAbsent(f.source(), p -> new Progress(Long.MIN_VALUE, false, null, null, now, null));
    }

    /** The facts no partition may still send older ones than, oldest first. */
    List<Fact> ready(CaughtUp caughtUp) {
        List<Fact> out = new ArrayList<>();
        long now = System.nanoTime();
        long bound = marked(now);
        while (!queue.isEmpty() && queue.peek().at() <= bound && !held(queue.peek().at(), now, caughtUp)) out.add(queue.poll().fact());
        return out;
    }

    /**
     * Whether a partition's marks still decide for it: it has some, and they advanced within {@link #GIVE_UP} holds.
     * "Nothing unread" is no sign of a gone shipper here: after a kill, the killed instance's open transactions keep
     * the topics' last stable offsets where its group's committed offsets are, records behind them unseen, while every
     * partition's marks wait for its raw partitions (proof run 7: the fallback let out 2.5 hours of two partitions late).
     */
    private boolean marking(Progress p, long now) {
        Marks m = p.marks();
        return m != null && now - m.advancedNanos() <= GIVE_UP * holdNanos;
    }

    /** The latest instant the marks let out (Long.MAX_VALUE when no partition has marks). */
    private long marked(long now) {
        long before = Long.MAX_VALUE;
        long floor = Long.MAX_VALUE;
        boolean any = false;
        boolean silent = false;
        for (Map.Entry<Integer, Progress> e : progress.entrySet()) {
            if (!marking(e.getValue(), now)) {
                silent |= e.getValue().marks() == null;
                continue;
            }
            any = true;
            before = Math.min(before, e.getValue().marks().before());
            floor = Math.min(floor, e.getValue().marks().floor());
        }
        if (!any) return Long.MAX_VALUE;
        // every partition hears every raw partition's marks: one that has not said anything of them yet is behind
        if (silent) before = Long.MIN_VALUE;
        if (before > foldedBelow) {
            var below = latestByEpoch.headMap(before, false);
            for (long t : below.values()) folded = Math.max(folded, t);
            below.clear();
            foldedBelow = before;
        }
        return Math.min(folded, floor);
    }

    private boolean held(long at, long now, CaughtUp caughtUp) {
        for (Map.Entry<Integer, Progress> e : progress.entrySet()) {
            Progress p = e.getValue();
            if (p.upTo() >= at || marking(p, now)) continue;
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
                .append(g.idle() ? " idle" : "").append(g.marks() == null ? "" : " shipped " + g.marks().shipped() + " before " + g.marks().before()
                        + (g.marks().floor() == Long.MAX_VALUE ? "" : " floor " + java.time.Instant.ofEpochMilli(g.marks().floor()))).append(" heard ").append((now - g.heardNanos()) / 1_000_000).append(" ms ago; "));
        return b.toString();
    }

    /** The latest instant the shippers' marks let out so far (Long.MIN_VALUE: none yet). */
    long markedUpTo() {
        return folded;
    }

    int held() {
        return queue.size();
    }
}
