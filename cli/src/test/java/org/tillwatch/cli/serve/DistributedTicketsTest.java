package org.tillwatch.cli.serve;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.cli.replay.ReplaySettings;
import org.tillwatch.cli.replay.Replayer;
import org.tillwatch.collector.Collector;
import org.tillwatch.collector.Serving;
import org.tillwatch.collector.cluster.DistributedCollector;
import org.tillwatch.config.ClusterConfig;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.Security;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.kafka.SampleFleetKafka;
import org.tillwatch.kafka.Topics;
import org.tillwatch.opensearch.OpenSearchTestNode;
import org.tillwatch.orchestrator.Orchestrators;
import org.tillwatch.orchestrator.store.TicketStore;
import org.tillwatch.web.auth.PasswordHasher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orchestrator in distributed mode: one instance ({@code cluster.orchestrator}) reads every assembled transaction
 * and request between receipts from Kafka, the others forward ticket and case routes to it. On the sample day, the
 * proactive cases and the decisions on tickets (posted to the other instance) equal the embedded collector's; a
 * restart of the orchestrator's instance mid-day, and a replay of everything it had read, neither lose nor double a case.
 */
class DistributedTicketsTest {
    static final Map<String, String> ENV = Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void oneOrchestratorForTheClusterDecidesAsTheEmbeddedCollectorAndSurvivesRestarts() throws Exception {
        Path fleet = CollectorRestartTest.fleetRoot();
        Map<String, Object> expected = CollectorRestartTest.expected();
        List<ObjectNode> tickets = tickets(fleet);
        CollectorConfig base = CollectorConfig.defaults().withPort(0).withHost("127.0.0.1").withStoresRegistry(fleet.resolve("stores.csv"));

        // Kafka and OpenSearch start while the embedded collector works.
        java.util.concurrent.CompletableFuture<KafkaTestCluster> kafkaStart = java.util.concurrent.CompletableFuture.supplyAsync(KafkaTestCluster::start);
        java.util.concurrent.CompletableFuture<OpenSearchTestNode> searchStart = java.util.concurrent.CompletableFuture.supplyAsync(OpenSearchTestNode::start);
        try {
            Reference reference = embedded(fleet, expected, tickets, base);
            distributed(reference, expected, tickets, base, kafkaStart.join(), searchStart.join());
        } finally {
            kafkaStart.thenAccept(KafkaTestCluster::close);
            searchStart.thenAccept(OpenSearchTestNode::close);
        }
    }

    /** What the embedded collector gives on the sample day. */
    record Reference(List<JsonNode> cases, Map<String, List<Object>> decisions, List<String> incidents) {
    }

