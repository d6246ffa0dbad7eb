package org.tillwatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.alerting.Incident;
import org.tillwatch.cli.replay.ReplaySettings;
import org.tillwatch.cli.replay.Replayer;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.orchestrator.ticket.Ticket;
import org.tillwatch.orchestrator.ticket.TicketStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample day replayed into a real collector whose alert engine raises the scenarios' incidents: tickets about
 * failures during them are linked to the incident the engine opened, and resolve when it is closed; the same
 * tickets imported and dry-run through the CLI against that collector.
 */
class TicketsDuringIncidentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void failuresDuringAnIncidentAreLinkedToItAndResolveWhenItCloses() throws Exception {
        Path fleet = TicketsCommandTest.fleet();
        StoreRegistry registry = StoreRegistry.parse(Files.readString(fleet.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(fleet.resolve("stores.csv"));
        try (Collector c = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
            ReplaySettings rs = new ReplaySettings(fleet.resolve("logs"), URI.create("http://127.0.0.1:" + c.port()), registry,
                    Double.POSITIVE_INFINITY, 256 * 1024, 4, false, 3, ReplaySettings.DEFAULT_BACKOFF, ReplaySettings.DEFAULT_SLICE,
                    Duration.ofMinutes(5));
            new Replayer(rs, new PrintWriter(new StringWriter())).run();
            assertThat(c.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
            Thread.sleep(1500); // searchable after the next refresh
            c.alerts().flush();

            JsonNode expected = JSON.readTree(fleet.resolve("expected.json").toFile());
            String outageStore = expected.get("scenarios").get("store_outage").get("store").asText();
            Incident outage = c.alerts().incidents("all", outageStore, null).stream()
                    .filter(i -> i.kind().equals("store_availability")).findFirst().orElseThrow();
            Incident chain = c.alerts().incidents("all", null, null).stream().filter(i -> i.scope().equals(Incident.CHAIN)).findFirst().orElseThrow();
            assertThat(outage.open()).as("the outage is over by the end of the day").isFalse();

            String[] inOutage = receipt(expected, r -> r.get("store").asText().equals(outageStore) && r.get("outcomes").toString().contains("TIMEOUT")
                    && within(r, outage));
            String[] inChain = receipt(expected, r -> r.get("outcomes").toString().equals("[\"HTTP_502\"]") && within(r, chain)
                    && !r.get("store").asText().equals(outageStore));
            Path file = tmp.resolve("tickets.ndjson");
            Files.writeString(file, ticket("N-1", inOutage) + "\n" + ticket("N-2", inChain) + "\n");

            String server = "http://127.0.0.1:" + c.port();
            Cli dry = Cli.run("tickets", "test", "--templates", "builtin", "--tickets", file.toString(), "--server", server, "--json");
            assertThat(dry.exitCode()).as(dry.err()).isZero();
            for (JsonNode n : JSON.readTree(dry.out())) {
                assertThat(List.of(n.get("template").asText(), n.get("category").asText(), n.get("action").asText()))
                        .containsExactly("loyalty-failure-during-incident", "loyalty_service_incident", "wait");
            }
            assertThat(c.orchestrator().tickets(null, 10)).as("the dry run acted on nothing").isEmpty();

            Cli imp = Cli.run("tickets", "import", file.toString(), "--server", server);
            assertThat(imp.exitCode()).as(imp.err() + imp.out()).isZero();
            Ticket n1 = c.orchestrator().ticket("N-1").orElseThrow();
            Ticket n2 = c.orchestrator().ticket("N-2").orElseThrow();
            assertThat(n1.incident()).isEqualTo(outage.id());
            assertThat(n2.incident()).isEqualTo(chain.id());
            assertThat(n1.status()).isEqualTo(TicketStatus.WAITING);

            // Both incidents are closed in log time: the next re-check resolves the tickets with a follow-up reply.
            c.orchestrator().recheck();
            Ticket after = c.orchestrator().ticket("N-1").orElseThrow();
            assertThat(after.status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(after.replies()).hasSize(2);
            assertThat(after.history()).extracting(e -> e.kind()).containsSubsequence("link_incident", "wait", "recheck", "resolve");
            assertThat(c.orchestrator().ticket("N-2").orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
        }
    }

    private static boolean within(JsonNode r, Incident i) {
        Instant closed = Instant.parse(r.get("closed_utc").asText().replace("+00:00", "Z"));
        return !closed.isBefore(i.started()) && (i.resolved() == null || closed.isBefore(i.resolved()));
    }

    /** {card, transaction id} of the first receipt (by id) that matches. */
    private static String[] receipt(JsonNode expected, Predicate<JsonNode> p) {
        Map<String, String[]> found = new TreeMap<>();
        expected.get("cards").properties().forEach(e -> e.getValue().forEach(r -> {
            if (p.test(r)) found.put(r.get("id").asText(), new String[] {e.getKey(), r.get("id").asText()});
        }));
        assertThat(found).as("the sample has such a receipt").isNotEmpty();
        return new ArrayList<>(found.values()).get(0);
    }

    private static String ticket(String id, String[] receipt) throws Exception {
        String[] p = receipt[1].split("/");
        ObjectNode t = JSON.createObjectNode().put("id", id).put("created", "2026-11-20T18:00:00Z").put("channel", "phone")
                .put("card", receipt[0]).put("store", p[0]).put("register", p[1]).put("receipt", p[3]).put("date", p[4])
                .put("topic", "points_missing");
        return JSON.writeValueAsString(t);
    }
}
