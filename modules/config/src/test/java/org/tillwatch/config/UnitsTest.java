package org.tillwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void parsesShortAndIsoDurations() {
        assertThat(Units.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Units.parseDuration("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Units.parseDuration(" 2m ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Units.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Units.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Units.parseDuration("PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Units.parseDuration("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Units.parseDuration("P1D")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void rejectsMalformedDurations() {
        for (String bad : new String[] {"", "5", "5 sec", "1.5s", "5S", "-5s", "PT", "99999999999999999999d", "106751991167301d"}) {
            assertThatThrownBy(() -> Units.parseDuration(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void formatsDurationsInTheirShortestReadableForm() {
        assertThat(Units.formatDuration(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Units.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Units.formatDuration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Units.formatDuration(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Units.formatDuration(Duration.ofHours(25))).isEqualTo("25h");
        assertThat(Units.formatDuration(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Units.formatDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(Units.formatDuration(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
        assertThat(Units.formatDuration(Duration.ofSeconds(-5))).isEqualTo("PT-5S");
        for (Duration d : new Duration[] {Duration.ofNanos(1500), Duration.ofSeconds(-5), Duration.ofMillis(1500),
                Duration.ofSeconds(Long.MAX_VALUE, 999_000_000), Duration.ofDays(3)}) {
            assertThat(Units.parseDuration(Units.formatDuration(d))).isEqualTo(d);
        }
    }

    @Test
    void parsesBinaryAndDecimalByteSizes() {
        assertThat(Units.parseBytes("65536")).isEqualTo(65536);
        assertThat(Units.parseBytes("64KiB")).isEqualTo(64 * 1024);
        assertThat(Units.parseBytes("8MiB")).isEqualTo(8L << 20);
        assertThat(Units.parseBytes("8 mib")).isEqualTo(8L << 20);
        assertThat(Units.parseBytes("1GiB")).isEqualTo(1L << 30);
        assertThat(Units.parseBytes("8MB")).isEqualTo(8_000_000);
        assertThat(Units.parseBytes("2KB")).isEqualTo(2_000);
        assertThat(Units.parseBytes("100B")).isEqualTo(100);
    }

    @Test
    void rejectsMalformedByteSizes() {
        for (String bad : new String[] {"", "8M", "eight", "-1", "1.5MiB", "9999999TiB", "99999999999999999999"}) {
            assertThatThrownBy(() -> Units.parseBytes(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void formatsByteSizesInBinaryUnitsWhenExact() {
        assertThat(Units.formatBytes(8L << 20)).isEqualTo("8MiB");
        assertThat(Units.formatBytes(1L << 30)).isEqualTo("1GiB");
        assertThat(Units.formatBytes(1536)).isEqualTo("1536").isNotEqualTo("1.5KiB");
        assertThat(Units.formatBytes(3 * 1024)).isEqualTo("3KiB");
        assertThat(Units.formatBytes(8_000_000)).isEqualTo("8000000");
        assertThat(Units.formatBytes(0)).isEqualTo("0");
    }
}
