package org.tillwatch.orchestrator.proactive;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.orchestrator.matching.TxFacts;
import org.tillwatch.orchestrator.store.QueuedConfirm;

/**
 * Spots customers who lost points, from transactions as they are read: the confirm failed after a position was
 * added after calculation; a critical failure left a receipt with a card without points. (A confirm still in the
 * offline queue at the end of the store's day is found by the orchestrator's day-end check, see {@link #queueNotSent}.)
 */
public final class CaseFinder {
    private CaseFinder() {
    }

    public static String id(String transaction) {
        return "C-" + transaction.replace('/', '_');
    }

    public static Optional<ProactiveCase> of(Transaction t, String cardHash, Instant now) {
        if (cardHash == null || t.card().isEmpty() || !t.status().name().equals("OK") || t.successfulConfirm().isPresent() || t.pending()) {
            return Optional.empty();
        }
        BigDecimal points = TxFacts.expectedPoints(t);
        LoyaltyRequest failedConfirm = t.requests().stream()
                .filter(r -> r.operation() == Operation.CONFIRM && !r.outcome().ok()).reduce((a, b) -> b).orElse(null);
        if (t.changedAfterCalculation() && failedConfirm != null) {
            return Optional.of(build(t, cardHash, now, "confirm_failed_after_bag", points,
                    "Подтверждение отклонено (" + failedConfirm.outcome().name() + "): после расчёта в чек добавили позицию. ",
                    "The confirm was rejected (" + failedConfirm.outcome().name() + "): a position was added after calculation. "));
        }
        if (t.failed()) {
            String outcome = t.requests().stream().filter(r -> r.outcome().critical()).map(r -> r.outcome().name()).findFirst().orElse("?");
            return Optional.of(build(t, cardHash, now, "critical_failure_with_card", points,
                    "Сбой сервиса лояльности (" + outcome + ") на чеке с картой: баллы не начислены. ",
                    "Loyalty service failure (" + outcome + ") on a receipt with a card: no points accrued. "));
        }
        return Optional.empty();
    }

    public static ProactiveCase queueNotSent(QueuedConfirm q, Instant now) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("transaction", q.transaction());
        facts.put("store", q.store());
        facts.put("day", q.day().toString());
        facts.put("operation_id", q.operationId());
        if (q.points() != null) facts.put("expected_points", q.points().toPlainString());
        return new ProactiveCase(id(q.transaction()), "queue_not_sent_by_day_end", now, q.store(), q.transaction(), q.cardHash(),
                q.cardLast4(), q.points(), fixRu(q.points(), "Подтверждение осталось в офлайн-очереди кассы до конца дня. "),
                fixEn(q.points(), "The confirm stayed in the register's offline queue to the end of the day. "), facts, null);
    }

    private static ProactiveCase build(Transaction t, String cardHash, Instant now, String kind, BigDecimal points, String ru, String en) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("transaction", t.id().toString());
        facts.put("store", t.store());
        facts.put("closed", t.closed().toString());
        facts.put("total", t.total() == null ? null : t.total().toPlainString());
        facts.put("outcomes", t.outcomeNames());
        facts.put("bag", t.changedAfterCalculation());
        if (points != null) facts.put("expected_points", points.toPlainString());
        facts.values().removeIf(java.util.Objects::isNull);
        return new ProactiveCase(id(t.id().toString()), kind, now, t.store(), t.id().toString(), cardHash,
                t.card().get().last4(), points, fixRu(points, ru), fixEn(points, en), facts, null);
    }

    private static String fixRu(BigDecimal points, String what) {
        return what + (points == null || points.signum() == 0
                ? "Исправление: запросить расчёт чека в процессинге и начислить баллы вручную."
                : "Исправление: начислить " + points.toPlainString() + " баллов на карту.");
    }

    private static String fixEn(BigDecimal points, String what) {
        return what + (points == null || points.signum() == 0
                ? "Fix: have processing calculate the receipt and credit the points by hand."
                : "Fix: credit " + points.toPlainString() + " points to the card.");
    }
}
