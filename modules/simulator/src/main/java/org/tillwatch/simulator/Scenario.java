package org.tillwatch.simulator;

/**
 * The things that can go wrong on a simulated day. Each is placed by the seed; the store-level ones need a
 * fleet big enough to keep at least one healthy store (see {@link FleetSimulator}).
 */
public enum Scenario {
    /** One store: every loyalty request in a 40-minute local window times out. */
    STORE_OUTAGE,
    /** All stores: for 15 minutes (UTC) about 60% of loyalty requests get HTTP 502 from the gateway. */
    CHAIN_INCIDENT,
    /** One store is missing in processing: DeviceNotFound (30) on every request, all day. */
    DEVICE_MISSING,
    /** One store: some loyalty requests time out for two hours. */
    DEGRADED_STORE,
    /** One store with a single register and little traffic. */
    SMALL_STORE,
    /** One register runs an old build that logs full payment card numbers. */
    OLD_BUILD,
    /** Malformed lines: bad time, unknown level, invalid byte, over-long line, cut-off last line, broken XML. */
    MALFORMED_LINES,
    /**
     * Guarantees at least one of every special receipt (offline queueing, no response, connection error,
     * system error, each card refusal, bag after subtotal, cancels, incompletes, returns, declines...), on top
     * of their ordinary random rates.
     */
    EDGE_CASES
}
