package org.tillwatch.domain.parse;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterLogReaderTest {
    private static final String ENTRY = "2026-11-20 10:00:00.000 INFO  [PurchaseManager] Receipt closed: shift=1 receipt=1 total=1.00 status=OK\n";

    /** A register that went quiet had its entry read early: what still comes for it is counted, not lost unseen. */
    @Test
    void continuationAfterAnEarlyReadIsCountedDroppedAndEveryLineIsAccountedFor() {
        byte[] bytes = (ENTRY + "\tcontinued\n\tand again\n" + ENTRY).getBytes(StandardCharsets.UTF_8);
        LineAccounting.Read read = LineAccounting.check(StandardCharsets.UTF_8, bytes, new int[] {ENTRY.length()}, true);
        assertThat(read.dropped()).isEqualTo(2);
        assertThat(read.events()).hasSize(2);
        assertThat(read.events().get(0).raw().text()).doesNotContain("continued");

        LineAccounting.Read whole = LineAccounting.check(StandardCharsets.UTF_8, bytes, new int[0], false);
        assertThat(whole.dropped()).isZero();
        assertThat(whole.events().get(0).raw().text()).contains("continued");
    }
}
