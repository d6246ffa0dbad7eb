package org.tillwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.RegisterKey;

class RegisterCountsTest {
    private final RegisterCounts counts = new RegisterCounts(new RegisterKey("AX1B", "POS02"), 420, 270, 20, 1, 3,
            Map.of("Ok", 500L, "TIMEOUT", 25L), Map.of("LOY_TIMEOUT", 25L), Instant.parse("2026-11-20T18:59:01.250Z"));

    @Test
    void jsonAndBinaryFormsGiveTheSameCountsBack() throws Exception {
        assertThat(RegisterCounts.fromJson(counts.toJson())).isEqualTo(counts);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        counts.write(new DataOutputStream(bytes));
        RegisterCounts back = RegisterCounts.read(counts.register(), new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back).isEqualTo(counts);
        assertThat(RegisterCounts.fromJson(RegisterCounts.zero(counts.register()).toJson()).lastEvent()).isNull();
    }

    @Test
    void aValueThatIsNotARegistersCountsIsRefused() {
        assertThatThrownBy(() -> RegisterCounts.fromJson("{\"receipts\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RegisterCounts.fromJson("{\"receipts\":3}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store/register");
        assertThatThrownBy(() -> new RegisterCounts(counts.register(), -1, 0, 0, 0, 0, Map.of(), Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
