package org.tillwatch.opensearch;

import java.time.Duration;

/**
 * How often a bulk write is retried: the whole request when OpenSearch cannot be reached or answers 5xx, single
 * items when they are refused with 429 (too many requests, a flood-stage disk block) or 5xx. Backoff doubles from
 * {@code firstBackoff} up to {@code maxBackoff}. Items refused for another reason (a mapping conflict, a write
 * block) are not retried.
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (attempts < 1 || attempts > 100) throw new IllegalArgumentException("attempts must be 1..100, got " + attempts);
        if (firstBackoff == null || firstBackoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoff: 0 <= first <= max");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    Duration backoff(int attempt) {
        long ms = firstBackoff.toMillis() << Math.min(attempt, 20);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }

    static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }
}
