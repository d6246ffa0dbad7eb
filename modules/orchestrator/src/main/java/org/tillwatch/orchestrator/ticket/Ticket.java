package org.tillwatch.orchestrator.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A ticket and everything that happened to it. Immutable: each change returns a new ticket with the event added to
 * {@code history}. {@code transactions}: the transaction ids the decision was based on; {@code escalation}: the store
 * escalation it was linked to; {@code cases}: proactive cases of the same customer.
 */
public record Ticket(TicketInfo info, Instant received, TicketStatus status, String category, String template,
                     String action, Integer line, List<String> transactions, String incident, String escalation,
                     List<String> cases, Wait waitingFor, List<Reply> replies, String summary, Instant firstResponse,
                     List<TicketEvent> history) {
    public Ticket {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(status, "status");
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
        cases = cases == null ? List.of() : List.copyOf(cases);
        replies = replies == null ? List.of() : List.copyOf(replies);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static Ticket create(TicketInfo info, Instant now) {
        return new Ticket(info, now, TicketStatus.WITH_PERSON, null, null, "none", null, List.of(), null, null, List.of(),
                null, List.of(), null, null, List.of(new TicketEvent(now, "received", null, "channel " + info.channel() + ", topic " + info.topic(), null)));
    }

    public String id() {
        return info.id();
    }

    public Ticket event(TicketEvent e) {
        List<TicketEvent> h = new ArrayList<>(history);
        h.add(e);
        return new Ticket(info, received, status, category, template, action, line, transactions, incident, escalation, cases,
                waitingFor, replies, summary, firstResponse, h);
    }

    public Ticket decided(TicketStatus status, String category, String template, String action, Integer line, List<String> transactions) {
        return new Ticket(info, received, status, category, template, action, line, transactions, incident, escalation, cases,
                waitingFor, replies, summary, firstResponse, history);
    }

    public Ticket status(TicketStatus status) {
        return new Ticket(info, received, status, category, template, action, line, transactions, incident, escalation, cases,
                waitingFor, replies, summary, firstResponse, history);
    }

    public Ticket replied(Reply reply, Instant at) {
        List<Reply> r = new ArrayList<>(replies);
        r.add(reply);
        return new Ticket(info, received, status, category, template, action, line, transactions, incident, escalation, cases,
                waitingFor, r, summary, firstResponse == null ? at : firstResponse, history);
    }

    public Ticket escalated(int line, String summary, String escalation, Instant at) {
        return new Ticket(info, received, TicketStatus.ESCALATED, category, template, "escalate", line, transactions, incident,
                escalation, cases, null, replies, summary, firstResponse == null ? at : firstResponse, history);
    }

    public Ticket waiting(Wait wait) {
        return new Ticket(info, received, TicketStatus.WAITING, category, template, action, line, transactions, incident,
                escalation, cases, wait, replies, summary, firstResponse, history);
    }

    public Ticket incident(String incident) {
        return new Ticket(info, received, status, category, template, action, line, transactions, incident, escalation, cases,
                waitingFor, replies, summary, firstResponse, history);
    }

    public Ticket withCases(List<String> more) {
        LinkedHashSet<String> all = new LinkedHashSet<>(cases);
        all.addAll(more);
        return new Ticket(info, received, status, category, template, action, line, transactions, incident, escalation,
                List.copyOf(all), waitingFor, replies, summary, firstResponse, history);
    }

    public Ticket resolved() {
        return new Ticket(info, received, TicketStatus.RESOLVED, category, template, action, line, transactions, incident,
                escalation, cases, null, replies, summary, firstResponse, history);
    }
}
