package org.tillwatch.orchestrator.store;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The answer to a queued operation once the register sent its offline queue. */
public record Delivery(String operationId, boolean ok, String outcome, BigDecimal accrued, LocalDateTime at) {
}
