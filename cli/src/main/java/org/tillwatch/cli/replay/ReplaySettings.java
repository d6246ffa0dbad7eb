package org.tillwatch.cli.replay;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.tillwatch.domain.model.StoreRegistry;

/**
 * What {@code tillwatch replay} does.
 *
 * @param speed        log time played at this multiple of real time; {@link Double#POSITIVE_INFINITY} = as fast as
 *                     the collector accepts
 * @param chunkBytes   the most bytes in one request
 * @param concurrency  the most requests in flight (never more than one per register)
 * @param resume       ask the collector each register's offset first and skip what it has
 * @param retries      retries of a request after a connection error or a 500/502/504 before giving up
 * @param backoff      the first retry's wait; doubled for each further one (at most 5 s)
 * @param slice        log-time tolerance between registers: a line is sent only once every line of the other
 *                     registers older than it by more than this has been accepted
 * @param progressEvery how often to print a progress line
 * @param token        the API token sent as {@code Authorization: Bearer}, {@code null}: none
 */
public record ReplaySettings(Path logs, URI server, StoreRegistry registry, double speed, int chunkBytes,
                             int concurrency, boolean resume, int retries, Duration backoff, Duration slice,
                             Duration progressEvery, String token) {
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(250);
    public static final Duration DEFAULT_SLICE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_PROGRESS = Duration.ofSeconds(5);

    public ReplaySettings {
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be positive");
        if (chunkBytes < 1) throw new IllegalArgumentException("chunkBytes must be positive");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        if (retries < 0) throw new IllegalArgumentException("retries must not be negative");
    }

    public ReplaySettings(Path logs, URI server, StoreRegistry registry, double speed, int chunkBytes, int concurrency,
                          boolean resume, int retries, Duration backoff, Duration slice, Duration progressEvery) {
        this(logs, server, registry, speed, chunkBytes, concurrency, resume, retries, backoff, slice, progressEvery, null);
    }

    public boolean paced() {
        return !Double.isInfinite(speed);
    }
}
