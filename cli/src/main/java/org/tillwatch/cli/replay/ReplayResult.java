package org.tillwatch.cli.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * What a replay did.
 *
 * @param bytesSent    bytes of accepted requests
 * @param bytesSkipped bytes not sent because the collector already had them (--resume or its answers)
 * @param firstLogTime the oldest log time sent, null if nothing was
 * @param lastLogTime  the newest log time sent, null if nothing was
 */
public record ReplayResult(int registers, int files, long bytesTotal, long bytesSent, long bytesSkipped, long chunks,
                           long retriesAfter503, long retriesAfterErrors, long resyncs, Instant firstLogTime,
                           Instant lastLogTime, Duration elapsed) {
}
