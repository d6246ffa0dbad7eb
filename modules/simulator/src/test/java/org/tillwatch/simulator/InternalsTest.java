package org.tillwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InternalsTest {

    @Test
    void cardNumbersAreDistinctSixteenDigitsStarting7000() {
        CardPool pool = new CardPool(11, 5000, 20, 300);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pool.size(); i++) {
            String n = pool.number(i);
            assertThat(n).matches("7000\\d{12}");
            assertThat(seen.add(n)).isTrue();
        }
        long sampled = java.util.stream.IntStream.range(0, pool.size()).filter(pool::sampled).count();
        assertThat(sampled).isLessThanOrEqualTo(300).isGreaterThan(100);
        assertThat(new CardPool(11, 100, 3, 300).allSampled()).isTrue();
    }

    @Test
    void luhn() {
        assertThat(Payments.luhnValid("4539578763621486")).isTrue();
        assertThat(Payments.luhnValid("4539578763621487")).isFalse();
        assertThat(Payments.luhnValid("79927398713")).isTrue();
        Rng rng = new Rng(3);
        Payments p = new Payments(null, rng, false, null);
        for (int i = 0; i < 100; i++) {
            assertThat(Payments.luhnValid(p.pan("546938"))).isTrue();
        }
    }

    @Test
    void rngIsStableAcrossRunsAndJdks() {
        Rng rng = new Rng(Rng.derive(20261120L, 2, 0, 1));
        long first = rng.nextLong();
        assertThat(new Rng(Rng.derive(20261120L, 2, 0, 1)).nextLong()).isEqualTo(first);
        for (int i = 0; i < 10_000; i++) {
            int x = rng.nextInt(7);
            assertThat(x).isBetween(0, 6);
            assertThat(rng.between(3, 5)).isBetween(3, 5);
        }
        assertThat(rng.hex32()).matches("[0-9a-f]{32}");
    }

    @Test
    void localWindowIsHalfOpen() {
        LocalWindow w = new LocalWindow(14 * 3_600_000, 14 * 3_600_000 + 40 * 60_000);
        assertThat(w.contains(14 * 3_600_000)).isTrue();
        assertThat(w.contains(14 * 3_600_000 + 40 * 60_000)).isFalse();
        assertThat(w.label()).isEqualTo("14:00-14:40");
    }
}
