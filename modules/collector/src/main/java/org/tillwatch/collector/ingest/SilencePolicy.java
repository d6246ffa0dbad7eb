package org.tillwatch.collector.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

import org.tillwatch.domain.assemble.RegisterAssembler;

/**
 * When a quiet stream's last entry is read and when its open receipt is ended INCOMPLETE. A stream quiet for
 * {@code ingest.idle-flush} has its last entry read once it is surely complete (so a receipt's close is searchable
 * within moments); an open receipt is ended once event time (the watermark) has moved the spec's silence past it and
 * the register has been silent for {@code ingest.silence-expiry}.
 *
 * <p>Silence is the register's, not the collector's: time in which pushes were refused (anyone's: the shippers wait in
 * line behind the refused ones) does not count, nor does a restart before the register resumes (see
 * {@link #holdRestored}). Otherwise a register lagging behind the fleet loses a receipt whose close is still on its way.
 */
final class SilencePolicy {
    private final long idleFlushNanos;
    private final long expiryNanos;
    private final Supplier<Instant> watermark;
    private volatile long lastRefusalNanos = System.nanoTime();

    SilencePolicy(Duration idleFlush, Duration silenceExpiry, Supplier<Instant> watermark) {
        this.idleFlushNanos = idleFlush.toNanos();
        this.expiryNanos = silenceExpiry.toNanos();
        this.watermark = watermark;
    }

    /** A push was refused: shippers hold their bytes, so no register's silence counts until pushes are accepted again. */
    void refused() {
        lastRefusalNanos = System.nanoTime();
    }

    /** Bytes arrived for the stream (the caller holds its lock): it is no longer quiet, nor held by a restart. */
    static void heard(RegisterStream s) {
        s.lastInputNanos = System.nanoTime();
        s.expireNotBefore = null;
        s.quietHandled = false;
    }

    /**
     * The watermark comes back as the fleet's newest event, but a register's shipper may have been behind it when the
     * collector stopped, and takes a while to resume: until a restored register sends again, its open receipt waits
     * for the watermark to move the spec's silence past the restart, not past its own last entry.
     */
    void holdRestored(Collection<RegisterStream> restored) {
        Instant mark = watermark.get();
        if (mark == null) return;
        Instant notBefore = mark.plus(RegisterAssembler.SILENCE);
        for (RegisterStream s : restored) s.expireNotBefore = notBefore;
    }

    /** Flushes and expires the streams that went quiet, holding {@code reading} (a stream busy elsewhere waits). */
    void sweep(Collection<RegisterStream> streams, Lock reading) {
        long now = System.nanoTime();
        long refused = lastRefusalNanos;
        Instant mark = watermark.get();
        reading.lock();
        try {
            for (RegisterStream s : streams) {
                long idle = now - s.lastInputNanos;
                long silent = now - Math.max(s.lastInputNanos, refused);
                Instant notBefore = s.expireNotBefore;
                boolean expire = silent >= expiryNanos && mark != null && (notBefore == null || !mark.isBefore(notBefore));
                if (idle < idleFlushNanos || (s.quietHandled && !expire)) continue;
                if (s.queued.get() || !s.lock.tryLock()) continue;
                try {
                    if (!s.quietHandled) s.pipeline.flushIfComplete();
                    s.quietHandled = true;
                    if (expire) s.pipeline.expireIfSilent(mark.atZone(s.store.zone()).toLocalDateTime());
                } finally {
                    s.lock.unlock();
                }
            }
        } finally {
            reading.unlock();
        }
    }
}
