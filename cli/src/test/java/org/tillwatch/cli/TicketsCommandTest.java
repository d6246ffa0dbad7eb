package org.tillwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tillwatch tickets}: the dry run on the sample fleet with the README's example tickets, import and queries on a real collector. */
class TicketsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Paths.get("..", "examples", "tickets", "fleet-small-tickets.ndjson");

    static Path fleet() {
        Path p = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(p), "shared sample fleet not found at " + p);
        return p;
    }

    @Test
    void theDryRunReportsWhatEachExampleTicketWouldGet(@TempDir Path tmp) throws Exception {
        JsonNode scenario = JSON.readTree(fleet().resolve("expected.json").toFile());
        String[] utc = scenario.get("scenarios").get("chain_incident").get("utc").asText().split("-");
        String day = scenario.get("day").asText();
        Path incidents = tmp.resolve("incidents.json");
        Files.writeString(incidents, JSON.writeValueAsString(Map.of("incidents", List.of(Map.of("id", "INC-chain", "kind", "availability",
                "scope", "chain", "stores", List.of(), "started", day + "T" + utc[0] + ":00Z", "resolved", day + "T" + utc[1] + ":00Z",
                "state", "resolved")))));
        Cli r = Cli.run("tickets", "test", "--templates", "builtin", "--tickets", EXAMPLE.toString(), "--logs", fleet().resolve("logs").toString(),
                "--stores", fleet().resolve("stores.csv").toString(), "--incidents", incidents.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<List<Object>> got = new ArrayList<>();
        for (JsonNode n : JSON.readTree(r.out())) {
            assertThat(n.get("reason").asText()).isNotBlank();
            got.add(Arrays.asList(n.get("id").asText(), n.get("template").isNull() ? null : n.get("template").asText(), n.get("category").asText(),
                    n.get("action").asText(), n.get("line").isNull() ? null : n.get("line").asInt()));
        }
        assertThat(got).containsExactly(
                Arrays.asList("S-1", "store-missing-in-processing", "store_missing_in_processing", "escalate", 3),
                Arrays.asList("S-2", "offline-points-delivered", "points_pending_offline", "resolve", null),
                Arrays.asList("S-3", "receipt-changed-after-calculation", "receipt_changed_after_calculation", "escalate", 1),
                Arrays.asList("S-4", "loyalty-failure-during-incident", "loyalty_service_incident", "wait", null),
                Arrays.asList("S-5", "qr-code-expired", "qr_expired", "resolve", null),
                Arrays.asList("S-6", "card-blocked", "card_blocked", "escalate", 2),
                Arrays.asList("S-7", "promo-items-no-points", "promo_no_points", "resolve", null),
                Arrays.asList("S-8", null, "unmatched", "none", null),
                Arrays.asList("S-9", null, "data_missing", "none", null),
                Arrays.asList("S-10", null, "unmatched", "none", null));
    }

    @Test
    void badFlagsAreUsageErrorsAndABadTemplatesFileIsNamed(@TempDir Path tmp) throws Exception {
        assertThat(Cli.run("tickets", "test", "--templates", "builtin").exitCode()).isEqualTo(2);
        Cli both = Cli.run("tickets", "test", "--templates", "builtin", "--tickets", EXAMPLE.toString(), "--logs", "x", "--data", "y");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("exactly one of --logs");
        Path bad = tmp.resolve("t.yaml");
        Files.writeString(bad, "templates:\n  - name: x\n    category: c\n    actions: [{escalate: {line: 7}}]\n");
        Cli r = Cli.run("tickets", "test", "--templates", bad.toString(), "--tickets", EXAMPLE.toString(), "--data", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("template #1 (x)").contains("escalate needs line 1, 2 or 3");
    }

    @Test
    void importSendsEachLineAndListShowAndSummaryReadThemBack(@TempDir Path tmp) throws Exception {
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1");
        try (Collector c = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
            String server = "http://127.0.0.1:" + c.port();
            Path file = tmp.resolve("t.ndjson");
            Files.writeString(file, """
                    {"id":"I-1","created":"2026-11-20T18:00:00Z","channel":"phone","card":"7000123412341234","date":"2026-11-20","topic":"points_missing"}

                    {"id":"I-2","created":"2026-11-20T18:00:00Z","channel":"fax","store":"AX1B","topic":"points_missing"}
                    {"id":"I-3","created":"2026-11-20T18:00:00Z","channel":"phone","topic":"points_missing"}
                    not json
                    """);
            Cli imp = Cli.run("tickets", "import", file.toString(), "--server", server, "--json");
            assertThat(imp.exitCode()).as("two lines refused").isEqualTo(1);
            JsonNode rows = JSON.readTree(imp.out());
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).get("category").asText()).isEqualTo("data_missing");
            assertThat(rows.get(1).get("line").asInt()).isEqualTo(3);
            assertThat(rows.get(2).get("error").asText()).contains("needs a customer card, a store");
            assertThat(rows.get(3).get("error").asText()).contains("not JSON");

            Cli list = Cli.run("tickets", "list", "--server", server);
            assertThat(list.exitCode()).isZero();
            assertThat(list.out()).contains("I-1").contains("I-2").contains("*1234").doesNotContain("7000123412341234");
            Cli show = Cli.run("tickets", "show", "I-1", "--server", server);
            assertThat(show.out()).contains("with_person").contains("to_person").contains("no transactions for card *1234");
            assertThat(Cli.run("tickets", "show", "nope", "--server", server).exitCode()).isEqualTo(1);
            Cli summary = Cli.run("tickets", "summary", "--server", server, "--json");
            JsonNode s = JSON.readTree(summary.out());
            assertThat(s.get("tickets").asInt()).isEqualTo(2);
            assertThat(s.get("to_person").asInt()).isEqualTo(2);
            assertThat(Cli.run("tickets", "cases", "--server", server, "--json").exitCode()).isZero();
        }
    }
}
