package org.tillwatch.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /** About 30 MB of facts: a cold start on a big tailed tree must not hold a whole day of a fleet in memory. */
    static final int MAX_HELD = 100_000;

    private final long activeNanos;
    private final int maxHeld;
    private Function<RegisterKey, BooleanSupplier> busy = r -> () -> false;
    private final PriorityQueue<Fact> queue = new PriorityQueue<>((a, b) -> {
        int c = a.at().compareTo(b.at());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    });
    /** Every register's newest fact time and when it was last heard from; also in {@link #byTime}. */
    private final Map<RegisterKey, Progress> progress = new HashMap<>();
    /**
     * The same, oldest first: the low watermark is the first active one, found without visiting every register (with
     * thousands of registers, a full scan on each fact was a tenth of ingestion).
     */
    private final TreeSet<Progress> byTime = new TreeSet<>((a, b) -> {
        int c = Long.compare(a.at, b.at);
        return c != 0 ? c : Long.compare(a.id, b.id);
    });
    private long seq;

    private static final class Progress {
        final RegisterKey register;
        final long id;
        long at = Long.MIN_VALUE;
        long heard;
        /** Whether the register's stream is being read; asked of every quiet register at the front at each release. */
        BooleanSupplier busy;

        Progress(RegisterKey register, long id) {
            this.register = register;
            this.id = id;
        }
    }

    EventOrder(Duration active) {
        this(active, MAX_HELD);
    }

    /** @param maxHeld beyond this many facts held back, the oldest go out anyway (memory stays bounded; order may suffer) */
    EventOrder(Duration active, int maxHeld) {
        this.activeNanos = active.toNanos();
        this.maxHeld = maxHeld;
    }

    /** Tells which registers still have entries being read, whatever the wall clock says (the collector's streams). */
    void busy(Predicate<RegisterKey> busy) {
        busyProbes(r -> () -> busy.test(r));
    }

    /** The same, with one probe per register, asked again at each release without finding the register again. */
    synchronized void busyProbes(Function<RegisterKey, BooleanSupplier> probes) {
        this.busy = probes;
        for (Progress p : progress.values()) p.busy = null;
    }

    /**
     * A register whose entries are about to be read (its stream just opened): until it yields its first fact, or goes
     * quiet, it holds everything back, since its entries may be the oldest of all. Without this, a tailed tree whose
     * registers are read one after another had each register's whole day evaluated before the next one was heard of.
     */
    synchronized void expect(RegisterKey register) {
        Progress p = progress.get(register);
        if (p == null) p = track(register);
        p.heard = System.nanoTime();
    }

    private Progress track(RegisterKey register) {
        Progress p = new Progress(register, progress.size());
        progress.put(register, p);
        byTime.add(p);
        return p;
    }

    synchronized void add(RegisterKey register, Instant at, ReceiptFact receipt) {
        queue.add(new Fact(register, at, receipt, seq++));
        Progress p = progress.get(register);
        if (p == null) p = track(register);
        long t = at.toEpochMilli();
        if (t > p.at) {
            byTime.remove(p);
            p.at = t;
            byTime.add(p);
        }
        p.heard = System.nanoTime();
    }

    private boolean busy(Progress p) {
        if (p.busy == null) p.busy = busy.apply(p.register);
        return p.busy.getAsBoolean();
    }

    /** The facts at or before the low watermark, oldest first. */
    List<Fact> ready(boolean all) {
        return ready(all, Integer.MAX_VALUE);
    }

    /** The same, at most {@code max} of them (the rest on the next call). */
    synchronized List<Fact> ready(boolean all, int max) {
        long now = System.nanoTime();
        long low = Long.MAX_VALUE;
        for (Progress p : byTime) {
            if (now - p.heard <= activeNanos || busy(p)) {
                low = p.at;
                break;
            }
        }
        List<Fact> out = new ArrayList<>();
        while (!queue.isEmpty() && out.size() < max
                && (all || low == Long.MAX_VALUE || queue.peek().at().toEpochMilli() <= low || queue.size() > maxHeld)) {
            out.add(queue.poll());
        }
        return out;
    }
}
