package org.tillwatch.collector.ingest;

/**
 * How many pushed-but-unread bytes the collector accepts: what it can read within {@code maxDelay} at the rate it has
 * been reading while busy, at least one max-size chunk and at most the configured byte bound. A backlog bounded in
 * time, not only in bytes, keeps a pushed receipt's way to the index short under overload: pushers get 503 and retry
 * instead of queueing minutes of work in front of every new line.
 *
 * <p>The rate is a moving average over samples taken while there was a backlog (an idle collector's rate says what
 * was offered, not what it can do). Not thread-safe: one timer thread calls {@link #sample}; {@link #limit} may be
 * read from anywhere.
 */
final class BacklogLimit {
    private static final double WEIGHT = 0.3;
    /** A slower average of the same rate (about 5 s at the engine's 250 ms samples): what the retry hint reckons with. */
    private static final double STEADY_WEIGHT = 0.05;

    private final long floorBytes;
    private final long maxBytes;
    private final double maxDelaySeconds;
    private long lastBytes = -1;
    private long lastNanos;
    private double rate;
    private volatile double steadyRate;
    private volatile long limit;

    BacklogLimit(long floorBytes, long maxBytes, java.time.Duration maxDelay) {
        if (floorBytes <= 0 || maxBytes < floorBytes) throw new IllegalArgumentException("floor " + floorBytes + ", max " + maxBytes);
        this.floorBytes = floorBytes;
        this.maxBytes = maxBytes;
        this.maxDelaySeconds = maxDelay.toNanos() / 1e9;
        this.limit = maxBytes;
    }

    /**
     * @param readBytes total bytes read from pushed spools so far
     * @param nanos     a monotonic time ({@link System#nanoTime()})
     * @param backlog   bytes waiting now
     */
    void sample(long readBytes, long nanos, long backlog) {
        if (lastBytes >= 0 && nanos > lastNanos && backlog > 0) {
            double now = (readBytes - lastBytes) / ((nanos - lastNanos) / 1e9);
            rate = rate == 0 ? now : WEIGHT * now + (1 - WEIGHT) * rate;
            steadyRate = steadyRate == 0 ? now : STEADY_WEIGHT * now + (1 - STEADY_WEIGHT) * steadyRate;
            limit = Math.clamp((long) (rate * maxDelaySeconds), floorBytes, maxBytes);
        }
        lastBytes = readBytes;
        lastNanos = nanos;
    }

    /** Bytes of backlog accepted now: the byte bound until a busy period has been measured. */
    long limit() {
        return limit;
    }

    /**
     * About how long reading {@code bytes} takes, a retry hint of 50 ms to 1 s: at the steadier of the two rates. A
     * commit or a collection stops reading for a few hundred ms; the limit follows the dip at once, but pushers told to
     * wait out the excess at the dipped rate came back after the backlog had run dry.
     */
    long drainMillis(long bytes) {
        double r = Math.max(rate, steadyRate);
        if (r <= 0) return 1_000;
        return Math.clamp((long) (bytes * 1000 / r), 50, 1_000);
    }

    /** Bytes per second read while busy (0 before any busy sample). */
    double rate() {
        return rate;
    }
}
