package org.tillwatch.orchestrator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tillwatch.orchestrator.proactive.ProactiveCase;
import org.tillwatch.orchestrator.store.StoreEscalation;
import org.tillwatch.orchestrator.ticket.Ticket;
import org.tillwatch.orchestrator.ticket.TicketStatus;

/** The API summary, from the durable store (so it survives restarts, unlike the process's counters). */
final class TicketSummary {
    private TicketSummary() {
    }

    static Map<String, Object> of(List<Ticket> tickets, List<ProactiveCase> cases, List<StoreEscalation> escalations) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (TicketStatus s : TicketStatus.values()) byStatus.put(s.name().toLowerCase(), 0L);
        Map<String, Long> escalated = new LinkedHashMap<>(Map.of("1", 0L, "2", 0L, "3", 0L));
        escalated = new TreeMap<>(escalated);
        Map<String, Long> categories = new TreeMap<>();
        Map<String, Long> templates = new TreeMap<>();
        long auto = 0;
        long responded = 0;
        Duration total = Duration.ZERO;
        Duration max = Duration.ZERO;
        Duration sinceCreated = Duration.ZERO;
        for (Ticket t : tickets) {
            byStatus.merge(t.status().name().toLowerCase(), 1L, Long::sum);
            boolean esc = t.history().stream().anyMatch(e -> e.kind().equals("escalate") || e.kind().equals("link_escalation"));
            if (esc && t.line() != null) escalated.merge(Integer.toString(t.line()), 1L, Long::sum);
            if (t.status() == TicketStatus.RESOLVED && !esc) auto++;
            if (t.category() != null) categories.merge(t.category(), 1L, Long::sum);
            if (t.template() != null) templates.merge(t.template(), 1L, Long::sum);
            if (t.firstResponse() != null) {
                Duration d = Duration.between(t.received(), t.firstResponse());
                responded++;
                total = total.plus(d);
                if (d.compareTo(max) > 0) max = d;
                Duration c = Duration.between(t.info().created(), t.firstResponse());
                sinceCreated = sinceCreated.plus(c.isNegative() ? Duration.ZERO : c);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tickets", tickets.size());
        m.put("by_status", byStatus);
        m.put("auto_resolved", auto);
        m.put("auto_resolved_share", tickets.isEmpty() ? 0.0 : Math.round(1000.0 * auto / tickets.size()) / 1000.0);
        m.put("escalated", escalated);
        m.put("to_person", byStatus.get("with_person"));
        m.put("waiting", byStatus.get("waiting"));
        Map<String, Object> fr = new LinkedHashMap<>();
        fr.put("count", responded);
        fr.put("mean_seconds", responded == 0 ? 0.0 : total.toMillis() / 1000.0 / responded);
        fr.put("max_seconds", max.toMillis() / 1000.0);
        // From the CRM's creation time: includes how long the ticket took to reach the orchestrator.
        fr.put("mean_seconds_since_created", responded == 0 ? 0.0 : sinceCreated.toMillis() / 1000.0 / responded);
        m.put("first_response", fr);
        m.put("categories", categories);
        m.put("templates", templates);
        Map<String, Long> kinds = new TreeMap<>();
        long linked = 0;
        for (ProactiveCase c : cases) {
            kinds.merge(c.kind(), 1L, Long::sum);
            if (!c.tickets().isEmpty()) linked++;
        }
        m.put("proactive_cases", kinds);
        m.put("proactive_cases_with_ticket", linked);
        m.put("store_escalations", escalations.stream().map(e -> Map.of("id", e.id(), "store", e.store(), "line", e.line(), "tickets", e.tickets().size())).toList());
        return m;
    }
}
