package org.tillwatch.orchestrator.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.tillwatch.orchestrator.ticket.TicketStatus;

/**
 * The orchestrator's meters, all registered at start so every series exists at zero: tickets received by channel,
 * auto-resolved, escalations by line, handed to a person by reason, replies, proactive cases by kind, time to first
 * response, tickets by status.
 */
public final class TicketMetrics {
    public static final List<String> CHANNELS = List.of("phone", "email", "chat", "app", "web", "social", "other");
    public static final List<String> CASE_KINDS = List.of("confirm_failed_after_bag", "queue_not_sent_by_day_end", "critical_failure_with_card");

    private final MeterRegistry registry;
    private final Map<String, Counter> received = new java.util.HashMap<>();
    private final Counter autoResolved;
    private final Counter replies;
    private final Map<Integer, Counter> escalated = new java.util.HashMap<>();
    private final Map<String, Counter> toPerson = new java.util.HashMap<>();
    private final Map<String, Counter> cases = new java.util.HashMap<>();
    private final Timer firstResponse;
    private final Map<TicketStatus, AtomicInteger> byStatus = new EnumMap<>(TicketStatus.class);

    public TicketMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String c : CHANNELS) {
            received.put(c, Counter.builder("tillwatch.tickets.received").description("Support tickets received").tag("channel", c).register(registry));
        }
        autoResolved = Counter.builder("tillwatch.tickets.auto.resolved").description("Tickets resolved by a template without a person").register(registry);
        replies = Counter.builder("tillwatch.tickets.replies").description("Automatic replies sent to customers").register(registry);
        for (int line = 1; line <= 3; line++) {
            escalated.put(line, Counter.builder("tillwatch.tickets.escalated").description("Tickets escalated to a support line")
                    .tag("line", Integer.toString(line)).register(registry));
        }
        for (String r : Set.of("unmatched", "data_missing")) {
            toPerson.put(r, Counter.builder("tillwatch.tickets.to.person").description("Tickets handed to a person untouched")
                    .tag("reason", r).register(registry));
        }
        for (String k : CASE_KINDS) {
            cases.put(k, Counter.builder("tillwatch.proactive.cases.opened").description("Proactive lost-points cases opened from the logs")
                    .tag("kind", k).register(registry));
        }
        firstResponse = Timer.builder("tillwatch.ticket.first.response").description("From receiving a ticket to its first response (reply or escalation)")
                .register(registry);
        for (TicketStatus s : TicketStatus.values()) {
            AtomicInteger n = new AtomicInteger();
            byStatus.put(s, n);
            Gauge.builder("tillwatch.tickets", n, AtomicInteger::get).description("Tickets in the store by status")
                    .tag("status", s.name().toLowerCase()).register(registry);
        }
    }

    public static String channel(String channel) {
        return CHANNELS.contains(channel) ? channel : "other";
    }

    public void received(String channel) {
        received.get(channel(channel)).increment();
    }

    public void autoResolved() {
        autoResolved.increment();
    }

    public void reply() {
        replies.increment();
    }

    public void escalated(int line) {
        escalated.get(line).increment();
    }

    public void toPerson(String reason) {
        toPerson.getOrDefault(reason, toPerson.get("unmatched")).increment();
    }

    public void caseOpened(String kind) {
        Counter c = cases.get(kind);
        if (c != null) c.increment();
    }

    public void firstResponse(Duration d) {
        firstResponse.record(d.isNegative() ? Duration.ZERO : d);
    }

    /** Moves one ticket between status gauges (from null: a new ticket). */
    public void status(TicketStatus from, TicketStatus to) {
        if (from == to) return;
        if (from != null) byStatus.get(from).decrementAndGet();
        if (to != null) byStatus.get(to).incrementAndGet();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
