package org.tillwatch.orchestrator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.orchestrator.actions.ActionRunner;
import org.tillwatch.orchestrator.actions.OrganizerExport;
import org.tillwatch.orchestrator.data.IncidentSource;
import org.tillwatch.orchestrator.data.TransactionLookup;
import org.tillwatch.orchestrator.matching.Decision;
import org.tillwatch.orchestrator.matching.Matcher;
import org.tillwatch.orchestrator.matching.TxFacts;
import org.tillwatch.orchestrator.metrics.TicketMetrics;
import org.tillwatch.orchestrator.proactive.CaseFinder;
import org.tillwatch.orchestrator.proactive.ProactiveCase;
import org.tillwatch.orchestrator.store.Delivery;
import org.tillwatch.orchestrator.store.QueuedConfirm;
import org.tillwatch.orchestrator.store.TicketStore;
import org.tillwatch.orchestrator.template.TemplateSet;
import org.tillwatch.orchestrator.ticket.Ticket;
import org.tillwatch.orchestrator.ticket.TicketEvent;
import org.tillwatch.orchestrator.ticket.TicketInfo;
import org.tillwatch.orchestrator.ticket.TicketRequest;
import org.tillwatch.orchestrator.ticket.TicketStatus;
import org.tillwatch.orchestrator.ticket.Wait;

/**
 * Takes tickets, decides by template, acts and keeps the audit trail; follows the logs for offline-queue deliveries
 * and lost points (proactive cases); re-checks waiting tickets. Changes are serialised on this object and committed
 * to the {@link TicketStore} before a call returns, except what {@link #transaction} and {@link #registerRequest}
 * learn from the logs: that is durable at {@link #commit()}, which the collector calls before each checkpoint (after a
 * crash, the logs after the checkpoint are read and told again, and a case already open is not opened twice).
 */
