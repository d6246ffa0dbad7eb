package org.tillwatch.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BacklogLimitTest {
    private static final long MIB = 1 << 20;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theByteBoundHoldsUntilABusyPeriodIsMeasured() {
        BacklogLimit limit = new BacklogLimit(8 * MIB, 256 * MIB, Duration.ofSeconds(1));
        assertThat(limit.limit()).isEqualTo(256 * MIB);
        limit.sample(0, 0, 0);
        limit.sample(50 * MIB, SECOND, 0); // read fast but nothing waited: says what was offered, not capacity
        assertThat(limit.limit()).isEqualTo(256 * MIB);
        assertThat(limit.rate()).isZero();
    }

    @Test
    void aBusyCollectorAcceptsWhatItReadsWithinTheDelay() {
        BacklogLimit limit = new BacklogLimit(8 * MIB, 256 * MIB, Duration.ofSeconds(2));
        limit.sample(0, 0, 100 * MIB);
        limit.sample(20 * MIB, SECOND, 100 * MIB);
        assertThat(limit.rate()).isEqualTo(20.0 * MIB);
        assertThat(limit.limit()).isEqualTo(40 * MIB);
        // slower reading moves the average, not all at once
        limit.sample(30 * MIB, 2 * SECOND, 100 * MIB);
        assertThat(limit.rate()).isEqualTo((0.3 * 10 + 0.7 * 20) * MIB);
        assertThat(limit.limit()).isEqualTo((long) (2 * 17.0 * MIB));
    }

    @Test
    void neverBelowOneChunkNorAboveTheByteBound() {
        BacklogLimit slow = new BacklogLimit(8 * MIB, 256 * MIB, Duration.ofSeconds(1));
        slow.sample(0, 0, MIB);
        slow.sample(MIB / 10, SECOND, MIB);
        assertThat(slow.limit()).isEqualTo(8 * MIB);
        BacklogLimit fast = new BacklogLimit(8 * MIB, 64 * MIB, Duration.ofMinutes(1));
        fast.sample(0, 0, MIB);
        fast.sample(100 * MIB, SECOND, MIB);
        assertThat(fast.limit()).isEqualTo(64 * MIB);
    }

    @Test
    void theRetryHintIsTheTimeToReadTheExcess() {
        BacklogLimit limit = new BacklogLimit(8 * MIB, 256 * MIB, Duration.ofSeconds(1));
        assertThat(limit.drainMillis(MIB)).as("nothing measured yet").isEqualTo(1_000);
        limit.sample(0, 0, MIB);
        limit.sample(20 * MIB, SECOND, MIB);
        assertThat(limit.drainMillis(5 * MIB)).isEqualTo(250);
        assertThat(limit.drainMillis(1)).isEqualTo(50);
        assertThat(limit.drainMillis(100 * MIB)).isEqualTo(1_000);
    }

    @Test
    void aShortDipInTheReadRateLowersTheLimitAtOnceButNotTheRetryHint() {
        BacklogLimit limit = new BacklogLimit(MIB, 256 * MIB, Duration.ofSeconds(1));
        long read = 0;
        long t = 0;
        limit.sample(read, t, MIB);
        for (int i = 0; i < 40; i++) limit.sample(read += 10 * MIB, t += SECOND / 4, MIB); // 40 MB/s for 10 s
        assertThat(limit.limit()).isEqualTo(40 * MIB);
        assertThat(limit.drainMillis(20 * MIB)).isEqualTo(500);
        limit.sample(read, t += SECOND / 4, MIB); // a commit: nothing read for half a second
        limit.sample(read, t += SECOND / 4, MIB);
        assertThat(limit.limit()).as("the backlog a receipt may wait behind shrinks with the rate").isLessThan(20 * MIB);
        assertThat(limit.drainMillis(20 * MIB)).as("the rate comes back: pushers are not sent away for twice as long")
                .isBetween(500L, 600L);
    }

    @Test
    void rejectsAFloorAboveTheBound() {
        assertThatThrownBy(() -> new BacklogLimit(8 * MIB, MIB, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
