package org.tillwatch.collector.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.config.CollectorConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets through a real collector tailing the sample fleet: taken, decided, acted on and audited over HTTP; metrics
 * at zero before the first ticket; proactive cases; the dry run; bad input refused with a reason; and everything
 * still there after a restart on the same data directory.
 */
class TicketApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff");

    private Collector collector;

    @Test
    void ticketsAreHandledByTemplateOverTheApiAndSurviveARestart(@TempDir Path tmp) throws Exception {
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(SampleFleet.root().resolve("stores.csv")).withLogsRoot(SampleFleet.root().resolve("logs"));
        collector = Collector.start(cfg, ENV);
        try {
            String metrics = text("/metrics");
            assertThat(metrics).contains("tillwatch_tickets_received_total{channel=\"phone\"} 0.0")
                    .contains("tillwatch_tickets_escalated_total{line=\"3\"} 0.0").contains("tillwatch_tickets_auto_resolved_total 0.0")
                    .contains("tillwatch_ticket_first_response_seconds_count 0");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && !CollectorApiTest.figures(get("/api/v1/status")).equals(SampleFleet.expected())) Thread.sleep(200);
            Thread.sleep(1500); // counted is not yet searchable: the index refreshes every 500 ms

            JsonNode cards = JSON.readTree(SampleFleet.root().resolve("expected.json").toFile()).get("cards");
            String[] promo = receipt(cards, r -> r.get("status").asText().equals("OK") && r.get("accrued").asText().equals("0.00")
                    && r.get("promo_positions").asInt() == r.get("positions").asInt() && all(r, "Ok"));
            String[] missing = receipt(cards, r -> r.get("outcomes").toString().contains("DeviceNotFound") && r.get("status").asText().equals("OK"));
            String[] bag = receipt(cards, r -> r.get("bag").asBoolean() && r.get("accrued").asText().equals("0.00"));

            HttpResponse<String> r = post("/api/v1/tickets", ticket("A-1", promo, "points_missing", "phone"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode t = JSON.readTree(r.body());
            assertThat(List.of(t.get("template").asText(), t.get("category").asText(), t.get("action").asText(), t.get("status").asText()))
                    .containsExactly("promo-items-no-points", "promo_no_points", "resolve", "resolved");
            assertThat(t.get("replies").get(0).get("ru").asText()).contains("по акционной цене");
            assertThat(r.body()).doesNotContain(promo[0]).contains("*" + promo[0].substring(12));

            JsonNode esc = JSON.readTree(post("/api/v1/tickets", ticket("A-2", missing, "points_missing", "email")).body());
            assertThat(List.of(esc.get("action").asText(), esc.get("line").asInt(), esc.get("status").asText())).containsExactly("escalate", 3, "escalated");
            assertThat(esc.get("summary").asText()).contains("KY9A").contains("DeviceNotFound");
            JsonNode b = JSON.readTree(post("/api/v1/tickets", ticket("A-3", bag, "points_missing", "chat")).body());
            assertThat(List.of(b.get("category").asText(), b.get("line").asInt())).containsExactly("receipt_changed_after_calculation", 1);
            String caseId = "C-" + bag[1].replace('/', '_');
            assertThat(b.get("cases").toString()).contains(caseId);
            JsonNode c = get("/api/v1/cases/" + caseId);
            assertThat(c.get("kind").asText()).isEqualTo("confirm_failed_after_bag");
            assertThat(c.get("tickets").toString()).contains("A-3");
            assertThat(c.get("fix").get("en").asText()).contains("credit");

            assertThat(post("/api/v1/tickets", ticket("A-1", promo, "points_missing", "phone")).statusCode()).as("same id again").isEqualTo(200);
            HttpResponse<String> bad = post("/api/v1/tickets", "{\"id\":\"B-1\",\"created\":\"2026-11-20T10:00:00Z\",\"channel\":\"phone\",\"topic\":\"points_missing\",\"card\":\"12\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).get("reason").asText()).contains("card must be the loyalty card number");
            assertThat(post("/api/v1/tickets", "not json").statusCode()).isEqualTo(400);
            assertThat(HTTP.send(HttpRequest.newBuilder(uri("/api/v1/tickets/nope")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

            String export = text("/api/v1/tickets/A-2/export");
            assertThat(export).contains("\"raw\"").contains("\"parsed\"").contains("DeviceNotFound").doesNotContain(missing[0]);
            JsonNode summary = get("/api/v1/tickets/summary");
            assertThat(summary.get("tickets").asInt()).isEqualTo(3);
            assertThat(summary.get("auto_resolved").asInt()).isEqualTo(1);
            assertThat(summary.get("escalated").toString()).isEqualTo("{\"1\":1,\"2\":0,\"3\":1}");
            assertThat(get("/api/v1/tickets?status=escalated").get("tickets")).hasSize(2);

            String dry = "{\"templates\":{\"templates\":[{\"name\":\"all-bags\",\"category\":\"bag\",\"when\":{\"transaction\":{\"bag\":true}},"
                    + "\"actions\":[\"resolve\"]}]},\"tickets\":[" + ticket("D-1", bag, "points_missing", "web") + "," + ticket("D-2", promo, "points_missing", "web") + "]}";
            JsonNode results = JSON.readTree(post("/api/v1/tickets/test", dry).body()).get("results");
            assertThat(results.get(0).get("template").asText()).isEqualTo("all-bags");
            assertThat(results.get(1).get("action").asText()).isEqualTo("none");
            assertThat(get("/api/v1/tickets/summary").get("tickets").asInt()).as("a dry run acts on nothing").isEqualTo(3);

            metrics = text("/metrics");
            assertThat(metrics).contains("tillwatch_tickets_received_total{channel=\"phone\"} 1.0")
                    .contains("tillwatch_tickets_escalated_total{line=\"3\"} 1.0").contains("tillwatch_tickets_auto_resolved_total 1.0")
                    .contains("tillwatch_ticket_first_response_seconds_count 3")
                    .contains("tillwatch_proactive_cases_opened_total{kind=\"confirm_failed_after_bag\"}");
            // Every metric the support-tickets dashboard queries is one this collector exposes.
            JsonNode panels = JSON.readTree(Path.of(System.getProperty("user.dir"), "..", "..", "dashboards", "grafana", "dashboards", "support-tickets.json").toFile()).get("panels");
            java.util.Set<String> names = new java.util.TreeSet<>();
            for (JsonNode p : panels) for (JsonNode q : p.get("targets")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("tillwatch_[a-z_]+").matcher(q.get("expr").asText());
                while (m.find()) names.add(m.group());
            }
            assertThat(names).hasSizeGreaterThan(5);
            for (String n : names) assertThat(metrics).as("dashboard metric " + n).containsPattern("(?m)^" + n + "[{ ]");
            JsonNode before = get("/api/v1/tickets/A-2");
            collector.close();
            collector = Collector.start(cfg, ENV);
            assertThat(get("/api/v1/tickets/A-2")).isEqualTo(before);
            assertThat(get("/api/v1/tickets/summary").get("tickets").asInt()).isEqualTo(3);
            assertThat(get("/api/v1/cases/" + caseId).get("tickets").toString()).contains("A-3");
        } finally {
            collector.close();
        }
    }

    private static boolean all(JsonNode r, String outcome) {
        for (JsonNode o : r.get("outcomes")) if (!o.asText().equals(outcome)) return false;
        return true;
    }

    /** {card, transaction id} of the first receipt (by id) that matches. */
    private static String[] receipt(JsonNode cards, Predicate<JsonNode> p) {
        Map<String, String[]> found = new TreeMap<>();
        cards.properties().forEach(e -> e.getValue().forEach(r -> {
            if (p.test(r)) found.put(r.get("id").asText(), new String[] {e.getKey(), r.get("id").asText()});
        }));
        assertThat(found).as("the sample fleet has such a receipt").isNotEmpty();
        return found.values().iterator().next();
    }

    private static String ticket(String id, String[] receipt, String topic, String channel) throws Exception {
        String[] p = receipt[1].split("/");
        ObjectNode t = JSON.createObjectNode().put("id", id).put("created", "2026-11-20T18:00:00Z").put("channel", channel)
                .put("card", receipt[0]).put("store", p[0]).put("register", p[1]).put("receipt", p[3]).put("date", p[4]).put("topic", topic);
        return JSON.writeValueAsString(t);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + collector.port() + path);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String text(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
