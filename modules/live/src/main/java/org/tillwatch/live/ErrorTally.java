package org.tillwatch.live;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Error counts of one ring, as packed longs {@code slot:16 | outcome id:16 | count:32}: one entry per outcome per
 * bucket that had it, no object per entry. Entries of a bucket go when the ring reuses its slot; the array is
 * released when none are left.
 */
final class ErrorTally {
    private long[] entries;
    private int size;

    void add(int slot, int id) {
        // the newest bucket's entries sit at the end
        for (int i = size - 1; i >= 0; i--) {
            if (slot(entries[i]) == slot && id(entries[i]) == id) {
                entries[i]++;
                return;
            }
        }
        if (entries == null) entries = new long[4];
        else if (size == entries.length) entries = Arrays.copyOf(entries, size * 2);
        entries[size++] = ((long) slot << 48) | ((long) id << 32) | 1L;
    }

    /** Receives the count of one outcome id in one bucket. */
    interface Counted {
        void count(int id, long count);
    }

    /** Drops the entries of the slots {@code cleared} accepts, handing each to {@code removed}. */
    void removeSlots(IntPredicate cleared, Counted removed) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            long e = entries[i];
            if (cleared.test(slot(e))) removed.count(id(e), count(e));
            else entries[kept++] = e;
        }
        size = kept;
        if (size == 0) entries = null;
    }

    void clear() {
        size = 0;
        entries = null;
    }

    /** Hands every entry of the slots {@code valid} accepts to {@code to}. */
    void forEachIn(IntPredicate valid, Counted to) {
        for (int i = 0; i < size; i++) {
            long e = entries[i];
            if (valid.test(slot(e))) to.count(id(e), count(e));
        }
    }

    int size() {
        return size;
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) out.writeLong(entries[i]);
    }

    static ErrorTally read(java.io.DataInputStream in) throws java.io.IOException {
        ErrorTally t = new ErrorTally();
        int n = in.readInt();
        if (n > 0) {
            t.entries = new long[n];
            for (int i = 0; i < n; i++) t.entries[i] = in.readLong();
            t.size = n;
        }
        return t;
    }

    void copyOf(ErrorTally other) {
        entries = other.entries == null ? null : other.entries.clone();
        size = other.size;
    }

    private static int slot(long e) {
        return (int) (e >>> 48);
    }

    private static long count(long e) {
        return e & 0xFFFF_FFFFL;
    }

    private static int id(long e) {
        return (int) ((e >>> 32) & 0xFFFF);
    }
}
