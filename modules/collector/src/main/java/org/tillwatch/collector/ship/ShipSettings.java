package org.tillwatch.collector.ship;

import java.time.Duration;
import java.util.Objects;

/** How {@code tillwatch ship} reads and sends: chunk size, how often it looks for new bytes and for new files. */
public record ShipSettings(int chunkBytes, Duration poll, Duration rescan) {
    public ShipSettings {
        if (chunkBytes < 1024 || chunkBytes > 900 * 1024) {
            throw new IllegalArgumentException("chunk size must be 1 KiB to 900 KiB (Kafka's default request limit is 1 MiB), got " + chunkBytes);
        }
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(rescan, "rescan");
        if (poll.isNegative() || poll.isZero()) throw new IllegalArgumentException("poll interval must be positive");
        if (rescan.isNegative() || rescan.isZero()) throw new IllegalArgumentException("rescan interval must be positive");
    }

    public static ShipSettings defaults() {
        return new ShipSettings(256 * 1024, Duration.ofMillis(500), Duration.ofSeconds(5));
    }
}
