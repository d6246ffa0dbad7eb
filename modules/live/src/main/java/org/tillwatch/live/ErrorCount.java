package org.tillwatch.live;

import java.util.Objects;

/** How often one non-Ok outcome occurred in a window's receipts (each request counts once). */
public record ErrorCount(String outcome, boolean critical, long count) {
    public ErrorCount {
        Objects.requireNonNull(outcome, "outcome");
        if (count < 1) throw new IllegalArgumentException("count must be positive, got " + count);
    }
}
