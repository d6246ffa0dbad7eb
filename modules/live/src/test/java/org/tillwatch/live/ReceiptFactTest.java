package org.tillwatch.live;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.ErrorCode;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.model.TransactionId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptFactTest {
    private static final LocalDateTime CLOSED = LocalDateTime.of(2025, 3, 10, 15, 0, 7);

    private static Transaction transaction(ReceiptStatus status, Outcome... outcomes) {
        List<LoyaltyRequest> requests = java.util.Arrays.stream(outcomes)
                .map(o -> new LoyaltyRequest(CLOSED, Operation.CALCULATE, "op", "p", "card", null, o, CLOSED, 12L,
                        null, List.of(), null, null, null))
                .toList();
        TransactionId id = new TransactionId(Fx.reg("AX1B", "POS07"), "12", "345", LocalDate.of(2025, 3, 10));
        return new Transaction(id, "SALE", "Ivanova", CLOSED.minusMinutes(2), CLOSED, CLOSED.toInstant(ZoneOffset.ofHours(3)),
                status, BigDecimal.TEN, List.of(), List.of(), List.of(), List.of(), List.of(), requests, List.of(),
                null, List.of(), Set.of(), false, List.of());
    }

    @Test
    void fromTransactionKeepsNonOkOutcomesInOrder() {
        Outcome blocked = Outcome.ofErrorCode(ErrorCode.CARD_BLOCKED.code());
        ReceiptFact f = ReceiptFact.of(transaction(ReceiptStatus.OK, Outcome.OK, Outcome.TIMEOUT, blocked, Outcome.OK));
        assertThat(f.store()).isEqualTo("AX1B");
        assertThat(f.register()).isEqualTo("POS07");
        assertThat(f.closedAt()).isEqualTo(CLOSED.toInstant(ZoneOffset.ofHours(3)));
        assertThat(f.closed()).isTrue();
        assertThat(f.loyaltyTransaction()).isTrue();
        assertThat(f.failed()).isTrue();
        assertThat(f.errorOutcomes()).containsExactly("TIMEOUT", "CardBlocked");
        assertThat(f.errorCritical()).containsExactly(true, false);
    }

    @Test
    void nonCriticalErrorsDoNotFail() {
        ReceiptFact f = ReceiptFact.of(transaction(ReceiptStatus.CANCELLED, Outcome.ofErrorCode(ErrorCode.CARD_BLOCKED.code())));
        assertThat(f.loyaltyTransaction()).isTrue();
        assertThat(f.failed()).isFalse();
    }

    @Test
    void incompleteAndPlainReceiptsAreNoLoyaltyTransactions() {
        ReceiptFact incomplete = ReceiptFact.of(transaction(ReceiptStatus.INCOMPLETE, Outcome.TIMEOUT));
        assertThat(incomplete.closed()).isFalse();
        assertThat(incomplete.loyaltyTransaction()).isFalse();
        assertThat(incomplete.failed()).isFalse();
        assertThat(incomplete.errorOutcomes()).containsExactly("TIMEOUT");

        ReceiptFact plain = ReceiptFact.of(transaction(ReceiptStatus.OK));
        assertThat(plain.loyalty()).isFalse();
        assertThat(plain.loyaltyTransaction()).isFalse();
    }

    @Test
    void validates() {
        List<String> none = List.of();
        List<Boolean> noFlags = List.of();
        assertThatThrownBy(() -> new ReceiptFact("ax1b", "POS01", Fx.T, true, true, false, none, noFlags)).hasMessageContaining("store code");
        assertThatThrownBy(() -> new ReceiptFact("AX1B", "P1", Fx.T, true, true, false, none, noFlags)).hasMessageContaining("register");
        assertThatThrownBy(() -> new ReceiptFact("AX1B", "POS01", Fx.T, true, true, false, List.of("TIMEOUT"), noFlags))
                .hasMessageContaining("differ in length");
        assertThatThrownBy(() -> new ReceiptFact("AX1B", "POS01", Fx.T, false, true, true, none, noFlags)).hasMessageContaining("can fail");
        assertThatThrownBy(() -> new ReceiptFact("AX1B", "POS01", Fx.T, true, false, true, none, noFlags)).hasMessageContaining("can fail");
    }
}
