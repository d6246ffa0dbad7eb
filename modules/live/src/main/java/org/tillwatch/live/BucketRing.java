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
    // Sums over every slot: a slot only ever holds a bucket in (head - n, head], so these are the window's at the head.
    // A read at a later watermark takes off the buckets that left. The alert rules read every store's windows at
    // each step of log time, and summing the buckets again was most of that.
    private long loyaltySum;
    private long failedSum;
    private long[] errorSums = new long[0]; // by outcome id
    private long adds;
    // The error counts, by id, of the buckets that had left the window at the last read: they still hold while neither
    // the head, the window's end nor the counts moved. A store quiet for a while is read at every step, and a day's
    // window has a day of error entries to go through.
    private long leftTop = EMPTY;
    private long leftHead = EMPTY;
    private long leftAdds = -1;
    private long[] leftErrors;

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
        if (loyalty) {
            counts[2 * slot]++;
            loyaltySum++;
        }
        if (failed) {
            counts[2 * slot + 1]++;
            failedSum++;
        }
        for (int id : errorIds) {
            errors.add(slot, id);
            if (id >= errorSums.length) errorSums = Arrays.copyOf(errorSums, Math.max(id + 1, 2 * errorSums.length));
            errorSums[id]++;
        }
        used[slot] = true;
        adds++;
    }

    private void advance(long top) {
        int n = spec.buckets();
        if (head == EMPTY || top - head >= n) {
            Arrays.fill(counts, 0);
            Arrays.fill(used, false);
            errors.clear();
            loyaltySum = 0;
            failedSum = 0;
            Arrays.fill(errorSums, 0);
        } else if (top > head) {
            int first = (int) Math.floorMod(head + 1, n);
            int steps = (int) (top - head);
            boolean any = false;
            for (int i = 0; i < steps; i++) {
                int slot = (first + i) % n;
                if (!used[slot]) continue;
                loyaltySum -= counts[2 * slot];
                failedSum -= counts[2 * slot + 1];
                counts[2 * slot] = 0;
                counts[2 * slot + 1] = 0;
                used[slot] = false;
                any = true;
            }
            if (any) errors.removeSlots(slot -> Math.floorMod(slot - first, n) < steps, (id, count) -> errorSums[id] -= count);
        } else {
            return;
        }
        head = top;
    }

    /**
     * Sums the buckets inside the window at this watermark: {@code {loyalty, failed}}, and error counts into
     * {@code errorsById}.
     */
    long[] read(long watermark, long[] errorsById) {
        if (!inWindow(watermark)) return new long[2];
        for (int id = 0; id < errorSums.length && id < errorsById.length; id++) errorsById[id] += errorSums[id];
        long[] out = {loyaltySum, failedSum};
        takeOffLeft(spec.bucketOf(watermark), out, (id, count) -> {
            if (id < errorsById.length) errorsById[id] -= count;
        });
        return out;
    }

    /**
     * {@code {loyalty, failed, error outcomes}} counted in the window at this watermark, without the outcomes apart;
     * only the outcomes whose id {@code counted} holds true count (an id past its end does not).
     */
    long[] sums(long watermark, boolean[] counted) {
        if (!inWindow(watermark)) return new long[3];
        long errorTotal = 0;
        for (int id = 0; id < errorSums.length && id < counted.length; id++) if (counted[id]) errorTotal += errorSums[id];
        long[] out = {loyaltySum, failedSum, errorTotal};
        takeOffLeft(spec.bucketOf(watermark), out, (id, count) -> {
            if (id < counted.length && counted[id]) out[2] -= count;
        });
        return out;
    }

    private boolean inWindow(long watermark) {
        return head != EMPTY && spec.bucketOf(watermark) - head < spec.buckets();
    }

    /**
     * Takes off {@code sums} (loyalty, failed) and hands to {@code errorsLeft} what the buckets that left the window
     * since the head, as it ends in bucket {@code top}, counted: buckets {@code (head - n, top - n]}.
     */
    private void takeOffLeft(long top, long[] sums, ErrorTally.Counted errorsLeft) {
        if (top <= head) return;
        int n = spec.buckets();
        int first = (int) Math.floorMod(head + 1, n); // the slot of bucket head - n + 1, the oldest in the ring
        int left = (int) (top - head);
        boolean any = false;
        for (int i = 0; i < left; i++) {
            int slot = (first + i) % n;
            if (!used[slot]) continue;
            sums[0] -= counts[2 * slot];
            sums[1] -= counts[2 * slot + 1];
            any = true;
        }
        if (!any || errors.size() == 0) return;
        if (leftTop != top || leftHead != head || leftAdds != adds) {
            long[] byId = new long[errorSums.length];
            errors.forEachIn(slot -> Math.floorMod(slot - first, n) < left, (id, count) -> byId[id] += count);
            leftErrors = byId;
            leftTop = top;
            leftHead = head;
            leftAdds = adds;
        }
        for (int id = 0; id < leftErrors.length; id++) if (leftErrors[id] != 0) errorsLeft.count(id, leftErrors[id]);
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
        Arrays.fill(r.used, true); // which buckets had only errors is not written: take every one as used
        for (int slot = 0; slot < spec.buckets(); slot++) {
            r.loyaltySum += counts[2 * slot];
            r.failedSum += counts[2 * slot + 1];
        }
        r.errors.forEachIn(slot -> true, (id, count) -> {
            if (id >= r.errorSums.length) r.errorSums = Arrays.copyOf(r.errorSums, id + 1);
            r.errorSums[id] += count;
        });
        return r;
    }

    int errorEntries() {
        return errors.size();
    }
}
