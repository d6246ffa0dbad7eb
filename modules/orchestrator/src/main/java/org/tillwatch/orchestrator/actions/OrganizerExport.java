package org.tillwatch.orchestrator.actions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.tillwatch.domain.model.CardScan;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.RawEntry;
import org.tillwatch.domain.model.Transaction;

/**
 * What an escalation carries for the processing organizer: per transaction its raw log entries (loyalty cards
 * masked to the last four digits; payment card numbers are masked by the parser already) and the parsed facts.
 */
public final class OrganizerExport {
    private static final Pattern CARD_KEY = Pattern.compile("(card=|Value=\")(\\d{8,24})");

    private OrganizerExport() {
    }

    public static Map<String, Object> of(String ticket, List<Transaction> transactions, Instant generated) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ticket", ticket);
        m.put("generated", generated.toString());
        List<Map<String, Object>> txs = new ArrayList<>();
        for (Transaction t : transactions) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", t.id().toString());
            one.put("parsed", parsed(t));
            one.put("raw", raw(t));
            txs.add(one);
        }
        m.put("transactions", txs);
        return m;
    }

    public static String mask(String card) {
        return card.length() <= 4 ? card : "*".repeat(card.length() - 4) + card.substring(card.length() - 4);
    }

    static List<String> raw(Transaction t) {
        Set<String> cards = new LinkedHashSet<>();
        for (CardScan c : t.cards()) if (!c.card().contains("*")) cards.add(c.card());
        for (LoyaltyRequest r : t.requests()) if (r.card() != null && !r.card().contains("*") && !r.card().isEmpty()) cards.add(r.card());
        List<String> out = new ArrayList<>();
        for (RawEntry e : t.raw()) {
            String text = e.text();
            for (String c : cards) text = text.replace(c, mask(c));
            text = CARD_KEY.matcher(text).replaceAll(r -> r.group(1) + mask(r.group(2)));
            out.add(e.source() + ":" + e.line() + " " + text);
        }
        return out;
    }

    static Map<String, Object> parsed(Transaction t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("store", t.store());
        m.put("register", t.register().register());
        m.put("shift", t.id().shift());
        m.put("receipt", t.id().receipt());
        m.put("type", t.type());
        m.put("opened", t.opened().toString());
        m.put("closed", t.closed().toString());
        m.put("closed_utc", t.closedAt().toString());
        m.put("status", t.status().name());
        m.put("total", t.total() == null ? null : t.total().toPlainString());
        t.card().ifPresent(c -> m.put("card", "*" + c.last4()));
        List<Map<String, Object>> positions = new ArrayList<>();
        for (Position p : t.positions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("pos", p.pos());
            x.put("sku", p.sku());
            x.put("name", p.name());
            x.put("qty", p.qty() == null ? null : p.qty().toPlainString());
            x.put("amount", p.amount() == null ? null : p.amount().toPlainString());
            x.put("promo", p.promo());
            positions.add(x);
        }
        m.put("positions", positions);
        List<Map<String, Object>> requests = new ArrayList<>();
        for (LoyaltyRequest r : t.requests()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("time", r.time() == null ? null : r.time().toString());
            x.put("operation", r.operation().name());
            x.put("operation_id", r.operationId());
            x.put("purchase_id", r.purchaseId());
            x.put("outcome", r.outcome().name());
            x.put("critical", r.outcome().critical());
            x.put("latency_ms", r.latencyMs());
            if (r.bonus() != null && r.bonus().accrued() != null) x.put("accrued", r.bonus().accrued().toPlainString());
            x.put("queued", t.queuedOperationIds().contains(r.operationId()));
            x.values().removeIf(java.util.Objects::isNull);
            requests.add(x);
        }
        m.put("requests", requests);
        List<Map<String, Object>> payments = new ArrayList<>();
        for (Payment p : t.payments()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("tender", p.tender());
            x.put("amount", p.amount() == null ? null : p.amount().toPlainString());
            x.put("pan", p.pan());
            x.put("rc", p.rc());
            x.values().removeIf(java.util.Objects::isNull);
            payments.add(x);
        }
        m.put("payments", payments);
        m.put("tags", t.tags().stream().map(g -> g.tag()).toList());
        m.put("accrued", t.accrued().toPlainString());
        m.put("pending", t.pending());
        m.put("bag", t.changedAfterCalculation());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }
}
