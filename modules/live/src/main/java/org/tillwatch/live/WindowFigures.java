package org.tillwatch.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The figures of one window at the watermark: loyalty transactions closed in the half-open {@code [from, to)} (like
 * the spec's windows, and like the index's queries), the failed ones among them, availability (empty = unknown,
 * below the minimum volume) and the most frequent non-Ok outcomes. {@code to} is the watermark plus 1 ms;
 * {@code from} is {@code to - window} when the watermark sits on a bucket edge, otherwise up to one bucket later.
 * Both are null before the first event.
 */
public record WindowFigures(Duration window, Instant from, Instant to, long loyalty, long failed,
                            OptionalDouble availability, List<ErrorCount> topErrors) {
    public WindowFigures {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(availability, "availability");
        if (loyalty < 0 || failed < 0 || failed > loyalty) {
            throw new IllegalArgumentException("need 0 <= failed <= loyalty, got failed=" + failed + " loyalty=" + loyalty);
        }
        topErrors = List.copyOf(topErrors);
    }
}
