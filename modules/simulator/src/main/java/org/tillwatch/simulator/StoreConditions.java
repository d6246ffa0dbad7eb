package org.tillwatch.simulator;

/**
 * What the loyalty service does to one store's requests that day. Windows are in the store's local time;
 * {@code null} means none. The chain incident is given per store, converted from UTC to local time.
 */
record StoreConditions(
        boolean deviceMissing,
        LocalWindow outage,
        LocalWindow degraded,
        double degradedTimeoutRate,
        LocalWindow incident,
        double incidentErrorRate) {

    static final StoreConditions HEALTHY = new StoreConditions(false, null, null, 0, null, 0);

    /** Whether a request sent at {@code ms} falls in the outage (every request times out). */
    boolean inOutage(int ms) {
        return outage != null && outage.contains(ms);
    }

    /** Whether forced special receipts may be placed here (their outcomes must not be overridden). */
    boolean hostsSpecialReceipts() {
        return !deviceMissing && outage == null;
    }
}
