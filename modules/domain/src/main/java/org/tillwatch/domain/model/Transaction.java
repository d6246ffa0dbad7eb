package org.tillwatch.domain.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A receipt: every entry of its register from {@code Receipt opened} to its end. {@code closed} is the time of
 * {@code Receipt closed}, or of the last entry for an INCOMPLETE receipt; {@code closedAt} is that time as an instant
 * in the store's zone. {@code positions} is the final basket (voided lines removed). {@code changedAfterCalculation}:
 * a position was added after the first CALCULATE request (a bag added after subtotal).
 * {@code queuedOperationIds}: operations the register put in its offline queue during the receipt.
 */
public record Transaction(TransactionId id, String type, String cashier, LocalDateTime opened, LocalDateTime closed,
                          Instant closedAt, ReceiptStatus status, BigDecimal total, List<Position> positions,
                          List<Position> removed, List<KeyPress> keyPresses, List<BarcodeScan> scans,
                          List<CardScan> cards, List<LoyaltyRequest> requests, List<Payment> payments,
                          FiscalDocument fiscal, List<TagEvent> tags, Set<String> queuedOperationIds,
                          boolean changedAfterCalculation, List<RawEntry> raw) {
    public Transaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(status, "status");
        positions = List.copyOf(positions);
        removed = List.copyOf(removed);
        keyPresses = List.copyOf(keyPresses);
        scans = List.copyOf(scans);
        cards = List.copyOf(cards);
        requests = List.copyOf(requests);
        payments = List.copyOf(payments);
        tags = List.copyOf(tags);
        queuedOperationIds = Set.copyOf(queuedOperationIds);
        raw = List.copyOf(raw);
    }

    public RegisterKey register() {
        return id.register();
    }

    public String store() {
        return id.register().store();
    }

    /** Closed OK or CANCELLED and holding at least one loyalty request: counts in availability. */
    public boolean loyalty() {
        return status.closed() && !requests.isEmpty();
    }

    /** A loyalty transaction with at least one critical outcome. */
    public boolean failed() {
        return loyalty() && requests.stream().anyMatch(r -> r.outcome().critical());
    }

    public List<String> outcomeNames() {
        return requests.stream().map(r -> r.outcome().name()).toList();
    }

    public long promoPositions() {
        return positions.stream().filter(Position::promo).count();
    }

    /** The last loyalty card presented, if any. */
    public Optional<CardScan> card() {
        return cards.isEmpty() ? Optional.empty() : Optional.of(cards.get(cards.size() - 1));
    }

    /** The successful CONFIRM, whose Bonus Accrued are the receipt's points. */
    public Optional<LoyaltyRequest> successfulConfirm() {
        LoyaltyRequest found = null;
        for (LoyaltyRequest r : requests) {
            if (r.operation() == Operation.CONFIRM && r.outcome().ok()) found = r;
        }
        return Optional.ofNullable(found);
    }

    /** Points accrued: those of the successful CONFIRM; zero when the confirm failed or is still queued. */
    public BigDecimal accrued() {
        return successfulConfirm().map(LoyaltyRequest::bonus).map(Bonus::accrued).orElse(BigDecimal.ZERO.setScale(2));
    }

    /** Points spent (PAYMENT requests that succeeded). */
    public BigDecimal redeemed() {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (LoyaltyRequest r : requests) {
            if (r.operation() == Operation.PAYMENT && r.outcome().ok() && r.bonus() != null && r.bonus().redeemed() != null) {
                sum = sum.add(r.bonus().redeemed());
            }
        }
        return sum;
    }

    /** The confirm went to the register's offline queue and no confirm succeeded within the receipt. */
    public boolean pending() {
        if (successfulConfirm().isPresent()) return false;
        return requests.stream().anyMatch(r -> r.operation() == Operation.CONFIRM && queuedOperationIds.contains(r.operationId()));
    }

    public boolean hasTag(String tag) {
        return tags.stream().anyMatch(t -> t.tag().equals(tag));
    }
}
