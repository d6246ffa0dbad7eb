package org.tillwatch.simulator;

/** A half-open window {@code [startMs, endMs)} of a store's local day, in milliseconds since local midnight. */
record LocalWindow(int startMs, int endMs) {
    LocalWindow {
        if (endMs < startMs) {
            throw new IllegalArgumentException("window ends before it starts");
        }
    }

    boolean contains(int ms) {
        return ms >= startMs && ms < endMs;
    }

    /** {@code HH:mm-HH:mm}, as expected.json's scenarios write local windows. */
    String label() {
        return hhmm(startMs) + "-" + hhmm(endMs);
    }

    static String hhmm(int ms) {
        int m = ms / 60_000;
        return String.format("%02d:%02d", m / 60, m % 60);
    }
}
