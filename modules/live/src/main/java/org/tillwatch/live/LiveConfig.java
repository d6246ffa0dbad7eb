package org.tillwatch.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tillwatch.availability.AvailabilityCalculator;

/**
 * What live figures watch: the sliding windows (sorted ascending, distinct, whole milliseconds, at most
 * {@link #MAX_WINDOW}), the minimum volume below which availability is unknown, how long a register may stay quiet
 * during opening hours before it counts as silent, and how many error outcomes each window lists.
 */
public record LiveConfig(List<Duration> windows, int minVolume, Duration registerSilence, int topErrorCodes) {
    public static final Duration MAX_WINDOW = Duration.ofDays(7);

    public LiveConfig {
        Objects.requireNonNull(windows, "windows");
        if (windows.isEmpty()) throw new IllegalArgumentException("at least one window is needed");
        List<Duration> sorted = new ArrayList<>(windows.size());
        for (Duration w : windows) {
            Objects.requireNonNull(w, "window");
            if (w.isNegative() || w.isZero()) throw new IllegalArgumentException("windows must be positive, got " + w);
            if (w.compareTo(MAX_WINDOW) > 0) throw new IllegalArgumentException("windows may be at most " + MAX_WINDOW + ", got " + w);
            if (w.getNano() % 1_000_000 != 0) throw new IllegalArgumentException("windows must be whole milliseconds, got " + w);
            sorted.add(w);
        }
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) throw new IllegalArgumentException("duplicate window " + sorted.get(i));
        }
        windows = List.copyOf(sorted);
        if (minVolume < 1) throw new IllegalArgumentException("minimum volume must be at least 1, got " + minVolume);
        Objects.requireNonNull(registerSilence, "registerSilence");
        if (registerSilence.isNegative() || registerSilence.isZero()) {
            throw new IllegalArgumentException("register silence must be positive, got " + registerSilence);
        }
        if (topErrorCodes < 1) throw new IllegalArgumentException("top error codes must be at least 1, got " + topErrorCodes);
    }

    /** Windows 5m, 1h, 1d; minimum volume 20; a register is silent after 15m; five top error outcomes. */
    public static LiveConfig defaults() {
        return new LiveConfig(List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)),
                AvailabilityCalculator.DEFAULT_MIN_VOLUME, Duration.ofMinutes(15), 5);
    }
}
