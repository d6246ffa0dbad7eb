package org.tillwatch.domain.assemble;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.tillwatch.domain.model.Bonus;
import org.tillwatch.domain.model.LineAccrual;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Outcome;

/** A loyalty request waiting for (or just given) its outcome. */
final class PendingRequest {
    final LocalDateTime time;
    final Operation operation;
    final String operationId;
    final String purchaseId;
    final String card;
    final BigDecimal redeem;
    final ReceiptBuilder receipt;
    long offset = -1;
    long line;
    Outcome outcome;
    LocalDateTime outcomeTime;
    Long latencyMs;
    Bonus bonus;
    List<LineAccrual> lineAccruals = List.of();
    String message;
    String cashierMessage;
    String detail;

    PendingRequest(LocalDateTime time, Operation operation, String operationId, String purchaseId, String card,
                   BigDecimal redeem, ReceiptBuilder receipt) {
        this.time = time;
        this.operation = operation;
        this.operationId = operationId;
        this.purchaseId = purchaseId;
        this.card = card;
        this.redeem = redeem;
        this.receipt = receipt;
    }

    void resolve(Outcome outcome, LocalDateTime at, Long latencyMs, String detail) {
        this.outcome = outcome;
        this.outcomeTime = at;
        this.latencyMs = latencyMs;
        this.detail = detail;
    }

    LoyaltyRequest build() {
        return new LoyaltyRequest(time, operation, operationId, purchaseId, card, redeem, outcome, outcomeTime,
                latencyMs, bonus, lineAccruals, message, cashierMessage, detail);
    }
}