    /** The embedded collector on the sample day: its cases and its decisions are the reference. */
    private Reference embedded(Path fleet, Map<String, Object> expected, List<ObjectNode> tickets, CollectorConfig base) throws Exception {
        List<JsonNode> embeddedCases;
        Map<String, List<Object>> embeddedDecisions;
        List<String> embeddedIncidents;
        try (Collector embedded = Collector.start(base.withDataDir(tmp.resolve("embedded")), ENV)) {
            // The day in log-time order (as the registers wrote it), so the alert engine sees the day's incidents.
            StoreRegistry registry = StoreRegistry.parse(Files.readString(fleet.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
            new Replayer(new ReplaySettings(fleet.resolve("logs"), URI.create("http://127.0.0.1:" + embedded.port()), registry,
                    Double.POSITIVE_INFINITY, 256 * 1024, 4, false, 3, ReplaySettings.DEFAULT_BACKOFF, ReplaySettings.DEFAULT_SLICE,
                    Duration.ofMinutes(5)), new PrintWriter(new StringWriter())).run();
            assertThat(embedded.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
            embedded.alerts().flush();
            await(() -> CollectorRestartTest.figures(get(embedded, "/api/v1/status")).equals(expected) ? true : null,
                    Duration.ofSeconds(90), "embedded figures");
            Thread.sleep(1500); // counted is not yet searchable: the index refreshes every 500 ms
            embedded.orchestrator().recheck();
            embeddedCases = cases(embedded);
            embeddedDecisions = decide(embedded, tickets, () -> embedded.orchestrator().recheck());
            embeddedIncidents = incidents(embedded);
            System.out.println("EMBEDDED INCIDENTS " + embeddedIncidents);
        }
        assertThat(embeddedCases).as("the sample day has proactive cases").isNotEmpty();
        // Offline-queue deliveries come from the requests between receipts, incidents from the alert leader.
        assertThat(embeddedDecisions.values().stream().map(d -> d.get(0)).distinct().toList()).as("templates used")
                .contains("offline-points-delivered", "loyalty-failure-during-incident", "store-missing-in-processing", "promo-items-no-points");
        phase("embedded: " + embeddedCases.size() + " cases, " + embeddedDecisions.size() + " tickets, templates "
                + embeddedDecisions.values().stream().map(d -> d.get(0)).distinct().toList());
        return new Reference(embeddedCases, embeddedDecisions, embeddedIncidents);
    }

    private void distributed(Reference reference, Map<String, Object> expected, List<ObjectNode> tickets, CollectorConfig base,
                             KafkaTestCluster kafka, OpenSearchTestNode search) throws Exception {
        List<JsonNode> embeddedCases = reference.cases();
        Map<String, List<Object>> embeddedDecisions = reference.decisions();
        List<String> embeddedIncidents = reference.incidents();
        ClusterConfig cluster = new ClusterConfig(kafka.bootstrapServers(), "tk.", 4, 1, search.url(), "tk-tx-", 31, 0, null);
        // API tokens on: the support token for this test, a read-only one, and one B alone knows (the instances' own
        // token is derived from the shared card key).
        String support = PasswordHasher.newToken();
        String reader = PasswordHasher.newToken();
        String onlyB = PasswordHasher.newToken();
        List<Security.Token> common = List.of(new Security.Token("support", PasswordHasher.tokenHash(support), "support"),
                new Security.Token("reader", PasswordHasher.tokenHash(reader), "operator"));
        List<Security.Token> withOnlyB = new ArrayList<>(common);
        withOnlyB.add(new Security.Token("only-b", PasswordHasher.tokenHash(onlyB), "support"));
        CollectorConfig configA = base.withDataDir(tmp.resolve("a")).withCluster(cluster.withOrchestrator(true))
                .withSecurity(new Security(Duration.ofMinutes(30), List.of(), common));
        CollectorConfig configB = base.withDataDir(tmp.resolve("b")).withCluster(cluster)
                .withSecurity(new Security(Duration.ofMinutes(30), List.of(), withOnlyB));
        Map<String, String> env = new TreeMap<>(ENV);
        Path tokenFile = java.nio.file.Files.writeString(tmp.resolve("support.token"), support);
        token = support;
        DistributedCollector b = DistributedCollector.start(configB, env, List.of());
        DistributedCollector a = null;
        try {
            assertThat(b.orchestrator()).isNull();
            HttpResponse<String> none = send(b, HttpRequest.newBuilder(uri(b, "/api/v1/tickets")).GET());
            assertThat(none.statusCode()).as("before any instance runs the orchestrator").isEqualTo(503);
            assertThat(JSON.readTree(none.body()).get("error").asText()).isEqualTo("no_orchestrator");
            a = DistributedCollector.start(configA, env, List.of());
            DistributedCollector first = a;
            assertThat(await(() -> statusOf(b, "/api/v1/cases") == 200 ? true : null, Duration.ofSeconds(30), "B forwards to A")).isTrue();
            // The token travels with the request: B checks it, then A checks it again.
            assertThat(raw(b, "GET", "/api/v1/tickets/summary", null, null).statusCode()).isEqualTo(401);
            assertThat(raw(b, "POST", "/api/v1/tickets", reader, tickets.get(0).toString()).statusCode()).isEqualTo(403);
            HttpResponse<String> unknownToA = raw(b, "GET", "/api/v1/tickets/summary", onlyB, null);
            assertThat(unknownToA.statusCode()).isEqualTo(401);
            assertThat(unknownToA.body()).contains("unknown API token");
            Topics topics = new Topics("tk.");
            produce(kafka, topics, 0, SLICES / 2);
            await(() -> first.orchestratorFeed().applied() > 200 ? true : null, Duration.ofSeconds(60), "A's orchestrator reads");

            // The orchestrator's instance stops mid-day: B says so with 503 + Retry-After, then A comes back.
            a.close();
            HttpResponse<String> down = send(b, HttpRequest.newBuilder(uri(b, "/api/v1/tickets/summary")).GET());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).contains("5");
            assertThat(JSON.readTree(down.body()).get("error").asText()).isEqualTo("orchestrator_unreachable");
            String[] cliDown = cli("tickets", "list", "--server", "http://127.0.0.1:" + b.port(), "--token-file", tokenFile.toString());
            assertThat(cliDown[0]).isEqualTo("1");
            assertThat(cliDown[2]).contains("503").contains("does not answer");
            produce(kafka, topics, SLICES / 2, SLICES);
            a = DistributedCollector.start(configA, env, List.of());
            DistributedCollector orchestrating = a;
            await(() -> CollectorRestartTest.figures(get(b, "/api/v1/status")).equals(expected) ? true : null,
                    Duration.ofSeconds(90), "the cluster's figures");
            await(() -> orchestrating.orchestratorFeed().caughtUp() ? true : null, Duration.ofSeconds(60), "A caught up");
            Thread.sleep(1500);
            // Tickets are decided with the incidents the alert leader knows: after a leader change it evaluates the
            // replayed facts again, so wait until it knows the day's incidents, as the embedded engine did.
            List<String> kinds = embeddedIncidents.stream().map(i -> i.substring(0, i.indexOf(' ', i.indexOf(' ') + 1))).sorted().toList();
            await(() -> leaderIncidents(orchestrating, b).stream().map(i -> i.substring(0, i.indexOf(' ', i.indexOf(' ') + 1))).sorted()
                    .toList().equals(kinds) ? true : null, Duration.ofSeconds(60), "the leader knows the day's incidents " + kinds);
            a.orchestrator().recheck();
            assertThat(cases(b)).as("cases, asked through B").isEqualTo(embeddedCases);
            Map<String, List<Object>> decisions = decide(b, tickets, () -> orchestrating.orchestrator().recheck());
            System.out.println("DISTRIBUTED INCIDENTS " + leaderIncidents(a, b));
            for (String id : decisions.keySet()) {
                if (!decisions.get(id).equals(embeddedDecisions.get(id))) {
                    System.out.println("DIFFERS " + id + " " + get(b, "/api/v1/tickets/" + id).path("history"));
                }
            }
            assertThat(decisions).isEqualTo(embeddedDecisions);
            String[] summary = cli("tickets", "summary", "--server", "http://127.0.0.1:" + b.port(), "--json", "--token-file", tokenFile.toString());
            assertThat(summary[0]).as(summary[2]).isEqualTo("0");
            assertThat(send(a, HttpRequest.newBuilder(uri(a, "/metrics")).GET()).body()).contains("tillwatch_orchestrator_caught_up 1.0")
                    .containsPattern("tillwatch_orchestrator_records_total [1-9]").contains("tillwatch_orchestrator_unreadable_records_total 0.0");
            assertThat(JSON.readTree(summary[1]).get("tickets").asInt()).isEqualTo(tickets.size());
            List<JsonNode> after = cases(b);
            phase("distributed equals embedded");

            // A crash after the state but before the positions were stored, at its worst: everything is read again.
            a.close();
            try (TicketStore store = TicketStore.open(tmp.resolve("a").resolve(Orchestrators.STORE_FILE))) {
                Map<String, Long> replay = new TreeMap<>();
                store.positions().keySet().forEach(k -> replay.put(k, 0L));
                assertThat(replay).isNotEmpty();
                store.positions(replay);
            }
            a = DistributedCollector.start(configA, env, List.of());
            DistributedCollector replaying = a;
            await(() -> replaying.orchestratorFeed().caughtUp() && replaying.orchestratorFeed().applied() > 2000 ? true : null,
                    Duration.ofSeconds(60), "A read everything again");
            a.orchestrator().recheck();
            assertThat(cases(b)).as("cases after a replay of everything").isEqualTo(after);
            assertThat(get(b, "/api/v1/tickets/summary").get("tickets").asInt()).isEqualTo(tickets.size());
            for (ObjectNode t : tickets) {
                assertThat(post(b, "/api/v1/tickets", t.toString()).statusCode()).as("same ticket again").isEqualTo(200);
            }
        } finally {
            if (a != null) a.close();
            b.close();
            token = null;
        }
    }

    static final int SLICES = 24;

    /** The registers' files in slices [from, to) of {@value #SLICES}, every register's part of a slice before the next: roughly log-time order. */
    static void produce(KafkaTestCluster kafka, Topics topics, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            SampleFleetKafka.produce(kafka.bootstrapServers(), topics, 64 * 1024, (double) i / SLICES, (double) (i + 1) / SLICES);
        }
    }

    /** One ticket per kind of receipt the day has (by store, outcomes, status, bag, offline, promo), and by card. */
    static List<ObjectNode> tickets(Path fleet) throws Exception {
        JsonNode e = JSON.readTree(fleet.resolve("expected.json").toFile());
        Map<String, JsonNode> kinds = new TreeMap<>();
        e.get("transactions").properties().forEach(p -> {
            JsonNode r = p.getValue();
            String kind = r.get("store").asText() + r.get("outcomes") + r.get("status").asText() + r.get("bag").asBoolean()
                    + r.get("pending").asBoolean() + (r.get("promo_positions").asInt() == r.get("positions").asInt());
            kinds.merge(kind, r, (x, y) -> x.get("id").asText().compareTo(y.get("id").asText()) <= 0 ? x : y);
        });
        List<ObjectNode> out = new ArrayList<>();
        String[] channels = {"phone", "email", "chat", "app", "web"};
        int i = 0;
        for (JsonNode r : kinds.values()) {
            String topic = r.get("outcomes").toString().matches(".*\"(Card|Qr)[A-Za-z]*\".*") ? "card_problem" : "points_missing";
            out.add(JSON.createObjectNode().put("id", "R-" + i).put("created", "2026-11-20T21:00:00Z").put("channel", channels[i % channels.length])
                    .put("topic", topic).put("receipt", r.get("id").asText()));
            i++;
        }
        List<String> cards = new ArrayList<>();
        e.get("cards").fieldNames().forEachRemaining(cards::add);
        for (int c = 0; c < Math.min(6, cards.size()); c++) {
            out.add(JSON.createObjectNode().put("id", "C-" + c).put("created", "2026-11-20T21:00:00Z").put("channel", "phone")
                    .put("topic", "points_missing").put("card", cards.get(c)).put("date", e.get("day").asText()));
        }
        return out;
    }

    /** Each ticket posted, the waiting ones re-checked: id -> [template, category, action, line, status, cases]. */
    static Map<String, List<Object>> decide(Serving s, List<ObjectNode> tickets, Runnable recheck) throws Exception {
        for (ObjectNode t : tickets) {
            HttpResponse<String> r = post(s, "/api/v1/tickets", t.toString());
            assertThat(r.statusCode()).as(t + " -> " + r.body()).isEqualTo(201);
        }
        recheck.run();
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (ObjectNode t : tickets) {
            JsonNode d = get(s, "/api/v1/tickets/" + t.get("id").asText());
            out.put(t.get("id").asText(), List.of(d.path("template").asText(""), d.path("category").asText(""), d.path("action").asText(""),
                    d.path("line").asInt(0), d.path("status").asText(""), d.path("cases").toString()));
        }
        return out;
    }

    static List<JsonNode> cases(Serving s) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        get(s, "/api/v1/cases").get("cases").forEach(out::add);
        return out;
    }

