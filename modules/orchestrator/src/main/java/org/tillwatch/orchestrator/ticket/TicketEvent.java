package org.tillwatch.orchestrator.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a ticket's audit trail: what was done ({@code kind}: received, matched, reply, resolve, escalate,
 * wait, link_incident, link_case, link_escalation, recheck, to_person), by which template, on which facts.
 */
public record TicketEvent(Instant at, String kind, String template, String detail, Map<String, Object> facts) {
    public TicketEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }
}
