package org.tillwatch.orchestrator.actions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tillwatch.orchestrator.matching.Decision;
import org.tillwatch.orchestrator.matching.TxFacts;
import org.tillwatch.orchestrator.store.StoreEscalation;
import org.tillwatch.orchestrator.store.TicketStore;
import org.tillwatch.orchestrator.template.ActionSpec;
import org.tillwatch.orchestrator.ticket.Reply;
import org.tillwatch.orchestrator.ticket.Ticket;
import org.tillwatch.orchestrator.ticket.TicketEvent;
import org.tillwatch.orchestrator.ticket.TicketStatus;
import org.tillwatch.orchestrator.ticket.Wait;

/**
 * Carries out a decision on a ticket, step by step, writing each step to the ticket's audit trail with the template
 * and the facts that caused it. A decision without a template leaves the ticket untouched for a person.
 */
public final class ActionRunner {
    private final TicketStore store;

    public ActionRunner(TicketStore store) {
        this.store = store;
    }

    public Ticket apply(Ticket ticket, Decision d, Instant now) {
        Map<String, Object> facts = d.audit();
        if (d.toPerson()) {
            return ticket.decided(TicketStatus.WITH_PERSON, d.category(), null, "none", null, d.transactions())
                    .event(new TicketEvent(now, "to_person", null, d.reason(), facts));
        }
        String tpl = d.templateName();
        Ticket t = ticket.decided(TicketStatus.REPLIED, d.category(), tpl, d.action(), d.line(), d.transactions())
                .event(new TicketEvent(now, "matched", tpl, d.reason(), facts));
        TxFacts f = d.facts();
        boolean resolve = false;
        for (ActionSpec step : d.template().actions()) {
            switch (step.type()) {
                case "link_incident" -> {
                    if (f != null && f.incidents() != null && !f.incidents().isEmpty()) {
                        String id = f.incidents().get(0).id();
                        t = t.incident(id).event(new TicketEvent(now, "link_incident", tpl, "linked to incident " + id, facts));
                    }
                }
                case "reply" -> {
                    Reply r = Replies.render(step.ru(), step.en(), f, t.info().language());
                    t = t.replied(r, now).event(new TicketEvent(now, "reply", tpl, r.text(), facts));
                }
                case "resolve" -> resolve = true;
                case "escalate" -> t = escalate(t, d, step, now, facts);
                case "wait" -> t = waitFor(t, step, f, now, tpl, facts);
                default -> throw new IllegalStateException("unknown action " + step.type());
            }
        }
        if (resolve && t.status() != TicketStatus.ESCALATED && t.status() != TicketStatus.WAITING) {
            t = t.resolved().event(new TicketEvent(now, "resolve", tpl, "resolved by template " + tpl, facts));
        }
        return t;
    }

    private Ticket escalate(Ticket t, Decision d, ActionSpec step, Instant now, Map<String, Object> facts) {
        String tpl = d.templateName();
        int line = step.line();
        if ("store".equals(step.oncePer()) && d.facts() != null) {
            String storeCode = d.facts().tx().store();
            StoreEscalation existing = store.escalation(storeCode).orElse(null);
            if (existing != null) {
                store.put(existing.with(t.id()));
                return t.escalated(existing.line(), existing.summary(), existing.id(), now)
                        .event(new TicketEvent(now, "link_escalation", tpl, "linked to the open line " + existing.line()
                                + " escalation " + existing.id() + " of store " + storeCode + " (opened by ticket " + existing.tickets().get(0) + ")", facts));
            }
            String summary = EscalationSummary.of(t.info(), d, line, "Одна эскалация на магазин: следующие обращения привязываются к ней / "
                    + "One escalation per store: later tickets are linked to it");
            String id = "ESC-" + storeCode + "-" + t.id();
            store.put(new StoreEscalation(id, storeCode, line, d.category(), now, summary, java.util.List.of(t.id())));
            return t.escalated(line, summary, id, now).event(new TicketEvent(now, "escalate", tpl, summary, withLine(facts, line)));
        }
        String summary = EscalationSummary.of(t.info(), d, line, null);
        return t.escalated(line, summary, null, now).event(new TicketEvent(now, "escalate", tpl, summary, withLine(facts, line)));
    }

    private static Ticket waitFor(Ticket t, ActionSpec step, TxFacts f, Instant now, String tpl, Map<String, Object> facts) {
        if ("queue".equals(step.waitFor())) {
            if (f == null || f.queuedConfirm() == null) return t;
            return t.waiting(new Wait("queue", f.queuedConfirm(), f.tx().id().toString()))
                    .event(new TicketEvent(now, "wait", tpl, "waiting for the register's offline queue to send confirm " + f.queuedConfirm(), facts));
        }
        if (f == null || f.incidents() == null || f.incidents().isEmpty()) return t;
        String id = t.incident() != null ? t.incident() : f.incidents().get(0).id();
        return t.incident(id).waiting(new Wait("incident", id, f.tx().id().toString()))
                .event(new TicketEvent(now, "wait", tpl, "resolves when incident " + id + " closes", facts));
    }

    private static Map<String, Object> withLine(Map<String, Object> facts, int line) {
        Map<String, Object> m = new LinkedHashMap<>(facts);
        m.put("line", line);
        return m;
    }
}
