package org.tillwatch.kafka.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tillwatch.kafka.RegisterCounts;

class RegisterStateTest {
    @Test
    void theRegistersCountsTravelWithItsState() {
        RegisterCounts counts = new RegisterCounts(null, 5, 3, 1, 0, 2, Map.of("Ok", 6L), Map.of("LOY_ERROR", 1L),
                Instant.parse("2026-11-20T10:00:00Z"));
        RegisterState s = new RegisterState(7, "pos.log", 100, 12, 104, new byte[]{1, 2, 3, 4},
                List.of(new RegisterState.Mark(102, RegisterState.Mark.Kind.FLUSH, null)), 1_000, 2_000, true, counts);
        RegisterState back = RegisterState.decode(s.encode());
        assertThat(back.counts()).isEqualTo(counts);
        assertThat(back.marks()).isEqualTo(s.marks());
        assertThat(back.tail()).isEqualTo(s.tail());
        assertThat(RegisterState.versionOf(s.encode())).isEqualTo(7);
    }
}
