package org.tillwatch.live;

import java.util.Arrays;

/**
 * One window's counts for one store (or the chain): a ring of {@link WindowSpec#buckets()} buckets, the newest being
 * {@code head}. Slots are cleared lazily when the head moves, so a store nobody writes to costs nothing per event.
 */
final class BucketRing {
    private static final long EMPTY = Long.MIN_VALUE;

    private final WindowSpec spec;
    private final int[] counts; // [2*slot] loyalty, [2*slot+1] failed
    private final ErrorTally errors = new ErrorTally();
    /** Whether a bucket counted anything (errors included), so that emptiness is known without the error entries. */
    private final boolean[] used;
    private long head = EMPTY;
    /** Bumped by every change: a {@link #read} remembered from the same modification still holds. */
    private long modifications;
    // The last read's sums: when only the window moved since, and every bucket it left behind was empty, they still hold.
    // The alert rules read every store's windows at each failure anywhere, and summing them again was most of that.
    private long readTop = EMPTY;
    private long readModifications = -1;
    private long readLoyalty;
    private long readFailed;
    private long[] readErrors;
    private long readErrorTotal;

    BucketRing(WindowSpec spec) {
        this.spec = spec;
        this.counts = new int[2 * spec.buckets()];
        this.used = new boolean[spec.buckets()];
    }

    /** Counts one receipt; ignored when it is older than the window at this watermark (never newer: see caller). */
    void add(long closedAt, long watermark, boolean loyalty, boolean failed, int[] errorIds) {
        long top = spec.bucketOf(watermark);
        advance(top);
        long k = spec.bucketOf(closedAt);
        int n = spec.buckets();
        if (k <= top - n || k > top) return;
        int slot = (int) Math.floorMod(k, n);
        if (loyalty) counts[2 * slot]++;
        if (failed) counts[2 * slot + 1]++;
        for (int id : errorIds) errors.add(slot, id);
        used[slot] = true;
        modifications++;
    }

    private void advance(long top) {
        int n = spec.buckets();
        if (head == EMPTY || top - head >= n) {
            Arrays.fill(counts, 0);
            Arrays.fill(used, false);
            errors.clear();
        } else if (top > head) {
            int first = (int) Math.floorMod(head + 1, n);
            int steps = (int) (top - head);
            for (int i = 0; i < steps; i++) {
                int slot = (first + i) % n;
                counts[2 * slot] = 0;
                counts[2 * slot + 1] = 0;
                used[slot] = false;
            }
            errors.removeSlots(slot -> Math.floorMod(slot - first, n) < steps);
        } else {
            return;
        }
        head = top;
        modifications++;
    }

    /**
     * Sums the buckets inside the window at this watermark: {@code {loyalty, failed}}, and error counts into
     * {@code errorsById}.
     */
    long[] read(long watermark, long[] errorsById) {
        if (!inWindow(watermark)) return new long[2];
        keep(spec.bucketOf(watermark), errorsById.length);
        for (int id = 0; id < readErrors.length && id < errorsById.length; id++) errorsById[id] += readErrors[id];
        return new long[] {readLoyalty, readFailed};
    }

    /**
     * {@code {loyalty, failed, error outcomes}} counted in the window at this watermark, without the outcomes apart;
     * {@code outcomes}: how many outcome ids there are.
     */
    long[] sums(long watermark, int outcomes) {
        if (!inWindow(watermark)) return new long[3];
        keep(spec.bucketOf(watermark), outcomes);
        return new long[] {readLoyalty, readFailed, readErrorTotal};
    }

    private boolean inWindow(long watermark) {
        return head != EMPTY && spec.bucketOf(watermark) - head < spec.buckets();
    }

    /** Makes the kept sums those of the window ending in bucket {@code top}, summing again unless they still hold. */
    private void keep(long top, int outcomes) {
        if (readModifications == modifications && top >= readTop && onlyEmptyLeft(readTop, top) && readErrors.length >= outcomes) return;
        int n = spec.buckets();
        int depth = (int) (n - (top - head)); // buckets head, head-1, ... still inside the window
        long loyalty = 0;
        long failed = 0;
        for (int d = 0; d < depth; d++) {
            int slot = (int) Math.floorMod(head - d, n);
            loyalty += counts[2 * slot];
            failed += counts[2 * slot + 1];
        }
        long[] byId = new long[outcomes];
        errors.sumInto(slot -> Math.floorMod(head - slot, n) < depth, byId);
        long errorTotal = 0;
        for (long c : byId) errorTotal += c;
        readTop = top;
        readModifications = modifications;
        readLoyalty = loyalty;
        readFailed = failed;
        readErrors = byId;
        readErrorTotal = errorTotal;
    }

    /** Whether the buckets that were in the window at {@code from} but are not at {@code to} counted nothing. */
    private boolean onlyEmptyLeft(long from, long to) {
        int n = spec.buckets();
        if (to - from >= n) return false;
        // left: buckets (from - n, to - n]; only those within (head - n, head] still have their slot
        for (long k = Math.max(from, head) - n + 1; k <= to - n && k <= head; k++) {
            if (used[(int) Math.floorMod(k, n)]) return false;
        }
        return true;
    }

    int slots() {
        return spec.buckets();
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeLong(spec.window().toMillis());
        out.writeLong(head);
        out.writeInt(counts.length);
        // sparse: most buckets of a store are empty (nights, short windows)
        int used = 0;
        for (int i = 0; i < counts.length; i += 2) if (counts[i] != 0 || counts[i + 1] != 0) used++;
        out.writeInt(used);
        for (int i = 0; i < counts.length; i += 2) {
            if (counts[i] == 0 && counts[i + 1] == 0) continue;
            out.writeShort(i / 2);
            out.writeInt(counts[i]);
            out.writeInt(counts[i + 1]);
        }
        errors.write(out);
    }

    /** A ring written by {@link #write}; null when it was written for another window (the config changed). */
    static BucketRing read(WindowSpec spec, java.io.DataInputStream in) throws java.io.IOException {
        long window = in.readLong();
        long head = in.readLong();
        int[] counts = new int[in.readInt()];
        int used = in.readInt();
        for (int u = 0; u < used; u++) {
            int slot = in.readUnsignedShort();
            counts[2 * slot] = in.readInt();
            counts[2 * slot + 1] = in.readInt();
        }
        ErrorTally errors = ErrorTally.read(in);
        if (window != spec.window().toMillis() || counts.length != 2 * spec.buckets()) return null;
        BucketRing r = new BucketRing(spec);
        System.arraycopy(counts, 0, r.counts, 0, counts.length);
        r.head = head;
        r.errors.copyOf(errors);
        java.util.Arrays.fill(r.used, true); // which buckets had only errors is not written: read sums them in full
        return r;
    }

    int errorEntries() {
        return errors.size();
    }
}
