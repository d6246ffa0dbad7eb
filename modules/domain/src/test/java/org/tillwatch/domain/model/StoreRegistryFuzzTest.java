package org.tillwatch.domain.model;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided: the stores registry reader takes any text and either returns stores or refuses it with an
 * {@link IllegalArgumentException} naming the line - never another exception (the collector would fail to start
 * with a stack trace instead of a reason). Seeds: {@code StoreRegistryFuzzTestInputs/}.
 */
class StoreRegistryFuzzTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @FuzzTest(maxDuration = "10s")
    void anyTextIsReadOrRefusedWithTheLine(byte[] input) {
        String csv = new String(input, StandardCharsets.UTF_8);
        StoreRegistry registry;
        try {
            registry = StoreRegistry.parse(csv, MOSCOW);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("stores registry line ");
            return;
        }
        for (var e : registry.stores().entrySet()) {
            assertThat(e.getValue().code()).isEqualTo(e.getKey());
            assertThat(RegisterKey.isStoreCode(e.getKey())).isTrue();
        }
    }
}
