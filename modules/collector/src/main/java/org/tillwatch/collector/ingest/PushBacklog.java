package org.tillwatch.collector.ingest;

import java.util.concurrent.atomic.AtomicLong;

import org.tillwatch.config.CollectorConfig;

/** Bytes pushed and spooled but not read yet, and the bound pushes are accepted up to (see {@link BacklogLimit}). */
final class PushBacklog {
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final BacklogLimit limit;
    private final long maxBytes;

    PushBacklog(CollectorConfig.Ingest ingest) {
        this.limit = new BacklogLimit(ingest.maxChunkBytes(), ingest.maxBacklogBytes(), ingest.maxBacklogDelay());
        this.maxBytes = ingest.maxBacklogBytes();
    }

    /** Spooled bytes waiting to be read (found at start, or returned after a failed append). */
    void add(long n) {
        bytes.addAndGet(n);
    }

    /** {@code n} pushed bytes were read. */
    void read(long n) {
        bytes.addAndGet(-n);
        read.addAndGet(n);
    }

    /**
     * Counts {@code n} bytes in if they fit under the limit. Check and add are one step: pushes to different registers
     * run at once, and a separate check would let each of them pass the same free room. A {@code live} push (a live
     * register's few new bytes, read before the backlog) may also use a headroom of a quarter of the limit: a fleet
     * catching up fills the backlog, and its 503s must not hold back the registers that are working now. Never past
     * the configured byte bound.
     */
    void reserve(long n, boolean live) throws PushRejected.Saturated {
        if (n <= 0) return;
        while (true) {
            long now = bytes.get();
            long bound = limit.limit();
            long max = live ? Math.min(bound + bound / 4, maxBytes) : bound;
            if (now + n > max) throw new PushRejected.Saturated(now, limit.drainMillis(now + n - max));
            if (bytes.compareAndSet(now, now + n)) return;
        }
    }

    /** Measures the read rate (one timer thread). */
    void sample() {
        limit.sample(read.get(), System.nanoTime(), bytes.get());
    }

    long bytes() {
        return bytes.get();
    }

    long limitBytes() {
        return limit.limit();
    }
}
