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

    void removeSlots(IntPredicate cleared) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!cleared.test(slot(entries[i]))) entries[kept++] = entries[i];
        }
        size = kept;
        if (size == 0) entries = null;
    }

    void clear() {
        size = 0;
        entries = null;
    }

    /** Adds the counts of the slots accepted by {@code valid} into {@code byId} (indexed by outcome id). */
    void sumInto(IntPredicate valid, long[] byId) {
        for (int i = 0; i < size; i++) {
            if (valid.test(slot(entries[i]))) byId[id(entries[i])] += entries[i] & 0xFFFF_FFFFL;
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

    private static int id(long e) {
        return (int) ((e >>> 32) & 0xFFFF);
    }
}
