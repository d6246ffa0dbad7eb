package org.tillwatch.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveConfigTest {
    private static final Duration S = Duration.ofMinutes(15);

    @Test
    void defaultsAreFiveMinutesHourDayWithMinimumVolumeTwenty() {
        LiveConfig c = LiveConfig.defaults();
        assertThat(c.windows()).containsExactly(Fx.M5, Fx.H1, Fx.D1);
        assertThat(c.minVolume()).isEqualTo(20);
        assertThat(c.registerSilence()).isEqualTo(S);
        assertThat(c.topErrorCodes()).isEqualTo(5);
    }

    @Test
    void windowsAreSortedAndCopied() {
        List<Duration> windows = new ArrayList<>(List.of(Fx.D1, Fx.M5, Duration.ofDays(7)));
        LiveConfig c = new LiveConfig(windows, 1, S, 1);
        windows.clear();
        assertThat(c.windows()).containsExactly(Fx.M5, Fx.D1, Duration.ofDays(7));
    }

    @Test
    void rejectsBadWindows() {
        assertThatThrownBy(() -> new LiveConfig(List.of(), 20, S, 5)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new LiveConfig(List.of(Duration.ZERO), 20, S, 5)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new LiveConfig(List.of(Duration.ofMinutes(-5)), 20, S, 5)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new LiveConfig(List.of(Duration.ofDays(7).plusMillis(1)), 20, S, 5)).hasMessageContaining("at most");
        assertThatThrownBy(() -> new LiveConfig(List.of(Fx.H1, Fx.M5, Duration.ofSeconds(3600)), 20, S, 5)).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new LiveConfig(List.of(Duration.ofNanos(1_500_000)), 20, S, 5)).hasMessageContaining("whole milliseconds");
    }

    @Test
    void rejectsBadVolumeSilenceAndTopCount() {
        List<Duration> w = List.of(Fx.M5);
        assertThatThrownBy(() -> new LiveConfig(w, 0, S, 5)).hasMessageContaining("minimum volume");
        assertThatThrownBy(() -> new LiveConfig(w, 20, Duration.ZERO, 5)).hasMessageContaining("silence");
        assertThatThrownBy(() -> new LiveConfig(w, 20, S, 0)).hasMessageContaining("top error codes");
    }

    @Test
    void bucketsDivideTheWindowExactly() {
        assertThat(WindowSpec.of(Fx.M5)).isEqualTo(new WindowSpec(Fx.M5, 1_000, 300));
        assertThat(WindowSpec.of(Fx.H1)).isEqualTo(new WindowSpec(Fx.H1, 12_000, 300));
        assertThat(WindowSpec.of(Fx.D1)).isEqualTo(new WindowSpec(Fx.D1, 288_000, 300));
        for (long ms : new long[] {1, 7, 301, 90_001, 604_800_000}) {
            WindowSpec s = WindowSpec.of(Duration.ofMillis(ms));
            assertThat(s.bucketMs() * s.buckets()).isEqualTo(ms);
            assertThat(s.buckets()).isBetween(1, 300);
        }
    }
}