public final class Orchestrator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Orchestrator.class.getName());

    /** A ticket after submission; {@code created} false when a ticket with that id was already there (re-import). */
    public record Submitted(Ticket ticket, boolean created) {
    }

    private final TicketStore store;
    /** The store for what the logs tell: one commit per checkpoint, not per case (an H2 commit each was a tenth of ingestion). */
    private final TicketStore fromLogs;
    private final TemplateSet templates;
    private final TransactionLookup lookup;
    private final IncidentSource incidents;
    private final StoreRegistry registry;
    private final UnaryOperator<String> cardHasher;
    private final Clock clock;
    private final TicketMetrics metrics;
    private final Supplier<Instant> watermark;
    private final ActionRunner runner;
    private final FollowUps followUps;
    private final Set<String> waiting = new LinkedHashSet<>();

    public Orchestrator(TicketStore store, TemplateSet templates, TransactionLookup lookup, IncidentSource incidents,
                        StoreRegistry registry, UnaryOperator<String> cardHasher, Clock clock, TicketMetrics metrics,
                        Supplier<Instant> watermark) {
        this.store = store;
        this.fromLogs = store.deferred();
        this.templates = templates;
        this.lookup = lookup;
        this.incidents = incidents;
        this.registry = registry;
        this.cardHasher = cardHasher;
        this.clock = clock;
        this.metrics = metrics;
        this.watermark = watermark;
        this.runner = new ActionRunner(store);
        this.followUps = new FollowUps(store, lookup, incidents, registry, clock);
        for (Ticket t : store.tickets()) {
            metrics.status(null, t.status());
            if (t.status() == TicketStatus.WAITING) waiting.add(t.id());
        }
    }

    public TemplateSet templates() {
        return templates;
    }

    public Matcher matcher() {
        return new Matcher(lookup, incidents, registry, store::delivery);
    }

    /** Takes a ticket, decides and acts. The same id again returns the stored ticket unchanged. */
    public synchronized Submitted submit(TicketRequest request) throws IOException {
        Optional<Ticket> existing = store.ticket(request.id());
        if (existing.isPresent()) return new Submitted(existing.get(), false);
        Instant now = clock.instant();
        TicketInfo info = TicketInfo.of(request, cardHasher);
        Ticket t = Ticket.create(info, now);
        metrics.received(info.channel());
        t = linkCases(t, now);
        Decision d = matcher().decide(info, templates);
        Ticket after = runner.apply(t, d, now);
        save(null, after, t.history().size() - 1);
        return new Submitted(after, true);
    }

    /** What each ticket would get under {@code set}, acting on nothing. */
    public List<Decision> dryRun(List<TicketRequest> tickets, TemplateSet set) throws IOException {
        Matcher m = matcher();
        List<Decision> out = new ArrayList<>();
        for (TicketRequest r : tickets) out.add(m.decide(TicketInfo.of(r, cardHasher), set));
        return out;
    }

    private Ticket linkCases(Ticket t, Instant now) {
        if (t.info().cardHash() == null) return t;
        List<String> linked = new ArrayList<>();
        for (ProactiveCase c : store.casesOfCard(t.info().cardHash())) {
            store.put(c.linked(t.id()));
            linked.add(c.id());
        }
        if (linked.isEmpty()) return t;
        return t.withCases(linked).event(new TicketEvent(now, "link_case", null, "the customer's proactive case(s) " + linked, Map.of("cases", linked)));
    }

    /** A transaction read from the logs: its queued confirm goes to the ledger; lost points open a case. */
    public void transaction(Transaction t) {
        // worked out before taking the lock: both ingest threads come here for every receipt
        String cardHash = t.card().map(c -> c.card().contains("*") ? null : cardHasher.apply(c.card())).orElse(null);
        String op = TxFacts.queuedConfirm(t);
        Optional<ProactiveCase> found = CaseFinder.of(t, cardHash, t.closedAt());
        if (op == null && found.isEmpty()) return;
        synchronized (this) {
            if (op != null && store.delivery(op).isEmpty()) {
                fromLogs.queued(new QueuedConfirm(op, t.id().toString(), t.store(), cardHash, t.card().map(c -> c.last4()).orElse(null),
                        t.closed().toLocalDate(), TxFacts.expectedPoints(t), t.closedAt()));
            }
            found.ifPresent(c -> open(c, fromLogs));
        }
    }

    private void open(ProactiveCase c, TicketStore to) {
        if (store.proactiveCase(c.id()).isPresent()) return;
        to.put(c);
        metrics.caseOpened(c.kind());
    }

    /**
     * Makes what {@link #transaction} and {@link #registerRequest} recorded durable. Not under this object's lock:
     * MVStore commits while others write, so ingestion does not wait for the file (a change made during the commit
     * goes into this one or the next).
     */
    public void commit() {
        store.commit();
    }

    /** A loyalty request between receipts: a CONFIRM sent from the offline queue delivers a receipt's points. */
    public synchronized void registerRequest(RegisterKey register, LoyaltyRequest r) {
        if (r.operation() != Operation.CONFIRM || r.operationId() == null) return;
        fromLogs.delivered(new Delivery(r.operationId(), r.outcome().ok(), r.outcome().name(),
                r.bonus() == null ? null : r.bonus().accrued(), r.outcomeTime()));
        if (store.queuedConfirm(r.operationId()).isPresent()) fromLogs.removeQueued(r.operationId());
        recheckWaiting(w -> w.kind().equals("queue") && w.ref().equals(r.operationId()));
    }

    /**
     * Distributed mode: records read up to these positions ({@code topic-partition} -> next offset) have been applied;
     * stored durably after the state they changed, so a restart resumes there (and a replay is harmless: by id).
     */
    public synchronized void readUpTo(Map<String, Long> positions) {
        store.positions(positions);
    }

    /** Where reading resumes after a restart; empty for a new state. */
    public synchronized Map<String, Long> readPositions() {
        return store.positions();
    }

    /** Re-checks every waiting ticket and the offline-queue ledger against the end of each store's day. */
    public synchronized void recheck() {
        Instant mark = watermark.get();
        if (mark != null) {
            for (QueuedConfirm q : store.queued()) {
                Instant end = q.day().plusDays(1).atStartOfDay(registry.store(q.store()).zone()).toInstant();
                if (mark.isBefore(end)) continue;
                if (q.cardHash() != null) open(CaseFinder.queueNotSent(q, mark), store);
                store.removeQueued(q.operationId());
                recheckWaiting(w -> w.kind().equals("queue") && w.ref().equals(q.operationId()), q);
            }
        }
        recheckWaiting(w -> true);
    }

    private void recheckWaiting(java.util.function.Predicate<Wait> which) {
        recheckWaiting(which, null);
    }

    private void recheckWaiting(java.util.function.Predicate<Wait> which, QueuedConfirm dayEnded) {
        for (String id : List.copyOf(waiting)) {
            Ticket t = store.ticket(id).orElse(null);
            if (t == null || t.status() != TicketStatus.WAITING || t.waitingFor() == null) {
                waiting.remove(id);
                continue;
            }
            if (!which.test(t.waitingFor())) continue;
            try {
                Ticket after = followUps.check(t, dayEnded);
                if (after != t) save(t, after, t.history().size());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "re-check of ticket " + id + " failed; it stays waiting", e);
            }
        }
    }

    private void save(Ticket before, Ticket after, int seen) {
        if (after.status() == TicketStatus.ESCALATED && (before == null || before.status() != TicketStatus.ESCALATED)) attachExport(after);
        store.put(after);
        metrics.status(before == null ? null : before.status(), after.status());
        if (after.status() == TicketStatus.WAITING) waiting.add(after.id());
        else waiting.remove(after.id());
        boolean escalatedBefore = before != null && before.history().stream().anyMatch(e -> e.kind().equals("escalate") || e.kind().equals("link_escalation"));
        for (TicketEvent e : after.history().subList(Math.max(0, seen), after.history().size())) {
            switch (e.kind()) {
                case "reply" -> metrics.reply();
                case "escalate", "link_escalation" -> {
                    if (!escalatedBefore && after.line() != null) metrics.escalated(after.line());
                }
                case "resolve" -> {
                    if (!escalatedBefore) metrics.autoResolved();
                }
                case "to_person" -> metrics.toPerson(after.category());
                default -> {
                }
            }
        }
        if ((before == null || before.firstResponse() == null) && after.firstResponse() != null) {
            metrics.firstResponse(Duration.between(after.received(), after.firstResponse()));
        }
    }

    public Optional<Ticket> ticket(String id) {
        return store.ticket(id);
    }

    /** Newest received first. */
    public List<Ticket> tickets(TicketStatus status, int limit) {
        return store.tickets().stream().filter(t -> status == null || t.status() == status)
                .sorted(Comparator.comparing(Ticket::received).thenComparing(Ticket::id).reversed()).limit(limit).toList();
    }

    public List<ProactiveCase> cases() {
        return store.cases().stream().sorted(Comparator.comparing(ProactiveCase::opened).thenComparing(ProactiveCase::id)).toList();
    }

    public Optional<ProactiveCase> proactiveCase(String id) {
        return store.proactiveCase(id);
    }

    private void attachExport(Ticket t) {
        try {
            store.export(t.id(), liveExport(t));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "organizer export of ticket " + t.id() + " not attached; it is built on request instead", e);
        }
    }

    private Map<String, Object> liveExport(Ticket t) throws IOException {
        List<Transaction> txs = new ArrayList<>();
        for (String tx : t.transactions()) lookup.byId(tx).ifPresent(txs::add);
        return OrganizerExport.of(t.id(), txs, clock.instant());
    }

    /**
     * The organizer export of a ticket's transactions (masked raw lines and parsed facts): the one attached when it was
     * escalated, else built now.
     */
    public Optional<Map<String, Object>> export(String id) throws IOException {
        Ticket t = store.ticket(id).orElse(null);
        if (t == null) return Optional.empty();
        Optional<Map<String, Object>> attached = store.export(id);
        return attached.isPresent() ? attached : Optional.of(liveExport(t));
    }

    public Map<String, Object> summary() {
        return TicketSummary.of(store.tickets(), store.cases(), store.escalations());
    }

    @Override
    public void close() {
        store.close();
    }
}
