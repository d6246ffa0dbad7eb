package org.tillwatch.orchestrator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.orchestrator.data.IncidentSource;
import org.tillwatch.orchestrator.store.TicketStore;
import org.tillwatch.orchestrator.ticket.Ticket;
import org.tillwatch.orchestrator.ticket.TicketRequest;
import org.tillwatch.orchestrator.ticket.TicketStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Tickets, their history, store escalations, cases and the offline-queue ledger survive closing and reopening the store. */
class RestartTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());

    private static String json(Ticket t) throws Exception {
        return JSON.writeValueAsString(t);
    }

    @Test
    void ticketsWithTheirHistoryAndWaitingStateSurviveARestart(@TempDir Path tmp) throws Exception {
        FleetTickets sample = FleetTickets.load();
        FleetRun run = FleetRun.sample();
        Path file = tmp.resolve("orchestrator/tickets.mv.db");
        FleetTickets.Receipt pending = sample.only(r -> r.r().get("pending").asBoolean());
        FleetTickets.Receipt missing = sample.only(r -> r.outcomes().contains("DeviceNotFound"));
        TicketRequest waiting = TicketRequest.fromJson(sample.ticket("R-wait", pending, "points_missing", "phone"));
        TicketRequest escalated = TicketRequest.fromJson(sample.ticket("R-esc", missing, "points_missing", "email"));

        List<FleetRun.Event> queueSends;
        Ticket before;
        try (TicketStore store = TicketStore.open(file)) {
            Orchestrator o = run.orchestrator(store, IncidentSource.NONE, Clock.systemUTC());
            queueSends = run.events.stream().filter(e -> e instanceof FleetRun.Req).toList();
            run.events.stream().filter(e -> e instanceof FleetRun.Tx).forEach(e -> o.transaction(((FleetRun.Tx) e).t()));
            assertThat(o.submit(waiting).ticket().status()).isEqualTo(TicketStatus.WAITING);
            before = o.submit(escalated).ticket();
            assertThat(before.status()).isEqualTo(TicketStatus.ESCALATED);
        }

        try (TicketStore store = TicketStore.open(file)) {
            Orchestrator o = run.orchestrator(store, IncidentSource.NONE, Clock.systemUTC());
            Ticket again = o.ticket("R-esc").orElseThrow();
            assertThat(json(again)).isEqualTo(json(before));
            assertThat(again.history()).extracting(e -> e.kind()).containsExactly("received", "link_case", "matched", "reply", "escalate");
            assertThat(store.escalations()).hasSize(1);
            assertThat(o.cases()).isNotEmpty();
            Orchestrator.Submitted dup = o.submit(escalated);
            assertThat(dup.created()).as("re-importing the same ticket changes nothing").isFalse();
            assertThat(json(dup.ticket())).isEqualTo(json(before));
            // The waiting ticket is still waiting, and the queue sent after the restart resolves it.
            assertThat(o.ticket("R-wait").orElseThrow().status()).isEqualTo(TicketStatus.WAITING);
            for (FleetRun.Event e : queueSends) o.registerRequest(((FleetRun.Req) e).register(), ((FleetRun.Req) e).request());
            assertThat(o.ticket("R-wait").orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
            ObjectNode other = sample.ticket("R-esc-2", sample.first(r -> r.outcomes().contains("DeviceNotFound") && !r.card().equals(missing.card())), "points_missing", "app");
            Ticket linked = o.submit(TicketRequest.fromJson(other)).ticket();
            assertThat(linked.escalation()).as("the store escalation from before the restart is reused").isEqualTo(before.escalation());
        }
    }
}
