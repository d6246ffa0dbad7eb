package org.tillwatch.orchestrator.matching;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.orchestrator.data.IncidentRef;
import org.tillwatch.orchestrator.data.IncidentSource;
import org.tillwatch.orchestrator.data.TransactionLookup;
import org.tillwatch.orchestrator.store.Delivery;
import org.tillwatch.orchestrator.template.Template;
import org.tillwatch.orchestrator.template.TemplateSet;
import org.tillwatch.orchestrator.template.TransactionConditions;
import org.tillwatch.orchestrator.ticket.TicketInfo;

/**
 * Decides what a ticket gets, without acting: finds its transactions, then tries the templates in order; the first
 * whose ticket conditions hold and whose transaction conditions all hold on one of its transactions wins. No
 * transactions, or no template: a person gets it untouched.
 */
public final class Matcher {
    private final TransactionLookup lookup;
    private final IncidentSource incidents;
    private final StoreRegistry registry;
    private final Function<String, Optional<Delivery>> deliveries;

    public Matcher(TransactionLookup lookup, IncidentSource incidents, StoreRegistry registry,
                   Function<String, Optional<Delivery>> deliveries) {
        this.lookup = lookup;
        this.incidents = incidents;
        this.registry = registry;
        this.deliveries = deliveries;
    }

    public Decision decide(TicketInfo ticket, TemplateSet templates) throws IOException {
        TicketTransactions.Found found = TicketTransactions.find(ticket, lookup, registry);
        if (found.transactions().isEmpty()) {
            return new Decision(ticket.id(), null, "data_missing", "none", null, found.missing() + ": a person takes it",
                    List.of(), null, Map.of("missing", found.missing()));
        }
        List<String> ids = found.transactions().stream().map(t -> t.id().toString()).toList();
        Map<Transaction, TxFacts> facts = new HashMap<>();
        for (Template t : templates.templates()) {
            if (!t.topics().isEmpty() && !t.topics().contains(ticket.topic())) continue;
            if (!t.channels().isEmpty() && !t.channels().contains(ticket.channel())) continue;
            TransactionConditions c = t.transaction();
            if (c == null) {
                TxFacts f = facts(found.transactions().get(0), facts, false);
                return decision(ticket, t, ids, f, "ticket topic " + ticket.topic() + " and channel " + ticket.channel());
            }
            for (Transaction tx : found.transactions()) {
                TxFacts f = facts(tx, facts, c.needsIncidents());
                List<String> why = Conditions.why(c, f);
                if (why != null) return decision(ticket, t, ids, f, String.join(", ", why) + " on " + tx.id());
            }
        }
        TxFacts first = facts(found.transactions().get(0), facts, false);
        Map<String, Object> audit = new LinkedHashMap<>(first.audit());
        return new Decision(ticket.id(), null, "unmatched", "none", null,
                "no template matches topic " + ticket.topic() + " and " + ids.size() + " transaction(s): a person takes it",
                ids, first, audit);
    }

    private Decision decision(TicketInfo ticket, Template t, List<String> ids, TxFacts f, String why) {
        return new Decision(ticket.id(), t, t.category(), t.primaryAction(), t.line(), "template " + t.name() + ": " + why,
                ids, f, f.audit());
    }

    private TxFacts facts(Transaction tx, Map<Transaction, TxFacts> cache, boolean withIncidents) throws IOException {
        TxFacts f = cache.get(tx);
        if (f != null && (f.incidents() != null || !withIncidents)) return f;
        String op = TxFacts.queuedConfirm(tx);
        Delivery d = op == null ? null : deliveries.apply(op).orElse(null);
        List<IncidentRef> inc = withIncidents ? new ArrayList<>(incidents.openAt(tx.store(), tx.closedAt())) : null;
        if (inc != null) {
            inc.removeIf(i -> !coversStore(i, tx.store()));
            // The store's own incident first: it is the one to link when a chain-wide one overlaps it.
            inc.sort(java.util.Comparator.comparing((IncidentRef i) -> !tx.store().equals(i.scope()) && !(i.stores().size() == 1))
                    .thenComparing(IncidentRef::started, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        }
        f = new TxFacts(tx, registry.store(tx.store()), TxFacts.expectedPoints(tx), op, d, inc);
        cache.put(tx, f);
        return f;
    }

    private static boolean coversStore(IncidentRef i, String store) {
        return i.stores().isEmpty() || i.stores().contains(store) || "chain".equals(i.scope());
    }
}
