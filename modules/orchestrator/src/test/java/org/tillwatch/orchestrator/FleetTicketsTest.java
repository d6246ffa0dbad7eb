package org.tillwatch.orchestrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.orchestrator.data.FileIncidents;
import org.tillwatch.orchestrator.matching.Decision;
import org.tillwatch.orchestrator.proactive.ProactiveCase;
import org.tillwatch.orchestrator.store.TicketStore;
import org.tillwatch.orchestrator.template.TemplateSet;
import org.tillwatch.orchestrator.ticket.Ticket;
import org.tillwatch.orchestrator.ticket.TicketRequest;
import org.tillwatch.orchestrator.ticket.TicketStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One ticket per known situation of the sample fleet, plus tickets that must go to a person, each asserted to get
 * its exact template, category, action and line; then acted on, re-checked and audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetTicketsTest {
    /** id -> expected [template, category, action, line]. */
    final Map<String, List<Object>> expected = new LinkedHashMap<>();
    final List<TicketRequest> tickets = new ArrayList<>();
    FleetTickets sample;
    FleetRun run;
    FileIncidents incidents;
    FleetTickets.Receipt bag;
    FleetTickets.Receipt missing1;

    @BeforeAll
    void derive(@TempDir Path tmp) throws Exception {
        sample = FleetTickets.load();
        run = FleetRun.sample();
        Path inc = tmp.resolve("incidents.json");
        Files.writeString(inc, sample.incidentsJson());
        incidents = FileIncidents.load(inc);
        Instant chainFrom = incidents.byId("INC-chain-1").orElseThrow().started();
        Instant chainTo = incidents.byId("INC-chain-1").orElseThrow().resolved();

        missing1 = sample.only(r -> r.outcomes().contains("DeviceNotFound") && r.r().get("status").asText().equals("OK"));
        FleetTickets.Receipt missing2 = sample.only(r -> r.outcomes().contains("DeviceNotFound") && !r.card().equals(missing1.card()) && r.r().get("status").asText().equals("OK"));
        add("T-missing-1", missing1, "points_missing", "phone", "store-missing-in-processing", "store_missing_in_processing", "escalate", 3);
        add("T-missing-2", missing2, "card_problem", "email", "store-missing-in-processing", "store_missing_in_processing", "escalate", 3);
        FleetTickets.Receipt pending = sample.only(r -> r.r().get("pending").asBoolean());
        add("T-offline", pending, "points_missing", "app", "offline-points-delivered", "points_pending_offline", "resolve", null);
        bag = sample.only(r -> r.r().get("bag").asBoolean() && r.accrued() == 0);
        add("T-bag", bag, "points_missing", "chat", "receipt-changed-after-calculation", "receipt_changed_after_calculation", "escalate", 1);
        FleetTickets.Receipt gateway = sample.only(r -> r.outcomes().equals(List.of("HTTP_502")) && !r.closed().isBefore(chainFrom) && r.closed().isBefore(chainTo));
        add("T-gateway", gateway, "points_missing", "phone", "loyalty-failure-during-incident", "loyalty_service_incident", "wait", null);
        FleetTickets.Receipt outage = sample.only(r -> r.store().equals("AX1B") && r.outcomes().contains("TIMEOUT")
                && !incidents.openAt("AX1B", r.closed()).isEmpty());
        add("T-outage", outage, "points_missing", "web", "loyalty-failure-during-incident", "loyalty_service_incident", "wait", null);
        add("T-qr", sample.only(r -> r.outcomes().contains("QrCodeExpired")), "card_problem", "app", "qr-code-expired", "qr_expired", "resolve", null);
        add("T-notfound", sample.only(r -> r.outcomes().contains("CardNotFound")), "card_problem", "phone", "card-not-found", "card_not_found", "resolve", null);
        add("T-blocked", sample.only(r -> r.outcomes().contains("CardBlocked")), "card_problem", "email", "card-blocked", "card_blocked", "escalate", 2);
        FleetTickets.Receipt promo = sample.only(r -> r.outcomes().stream().allMatch("Ok"::equals) && r.r().get("status").asText().equals("OK")
                && r.r().get("promo_positions").asInt() == r.r().get("positions").asInt() && r.accrued() == 0);
        add("T-promo", promo, "points_missing", "chat", "promo-items-no-points", "promo_no_points", "resolve", null);
        // These must reach a person untouched.
        FleetTickets.Receipt plain = sample.only(r -> r.outcomes().stream().allMatch("Ok"::equals) && r.r().get("status").asText().equals("OK")
                && r.r().get("promo_positions").asInt() == 0 && r.accrued() > 0);
        add("T-plain", plain, "points_missing", "phone", null, "unmatched", "none", null);
        FleetTickets.Receipt degraded = sample.only(r -> r.store().equals("17W0") && r.outcomes().equals(List.of("TIMEOUT")) && !r.r().get("pending").asBoolean());
        add("T-degraded", degraded, "points_missing", "phone", null, "unmatched", "none", null);
        add("T-staff", promo, "staff_behaviour", "phone", null, "unmatched", "none", null);
        ObjectNode unknown = sample.ticket("T-unknown-card", plain, "points_missing", "email");
        unknown.put("card", "7000999999999999");
        tickets.add(TicketRequest.fromJson(unknown));
        expected.put("T-unknown-card", java.util.Arrays.asList(null, "data_missing", "none", null));
        // A store's ticket without a card: register, receipt number and date from the receipt.
        String[] id = bag.id().split("/");
        ObjectNode byStore = FleetTickets.JSON.createObjectNode().put("id", "T-store-receipt").put("created", "2026-11-21T09:00:00Z")
                .put("channel", "email").put("store", id[0]).put("register", id[1]).put("receipt", id[3]).put("date", id[4]).put("topic", "points_missing");
        tickets.add(TicketRequest.fromJson(byStore));
        expected.put("T-store-receipt", java.util.Arrays.asList("receipt-changed-after-calculation", "receipt_changed_after_calculation", "escalate", 1));
    }

    private void add(String id, FleetTickets.Receipt r, String topic, String channel, String template, String category, String action, Integer line) {
        tickets.add(TicketRequest.fromJson(sample.ticket(id, r, topic, channel)));
        expected.put(id, java.util.Arrays.asList(template, category, action, line));
    }

    private Orchestrator fed(TicketStore store) {
        Orchestrator o = run.orchestrator(store, incidents, Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC));
        run.feed(o, true);
        return o;
    }

    @Test
    void aDryRunGivesEachTicketItsExactTemplateCategoryActionAndLine() throws Exception {
        try (TicketStore store = TicketStore.inMemory()) {
            Orchestrator o = fed(store);
            Map<String, List<Object>> got = new LinkedHashMap<>();
            for (Decision d : o.dryRun(tickets, TemplateSet.builtin())) {
                got.put(d.ticket(), java.util.Arrays.asList(d.templateName(), d.category(), d.action(), d.line()));
                assertThat(d.reason()).as(d.ticket()).isNotBlank();
            }
            assertThat(got).isEqualTo(expected);
            assertThat(store.tickets()).as("a dry run acts on nothing").isEmpty();
        }
    }

    @Test
    void actingRepliesEscalatesOncePerStoreWaitsAndAuditsEveryStep() throws Exception {
        try (TicketStore store = TicketStore.inMemory()) {
            Orchestrator o = fed(store);
            for (TicketRequest r : tickets) {
                Ticket t = o.submit(r).ticket();
                assertThat(java.util.Arrays.asList(t.template(), t.category(), t.action(), t.line())).as(r.id()).isEqualTo(expected.get(r.id()));
            }
            Ticket m1 = o.ticket("T-missing-1").orElseThrow();
            Ticket m2 = o.ticket("T-missing-2").orElseThrow();
            assertThat(m1.status()).isEqualTo(TicketStatus.ESCALATED);
            assertThat(m2.escalation()).as("one escalation per store").isEqualTo(m1.escalation()).startsWith("ESC-KY9A-");
            assertThat(m2.history()).anyMatch(e -> e.kind().equals("link_escalation"));
            assertThat(store.escalations()).hasSize(1);
            assertThat(store.escalations().get(0).tickets()).containsExactly("T-missing-1", "T-missing-2");
            assertThat(m1.summary()).contains("KY9A").contains("DeviceNotFound").contains("/api/v1/tickets/T-missing-1/export");

            Ticket offline = o.ticket("T-offline").orElseThrow();
            assertThat(offline.status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(offline.replies().get(0).ru()).contains("Баллы уже начислены");

            Ticket gateway = o.ticket("T-gateway").orElseThrow();
            assertThat(gateway.status()).isEqualTo(TicketStatus.WAITING);
            assertThat(gateway.incident()).isEqualTo("INC-chain-1");
            assertThat(gateway.replies()).hasSize(1);

            Ticket promo = o.ticket("T-promo").orElseThrow();
            assertThat(promo.status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(promo.replies().get(0).ru()).contains("по акционной цене").doesNotContain("{");
            assertThat(promo.history()).extracting(e -> e.kind()).containsExactly("received", "matched", "reply", "resolve");
            assertThat(promo.history().get(1).template()).isEqualTo("promo-items-no-points");
            assertThat(promo.history().get(1).facts()).containsKeys("transaction", "promo_positions", "accrued");

            Ticket plain = o.ticket("T-plain").orElseThrow();
            assertThat(plain.status()).isEqualTo(TicketStatus.WITH_PERSON);
            assertThat(plain.replies()).as("untouched").isEmpty();
            assertThat(plain.history()).extracting(e -> e.kind()).containsExactly("received", "to_person");
            assertThat(o.ticket("T-unknown-card").orElseThrow().history().get(1).detail()).contains("no transactions for card *9999");

            // The incidents of that day are over: a re-check resolves the tickets that waited for them.
            o.recheck();
            Ticket after = o.ticket("T-gateway").orElseThrow();
            assertThat(after.status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(after.history()).extracting(e -> e.kind()).containsSubsequence("link_incident", "reply", "wait", "recheck", "reply", "resolve");
            assertThat(o.ticket("T-outage").orElseThrow().incident()).isEqualTo("INC-AX1B-1");

            Map<String, Object> summary = o.summary();
            assertThat(summary.get("tickets")).isEqualTo(tickets.size());
            assertThat(summary.get("escalated")).isEqualTo(new java.util.TreeMap<>(Map.of("1", 2L, "2", 1L, "3", 2L)));
            assertThat(summary.get("to_person")).isEqualTo(4L);
            assertThat(summary.get("auto_resolved")).isEqualTo(6L);
        }
    }

    @Test
    void theOrganizerExportMasksCardsAndCarriesRawAndParsed() throws Exception {
        try (TicketStore store = TicketStore.inMemory()) {
            Orchestrator o = fed(store);
            o.submit(tickets.get(0));
            assertThat(store.export("T-missing-1")).as("attached when escalated").isPresent();
            Map<String, Object> export = o.export("T-missing-1").orElseThrow();
            assertThat(export).isEqualTo(store.export("T-missing-1").orElseThrow());
            String text = FleetTickets.JSON.writeValueAsString(export);
            assertThat(text).doesNotContain(missing1.card()).contains(missing1.card().substring(12)).contains("DeviceNotFound").contains("Receipt opened");
            assertThat(text).contains("\"parsed\"").contains("\"raw\"");
        }
    }

    @Test
    void lostPointsOpenProactiveCasesAndALaterTicketLinksToIt() throws Exception {
        try (TicketStore store = TicketStore.inMemory()) {
            Orchestrator o = fed(store);
            long bags = sample.receipts().stream().filter(r -> r.r().get("bag").asBoolean() && r.accrued() == 0
                    && r.r().get("status").asText().equals("OK")).count();
            long critical = sample.receipts().stream().filter(r -> r.r().get("failed").asBoolean() && r.accrued() == 0
                    && r.r().get("status").asText().equals("OK") && !r.r().get("pending").asBoolean()).count();
            Map<String, Long> kinds = new LinkedHashMap<>();
            for (ProactiveCase c : o.cases()) kinds.merge(c.kind(), 1L, Long::sum);
            assertThat(kinds).containsEntry("confirm_failed_after_bag", bags).containsEntry("critical_failure_with_card", critical)
                    .doesNotContainKey("queue_not_sent_by_day_end");
            ProactiveCase c = o.proactiveCase("C-" + bag.id().replace('/', '_')).orElseThrow();
            assertThat(c.fixEn()).matches(".*credit \\d+\\.\\d\\d points to the card\\.");
            assertThat(c.cardLast4()).isEqualTo(bag.card().substring(12));
            Ticket t = o.submit(tickets.stream().filter(x -> x.id().equals("T-bag")).findFirst().orElseThrow()).ticket();
            assertThat(t.cases()).contains(c.id());
            assertThat(o.proactiveCase(c.id()).orElseThrow().tickets()).containsExactly("T-bag");
        }
    }

    @Test
    void aConfirmStuckInTheOfflineQueueWaitsThenResolvesWhenTheQueueIsSent() throws Exception {
        TicketRequest offline = tickets.stream().filter(x -> x.id().equals("T-offline")).findFirst().orElseThrow();
        try (TicketStore store = TicketStore.inMemory()) {
            Orchestrator o = run.orchestrator(store, incidents, Clock.systemUTC());
            List<FleetRun.Event> queueSends = new ArrayList<>();
            for (FleetRun.Event e : run.events) {
                if (e instanceof FleetRun.Tx tx) o.transaction(tx.t());
                else queueSends.add(e);
            }
            Ticket t = o.submit(offline).ticket();
            assertThat(List.of(t.template(), t.action(), t.status().name())).containsExactly("offline-points-pending", "wait", "WAITING");
            for (FleetRun.Event e : queueSends) {
                FleetRun.Req r = (FleetRun.Req) e;
                o.registerRequest(r.register(), r.request());
            }
            Ticket after = o.ticket(offline.id()).orElseThrow();
            assertThat(after.status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(after.replies()).hasSize(2);
            assertThat(after.replies().get(1).ru()).contains("начислены");
        }
    }

    @Test
    void aConfirmNeverSentByTheEndOfTheDayOpensACaseAndEscalatesItsTicket() throws Exception {
        TicketRequest offline = tickets.stream().filter(x -> x.id().equals("T-offline")).findFirst().orElseThrow();
        try (TicketStore store = TicketStore.inMemory()) {
            Orchestrator o = run.orchestrator(store, incidents, Clock.systemUTC());
            run.feed(o, false);
            o.submit(offline);
            o.recheck();
            assertThat(o.ticket(offline.id()).orElseThrow().status()).as("the store's day has not ended at the last log time").isEqualTo(TicketStatus.WAITING);
            run.watermark.set(Instant.parse("2026-11-21T00:00:00Z"));
            o.recheck();
            Ticket t = o.ticket(offline.id()).orElseThrow();
            assertThat(List.of(t.status().name(), String.valueOf(t.line()))).containsExactly("ESCALATED", "2");
            assertThat(t.summary()).contains("not sent by the end of the store's day").contains("credit");
            assertThat(o.cases()).filteredOn(c -> c.kind().equals("queue_not_sent_by_day_end")).hasSize(
                    (int) sample.receipts().stream().filter(r -> r.r().get("pending").asBoolean()).count());
        }
    }
}
