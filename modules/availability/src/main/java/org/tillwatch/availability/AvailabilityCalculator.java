package org.tillwatch.availability;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts loyalty transactions and failures per store and chain-wide; {@link #report(int)} applies the minimum
 * volume. Feed it the loyalty transactions of one window.
 */
public final class AvailabilityCalculator {
    public static final int DEFAULT_MIN_VOLUME = 20;

    private final Map<String, long[]> stores = new TreeMap<>();

    public void add(String store, boolean failed) {
        long[] c = stores.computeIfAbsent(store, k -> new long[2]);
        c[0]++;
        if (failed) c[1]++;
    }

    /** Makes a store appear in the report even with no loyalty transactions in the window. */
    public void include(String store) {
        stores.computeIfAbsent(store, k -> new long[2]);
    }

    public AvailabilityReport report(int minVolume) {
        if (minVolume < 1) throw new IllegalArgumentException("minimum volume must be at least 1, got " + minVolume);
        Map<String, Availability> out = new TreeMap<>();
        long loyalty = 0;
        long failed = 0;
        for (Map.Entry<String, long[]> e : stores.entrySet()) {
            out.put(e.getKey(), Availability.of(e.getValue()[0], e.getValue()[1], minVolume));
            loyalty += e.getValue()[0];
            failed += e.getValue()[1];
        }
        return new AvailabilityReport(Availability.of(loyalty, failed, minVolume), out, minVolume);
    }
}
