package org.tillwatch.orchestrator.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A receipt's CONFIRM that the register put in its offline queue: the points wait for the queue to be sent. */
public record QueuedConfirm(String operationId, String transaction, String store, String cardHash, String cardLast4,
                            LocalDate day, BigDecimal points, Instant queuedAt) {
    public QueuedConfirm {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(transaction, "transaction");
    }
}
