package org.tillwatch.live;

import java.time.Duration;

/**
 * The bucket geometry of one window: {@code buckets} buckets of {@code bucketMs} each, exactly covering the window.
 * Bucket {@code k} holds the instants in {@code (k*bucketMs, (k+1)*bucketMs]} (epoch ms), so that a window ending at
 * a watermark on a bucket edge is exactly {@code (watermark - window, watermark]}.
 */
record WindowSpec(Duration window, long bucketMs, int buckets) {
    static final int MAX_BUCKETS = 300;

    static WindowSpec of(Duration window) {
        long ms = window.toMillis();
        int n = (int) Math.min(MAX_BUCKETS, ms);
        while (ms % n != 0) n--;
        return new WindowSpec(window, ms / n, n);
    }

    long bucketOf(long epochMs) {
        return Math.floorDiv(epochMs - 1, bucketMs);
    }

    /** First instant (inclusive, epoch ms) the window covers at this watermark. */
    long from(long watermark) {
        return (bucketOf(watermark) + 1) * bucketMs - window.toMillis() + 1;
    }

    /** First instant past the window (exclusive, epoch ms) at this watermark. */
    long to(long watermark) {
        return watermark + 1;
    }
}
