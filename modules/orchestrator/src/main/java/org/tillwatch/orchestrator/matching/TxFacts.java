package org.tillwatch.orchestrator.matching;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.orchestrator.data.IncidentRef;
import org.tillwatch.orchestrator.store.Delivery;

/**
 * The facts of one transaction that templates test and replies quote. {@code expectedPoints}: what processing
 * calculated for the receipt (the last successful CALCULATE), i.e. what the customer should have got;
 * {@code queuedConfirm}: the operation id of its queued CONFIRM; {@code delivery}: that confirm's later answer.
 */
public record TxFacts(Transaction tx, Store store, BigDecimal expectedPoints, String queuedConfirm, Delivery delivery,
                      List<IncidentRef> incidents) {

    public static BigDecimal expectedPoints(Transaction t) {
        BigDecimal found = null;
        for (LoyaltyRequest r : t.requests()) {
            if ((r.operation() == Operation.CALCULATE || r.operation() == Operation.CONFIRM) && r.outcome().ok()
                    && r.bonus() != null && r.bonus().accrued() != null) {
                found = r.bonus().accrued();
            }
        }
        return found;
    }

    public static String queuedConfirm(Transaction t) {
        if (!t.pending()) return null;
        String op = null;
        for (LoyaltyRequest r : t.requests()) {
            if (r.operation() == Operation.CONFIRM && t.queuedOperationIds().contains(r.operationId())) op = r.operationId();
        }
        return op;
    }

    public Set<String> tags() {
        Set<String> s = new LinkedHashSet<>();
        for (TagEvent e : tx.tags()) s.add(e.tag());
        return s;
    }

    public List<String> outcomes() {
        return tx.outcomeNames();
    }

    public boolean critical() {
        return tx.requests().stream().anyMatch(r -> r.outcome().critical());
    }

    public boolean queueDelivered() {
        return delivery != null && delivery.ok();
    }

    /** Points the customer has for the receipt now: the confirm's, or the queued confirm's once delivered. */
    public BigDecimal points() {
        if (queueDelivered() && delivery.accrued() != null) return delivery.accrued();
        return tx.accrued();
    }

    public LocalDateTime closed() {
        return tx.closed();
    }

    /** The audit trail's view: no card number, nothing personal beyond the last four digits. */
    public Map<String, Object> audit() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transaction", tx.id().toString());
        m.put("store", tx.store());
        m.put("closed", tx.closed().toString());
        m.put("status", tx.status().name());
        m.put("total", tx.total() == null ? null : tx.total().toPlainString());
        m.put("outcomes", outcomes());
        m.put("tags", List.copyOf(tags()));
        m.put("positions", tx.positions().size());
        m.put("promo_positions", tx.promoPositions());
        m.put("accrued", tx.accrued().toPlainString());
        if (expectedPoints != null) m.put("expected_points", expectedPoints.toPlainString());
        m.put("pending", tx.pending());
        if (queuedConfirm != null) m.put("queue_delivered", queueDelivered());
        m.put("bag", tx.changedAfterCalculation());
        tx.card().ifPresent(c -> m.put("card", "*" + c.last4()));
        if (incidents != null && !incidents.isEmpty()) m.put("incidents", incidents.stream().map(IncidentRef::id).toList());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }
}
