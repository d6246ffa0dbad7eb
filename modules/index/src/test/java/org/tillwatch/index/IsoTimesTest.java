package org.tillwatch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The stored times are the very text the JSR-310 writers produced before (old documents and new read alike). */
class IsoTimesTest {
    private static final int[] NANOS = {0, 1, 10, 999, 1000, 1_000_000, 100_000_000, 120_000_000, 123_000_000,
            123_400_000, 123_456_000, 123_456_700, 999_999_999, 5_000, 50_000_000};

    @Test
    void sameTextAsTheJdk() {
        Random rnd = new Random(7);
        long[] seconds = {0, 59, 60, -1, 1_763_600_000L, LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC),
                LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
                LocalDateTime.of(-1, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC), LocalDateTime.of(999, 5, 6, 7, 8).toEpochSecond(ZoneOffset.UTC)};
        for (int k = 0; k < 200_000; k++) {
            long s = k < seconds.length * NANOS.length ? seconds[k / NANOS.length]
                    : rnd.nextInt(3) == 0 ? rnd.nextLong(-400_000_000_000L, 400_000_000_000L) : 1_700_000_000L + rnd.nextLong(400_000_000L);
            int nano = k < seconds.length * NANOS.length ? NANOS[k % NANOS.length]
                    : rnd.nextBoolean() ? NANOS[rnd.nextInt(NANOS.length)] : rnd.nextInt(1_000_000_000);
            Instant i = Instant.ofEpochSecond(s, nano);
            assertThat(IsoTimes.instant(i)).isEqualTo(i.toString());
            LocalDateTime t = LocalDateTime.ofEpochSecond(s, nano, ZoneOffset.UTC);
            assertThat(IsoTimes.localDateTime(t)).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
        }
    }
}
