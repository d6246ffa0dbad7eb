package org.tillwatch.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFailuresLockTheNameForFiveMinutes() {
        Ticking clock = new Ticking();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) t.failed("anna");
        assertThat(t.wait("anna")).isZero();
        t.failed("anna");
        assertThat(t.wait("anna")).isEqualTo(Duration.ofMinutes(5));
        assertThat(t.wait("sam")).as("other names are not affected").isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(t.wait("anna")).isZero();
    }

    @Test
    void failuresOutsideTheWindowAndSuccessesDoNotCount() {
        Ticking clock = new Ticking();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) t.failed("anna");
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        t.failed("anna");
        assertThat(t.wait("anna")).isZero();
        for (int i = 0; i < 3; i++) t.failed("anna");
        t.succeeded("anna");
        t.failed("anna");
        assertThat(t.wait("anna")).isZero();
    }
}
