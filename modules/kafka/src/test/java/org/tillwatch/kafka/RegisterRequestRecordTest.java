package org.tillwatch.kafka;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Bonus;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.RegisterKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisterRequestRecordTest {
    @Test
    void aConfirmFromTheOfflineQueueReadsBackWithoutTheCard() {
        LoyaltyRequest sent = new LoyaltyRequest(LocalDateTime.parse("2026-11-20T18:01:02.123"), Operation.CONFIRM, "op-77", "p-1",
                "7000001030509027", null, Outcome.OK, LocalDateTime.parse("2026-11-20T18:01:02.456"), 333L,
                new Bonus(new BigDecimal("12.50"), BigDecimal.ZERO, new BigDecimal("100.00")), List.of(), "msg", null, null);
        byte[] value = new RegisterRequestRecord(new RegisterKey("17W0", "POS03"), sent).encode();
        assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain("7000001030509027");

        RegisterRequestRecord back = RegisterRequestRecord.decode("17W0", value);
        assertThat(back.register()).isEqualTo(new RegisterKey("17W0", "POS03"));
        LoyaltyRequest r = back.request();
        assertThat(r.operation()).isEqualTo(Operation.CONFIRM);
        assertThat(r.operationId()).isEqualTo("op-77");
        assertThat(r.outcome().ok()).isTrue();
        assertThat(r.outcome().name()).isEqualTo("Ok");
        assertThat(r.bonus().accrued()).isEqualByComparingTo("12.50");
        assertThat(r.outcomeTime()).isEqualTo(sent.outcomeTime());
        assertThat(r.time()).isEqualTo(sent.time());
        assertThat(r.card()).isNull();
    }

    @Test
    void aRejectedConfirmKeepsItsOutcome() {
        LoyaltyRequest sent = new LoyaltyRequest(LocalDateTime.parse("2026-11-20T18:01:02"), Operation.CONFIRM, "op-78", null, null, null,
                Outcome.ofErrorCode(3), null, null, null, List.of(), null, null, null);
        RegisterRequestRecord back = RegisterRequestRecord.decode("17W0", new RegisterRequestRecord(new RegisterKey("17W0", "POS01"), sent).encode());
        assertThat(back.request().outcome()).isEqualTo(sent.outcome());
        assertThat(back.request().bonus()).isNull();
    }

    @Test
    void somethingElseIsRefusedWithAReason() {
        assertThatThrownBy(() -> RegisterRequestRecord.decode("17W0", "{\"register\":\"POS01\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unreadable");
    }
}
