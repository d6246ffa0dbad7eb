package org.tillwatch.collector.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds payment card numbers ({@code pan=} values, as the parser masks them) in a pushed byte stream so the spool can
 * keep them masked at rest: first six and last four digits kept, the rest {@code *}, same length, so stream offsets do
 * not move and the parser reads exactly what it would have masked itself. The stream arrives in chunks that may cut a
 * number anywhere: a number still running at a chunk's end is decided when it ends, and the ranges returned may lie
 * in bytes already written.
 *
 * <p>Only ASCII digits count (the registers' encodings write no others). One instance per pushed stream; not
 * thread-safe (appends to a spool are serialized).
 */
final class SpoolPanMask {
    private static final byte[] KEY = {'p', 'a', 'n', '='};
    private static final int MIN_DIGITS = 11;

    /** Bytes of {@link #KEY} matched so far (0..4); 5 means "after the key and an optional quote". */
    private int matched;
    private boolean quoteSeen;
    /** Stream offset of the first digit of the number being read, or -1. */
    private long runStart = -1;
    private long runLength;

    /** Where the scan stands: kept before an append, put back if the append fails (a retry scans the bytes again). */
    record State(int matched, boolean quoteSeen, long runStart, long runLength) {
    }

    State save() {
        return new State(matched, quoteSeen, runStart, runLength);
    }

    void restore(State s) {
        matched = s.matched();
        quoteSeen = s.quoteSeen();
        runStart = s.runStart();
        runLength = s.runLength();
    }

    /** A range of stream offsets to overwrite with {@code *}. */
    record Range(long from, long to) {
    }

    /**
     * Scans {@code len} bytes that sit at {@code streamOffset} in the stream; returns the ranges (stream offsets) of
     * digits to mask among everything read so far whose numbers ended within these bytes.
     */
    List<Range> scan(byte[] data, int off, int len, long streamOffset) {
        List<Range> out = new ArrayList<>(0);
        for (int i = 0; i < len; i++) {
            if (runStart < 0 && matched == 0) {
                i = next(data, off + i, off + len, KEY[0]) - off; // nothing under way: only the key's first byte matters
                if (i == len) break;
            }
            byte b = data[off + i];
            long at = streamOffset + i;
            if (runStart >= 0) {
                if (b >= '0' && b <= '9') {
                    runLength++;
                    continue;
                }
                endRun(out);
            }
            if (matched == KEY.length) {
                if (b == '"' && !quoteSeen) {
                    quoteSeen = true;
                    continue;
                }
                matched = 0;
                quoteSeen = false;
                if (b >= '0' && b <= '9') {
                    runStart = at;
                    runLength = 1;
                    continue;
                }
            }
            if (b == KEY[matched]) {
                matched++;
            } else {
                matched = b == KEY[0] ? 1 : 0;
            }
        }
        return out;
    }

    /** The stream (or the file being pushed) ended: a number still running ends here. */
    List<Range> end() {
        List<Range> out = new ArrayList<>(0);
        if (runStart >= 0) endRun(out);
        matched = 0;
        quoteSeen = false;
        return out;
    }

    /** The index of the first {@code b} in {@code data[from, to)}, or {@code to}. */
    private static int next(byte[] data, int from, int to, byte b) {
        int i = from;
        while (i < to && data[i] != b) i++;
        return i;
    }

    private void endRun(List<Range> out) {
        if (runLength >= MIN_DIGITS) out.add(new Range(runStart + 6, runStart + runLength - 4));
        runStart = -1;
        runLength = 0;
    }
}
