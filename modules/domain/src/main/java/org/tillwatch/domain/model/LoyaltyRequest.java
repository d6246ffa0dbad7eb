package org.tillwatch.domain.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One loyalty request and its single outcome. {@code card} is the identifier the request carried (personal data).
 * {@code latencyMs} comes from the response or failure line; {@code detail} holds the response message, the
 * gateway key or the exception, whichever applies.
 */
public record LoyaltyRequest(LocalDateTime time, Operation operation, String operationId, String purchaseId,
                             String card, BigDecimal redeem, Outcome outcome, LocalDateTime outcomeTime,
                             Long latencyMs, Bonus bonus, List<LineAccrual> lineAccruals, String message,
                             String cashierMessage, String detail) {
    public LoyaltyRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        lineAccruals = List.copyOf(lineAccruals);
    }
}