    static List<String> incidents(Serving s) throws Exception {
        List<String> out = new ArrayList<>();
        get(s, "/api/v1/incidents?state=all").get("incidents").forEach(i -> out.add(i.path("kind").asText() + " " + i.path("scope").asText()
                + " " + i.path("started").asText() + ".." + i.path("resolved").asText()));
        return out;
    }

    /** The incidents from whichever instance leads alerting. */
    static List<String> leaderIncidents(Serving... instances) throws Exception {
        for (Serving s : instances) {
            if (statusOf(s, "/api/v1/incidents?state=all") == 200) return incidents(s);
        }
        return List.of();
    }

    /** The CLI in this JVM: [exit code, out, err]. */
    static String[] cli(String... args) {
        picocli.CommandLine cl = org.tillwatch.cli.TillwatchCommand.commandLine();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    static URI uri(Serving s, String path) {
        return URI.create("http://127.0.0.1:" + s.port() + path);
    }

    /** The API token every request of the helpers carries, null for none. */
    static volatile String token;

    static HttpResponse<String> send(Serving s, HttpRequest.Builder req) throws Exception {
        if (token != null) req.header("Authorization", "Bearer " + token);
        return HTTP.send(req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One request with this token (or none) and body (or none). */
    static HttpResponse<String> raw(Serving s, String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri(s, path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) req.header("Content-Type", "application/json");
        if (bearer != null) req.header("Authorization", "Bearer " + bearer);
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode get(Serving s, String path) throws Exception {
        HttpResponse<String> r = send(s, HttpRequest.newBuilder(uri(s, path)).GET());
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static int statusOf(Serving s, String path) throws Exception {
        return send(s, HttpRequest.newBuilder(uri(s, path)).GET()).statusCode();
    }

    static HttpResponse<String> post(Serving s, String path, String body) throws Exception {
        return send(s, HttpRequest.newBuilder(uri(s, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static <T> T await(Callable<T> probe, Duration limit, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                T v = probe.call();
                if (v != null) return v;
            } catch (Exception | AssertionError e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + (last == null ? "" : ": " + last), last);
    }

    private static void phase(String what) {
        System.out.println("PHASE " + java.time.Instant.now() + " " + what);
    }
}
