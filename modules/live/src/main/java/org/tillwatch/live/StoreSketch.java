package org.tillwatch.live;

import java.time.Instant;
import java.util.Objects;

/**
 * One store at the watermark in brief, for a reader that must tell quickly which stores need their full
 * {@link StoreStatus}: per window (in the configured order) its loyalty transactions, the failed ones and the error
 * outcomes counted (of the outcomes the reader asked for); whether it is open; and its registers' newest and oldest
 * last event (both null when none wrote).
 */
public final class StoreSketch {
    private final String store;
    private final long[] loyalty;
    private final long[] failed;
    private final long[] errors;
    private final boolean openNow;
    private final Instant newestEvent;
    private final Instant oldestEvent;

    StoreSketch(String store, long[] loyalty, long[] failed, long[] errors, boolean openNow, Instant newestEvent, Instant oldestEvent) {
        this.store = Objects.requireNonNull(store, "store");
        if (loyalty.length != failed.length || failed.length != errors.length) throw new IllegalArgumentException("one figure per window");
        if ((newestEvent == null) != (oldestEvent == null)) throw new IllegalArgumentException("newest and oldest event go together");
        this.loyalty = loyalty;
        this.failed = failed;
        this.errors = errors;
        this.openNow = openNow;
        this.newestEvent = newestEvent;
        this.oldestEvent = oldestEvent;
    }

    public String store() {
        return store;
    }

    public long loyalty(int window) {
        return loyalty[window];
    }

    public long failed(int window) {
        return failed[window];
    }

    /** Error outcomes (critical or not) counted in the window, failed transaction or not, of those the reader asked for. */
    public long errors(int window) {
        return errors[window];
    }

    public boolean openNow() {
        return openNow;
    }

    public Instant newestEvent() {
        return newestEvent;
    }

    public Instant oldestEvent() {
        return oldestEvent;
    }
}
