package org.tillwatch.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tillwatch.domain.model.CardScan;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RawEntry;
import org.tillwatch.domain.model.Transaction;

/** Masks loyalty card numbers (personal data) everywhere in a transaction before it is stored. */
final class TransactionRedactor {
    private TransactionRedactor() {
    }

    static Set<String> cards(Transaction t) {
        Set<String> cards = new LinkedHashSet<>();
        for (CardScan c : t.cards()) cards.add(c.card());
        for (LoyaltyRequest r : t.requests()) if (r.card() != null && !r.card().isEmpty()) cards.add(r.card());
        return cards;
    }

    static Transaction redact(Transaction t, Set<String> cards) {
        if (cards.isEmpty()) return t;
        List<CardScan> scans = t.cards().stream()
                .map(c -> new CardScan(c.time(), CardHasher.masked(c.card()), c.entry(), c.qrAgeSeconds())).toList();
        List<LoyaltyRequest> requests = t.requests().stream().map(r -> r.card() == null ? r : new LoyaltyRequest(
                r.time(), r.operation(), r.operationId(), r.purchaseId(), CardHasher.masked(r.card()), r.redeem(),
                r.outcome(), r.outcomeTime(), r.latencyMs(), r.bonus(), r.lineAccruals(), r.message(),
                r.cashierMessage(), r.detail())).toList();
        List<RawEntry> raw = t.raw().stream().map(e -> {
            String text = e.text();
            for (String card : cards) {
                if (text.contains(card)) text = text.replace(card, CardHasher.masked(card));
            }
            return text == e.text() ? e : new RawEntry(e.source(), e.line(), text);
        }).toList();
        return new Transaction(t.id(), t.type(), t.cashier(), t.opened(), t.closed(), t.closedAt(), t.status(),
                t.total(), t.positions(), t.removed(), t.keyPresses(), t.scans(), scans, requests, t.payments(),
                t.fiscal(), t.tags(), t.queuedOperationIds(), t.changedAfterCalculation(), raw);
    }
}
