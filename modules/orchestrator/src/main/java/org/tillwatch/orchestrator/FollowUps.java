package org.tillwatch.orchestrator;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.orchestrator.actions.EscalationSummary;
import org.tillwatch.orchestrator.actions.Replies;
import org.tillwatch.orchestrator.data.IncidentRef;
import org.tillwatch.orchestrator.data.IncidentSource;
import org.tillwatch.orchestrator.data.TransactionLookup;
import org.tillwatch.orchestrator.matching.Decision;
import org.tillwatch.orchestrator.matching.TxFacts;
import org.tillwatch.orchestrator.store.Delivery;
import org.tillwatch.orchestrator.store.QueuedConfirm;
import org.tillwatch.orchestrator.store.TicketStore;
import org.tillwatch.orchestrator.ticket.Reply;
import org.tillwatch.orchestrator.ticket.Ticket;
import org.tillwatch.orchestrator.ticket.TicketEvent;
import org.tillwatch.orchestrator.ticket.Wait;

/** What happens to a waiting ticket when it is re-checked, and the follow-up texts (Russian and English, with the templates' placeholders). */
final class FollowUps {
    static final String POINTS_ARRIVED_RU = "Баллы за покупку {date} в магазине {store_name} на сумму {amount} начислены: {points}. Спасибо за терпение!";
    static final String POINTS_ARRIVED_EN = "The points for your purchase of {amount} on {date} at {store_name} have arrived: {points}. Thank you for your patience!";
    static final String INCIDENT_CLOSED_RU = "Сбой сервиса лояльности устранён. Если баллы за покупку {date} не появятся в течение суток, ответьте на это сообщение.";
    static final String INCIDENT_CLOSED_EN = "The loyalty service failure is fixed. If the points for your purchase on {date} do not appear within a day, reply to this message.";

    private final TicketStore store;
    private final TransactionLookup lookup;
    private final IncidentSource incidents;
    private final StoreRegistry registry;
    private final Clock clock;

    FollowUps(TicketStore store, TransactionLookup lookup, IncidentSource incidents, StoreRegistry registry, Clock clock) {
        this.store = store;
        this.lookup = lookup;
        this.incidents = incidents;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * A waiting ticket re-checked: resolved with a reply when its queued confirm was delivered or its incident closed;
     * escalated to line 2 when the confirm was rejected or not sent by the end of the store's day ({@code dayEnded});
     * else unchanged.
     */
    Ticket check(Ticket t, QueuedConfirm dayEnded) throws IOException {
        Instant now = clock.instant();
        Wait w = t.waitingFor();
        Transaction tx = lookup.byId(w.transaction()).orElse(null);
        if (tx == null) return t;
        if (w.kind().equals("queue")) {
            Delivery d = store.delivery(w.ref()).orElse(null);
            TxFacts f = new TxFacts(tx, registry.store(tx.store()), TxFacts.expectedPoints(tx), w.ref(), d, null);
            if (d != null && d.ok()) {
                Reply r = Replies.render(POINTS_ARRIVED_RU, POINTS_ARRIVED_EN, f, t.info().language());
                return t.replied(r, now).event(new TicketEvent(now, "recheck", t.template(), "the offline queue sent confirm " + w.ref() + " at " + d.at(), f.audit()))
                        .event(new TicketEvent(now, "reply", t.template(), r.text(), f.audit()))
                        .resolved().event(new TicketEvent(now, "resolve", t.template(), "points delivered from the offline queue", f.audit()));
            }
            String why = d != null ? "the queued confirm " + w.ref() + " was rejected: " + d.outcome()
                    : dayEnded != null ? "the queued confirm " + w.ref() + " was not sent by the end of the store's day" : null;
            if (why == null) return t;
            return escalate(t, f, 2, why, now);
        }
        IncidentRef inc = incidents.byId(w.ref()).orElse(null);
        if (inc == null || inc.open()) return t;
        TxFacts f = new TxFacts(tx, registry.store(tx.store()), TxFacts.expectedPoints(tx), null, null, List.of(inc));
        Reply r = Replies.render(INCIDENT_CLOSED_RU, INCIDENT_CLOSED_EN, f, t.info().language());
        return t.event(new TicketEvent(now, "recheck", t.template(), "incident " + inc.id() + " closed at " + inc.resolved(), f.audit()))
                .replied(r, now).event(new TicketEvent(now, "reply", t.template(), r.text(), f.audit()))
                .resolved().event(new TicketEvent(now, "resolve", t.template(), "resolved with incident " + inc.id(), f.audit()));
    }

    private Ticket escalate(Ticket t, TxFacts f, int line, String why, Instant now) {
        Decision d = new Decision(t.id(), null, t.category(), "escalate", line, why, t.transactions(), f, f.audit());
        String fix = f.expectedPoints() == null ? "пересчитать чек и начислить баллы / recalculate the receipt and credit the points"
                : "начислить " + f.expectedPoints().toPlainString() + " баллов / credit " + f.expectedPoints().toPlainString() + " points";
        String summary = EscalationSummary.of(t.info(), d, line, "Предложение / Suggested fix: " + fix);
        return t.event(new TicketEvent(now, "recheck", t.template(), why, f.audit()))
                .escalated(line, summary, null, now).event(new TicketEvent(now, "escalate", t.template(), summary, f.audit()));
    }
}

