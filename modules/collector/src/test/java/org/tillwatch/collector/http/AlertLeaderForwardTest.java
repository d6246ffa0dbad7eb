package org.tillwatch.collector.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.alerting.AlertEngine;
import org.tillwatch.alerting.Incident;
import org.tillwatch.cluster.ClusterState;
import org.tillwatch.cluster.ClusterTopics;
import org.tillwatch.cluster.alert.ClusterAlerting;
import org.tillwatch.config.ClusterConfig;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.Security;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.ingest.FleetIngest;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.web.auth.Accounts;
import org.tillwatch.web.auth.ApiAuth;
import org.tillwatch.web.auth.PasswordHasher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances' alerting API on a real Kafka (KRaft, in this JVM), each with the real bearer-token check, the real
 * alert routes and the cluster state (whose alert-facts task makes one of them the leader). The sample day's
 * transactions raise the day's incidents at the leader; through a non-leader: incidents listed and read, one
 * acknowledged, a silence created and deleted, each visible in the leader's engine and taking effect once; tokens are
 * checked here and at the leader. The leader's HTTP side stops: 503 with Retry-After; the leader goes: the next one
 * answers through the remaining non-leader, with the acknowledgement kept.
 */
class AlertLeaderForwardTest {
    private static final String SUPPORT = "support-token-0123456789";
    private static final String READER = "reader-token-0123456789";
    /** What every instance derives from the shared card key for its own calls (the UI's, the internal live routes'). */
    private static final String INTERNAL = ClusterState.internalToken(new org.tillwatch.index.CardHasher(
            "the-chain-wide-card-key-0123456789".getBytes(StandardCharsets.US_ASCII)));

    static KafkaTestCluster kafka;
    static Vertx vertx;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeAll
    static void kafka() {
        kafka = KafkaTestCluster.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        if (vertx != null) vertx.close().await();
        if (kafka != null) kafka.close();
    }

    record Instance(String name, URI url, HttpServer server, ClusterState state, ClusterAlerting alerting) implements AutoCloseable {
        @Override
        public void close() {
            state.close();
            server.close().await();
        }
    }

    /** One instance's HTTP side as the collector mounts it: the token check, the alert routes, the cluster's routes. */
    private Instance start(String name, CollectorConfig cfg, StoreRegistry registry) throws Exception {
        // every instance knows the shared tokens; each also knows one token of its own, which the others refuse
        Security security = new Security(Duration.ofMinutes(30), List.of(), List.of(
                new Security.Token("ops", PasswordHasher.tokenHash(SUPPORT), "support"),
                new Security.Token("callcenter", PasswordHasher.tokenHash(READER), "operator"),
                new Security.Token("only-" + name, PasswordHasher.tokenHash(own(name)), "admin")));
        Router router = Router.router(vertx);
        router.route("/api/*").handler(new ApiAuth(new Accounts(security, INTERNAL)));
        ClusterAlerting alerting = new ClusterAlerting(List::of, tmp.resolve(name).resolve("alert"), Clock.systemUTC());
        AlertRoutes routes = new AlertRoutes(vertx, alerting::engine);
        routes.mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        URI url = URI.create("http://127.0.0.1:" + server.actualPort());
        ClusterState state = new ClusterState(cfg, registry, tmp.resolve(name).resolve("streams"), alerting, INTERNAL);
        state.routes(vertx).mount(router);
        router.route().failureHandler(CollectorServer::failure);
        routes.forwardTo(state::alertLeader, () -> url);
        state.start(url);
        return new Instance(name, url, server, state, alerting);
    }

    private static String own(String name) {
        return "own-token-of-" + name + "-0123456789";
    }

    @Test
    void everyInstanceAnswersTheAlertingApiThroughTheLeader() throws Exception {
        Path fleet = Paths.get(System.getProperty("tillwatch.shared", "../../../shared")).resolve("samples/fleet-small");
        StoreRegistry registry = StoreRegistry.parse(Files.readString(fleet.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        List<Transaction> day = Collections.synchronizedList(new ArrayList<>());
        new FleetIngest(registry, ReferenceDialect::new, 2, 100).run(fleet.resolve("logs"), day::add);
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withStoresRegistry(fleet.resolve("stores.csv"))
                .withCluster(new ClusterConfig(kafka.bootstrapServers(), "fwd.", 3, 1, "http://127.0.0.1:9200", "tillwatch-tx-", 31, 1, null));
        ClusterTopics topics = new ClusterTopics("fwd.");

        List<Instance> all = new ArrayList<>();
        for (String n : List.of("a", "b", "c")) all.add(start(n, cfg, registry));
        try {
            for (Instance i : all) assertThat(i.state().awaitRunning(Duration.ofSeconds(90))).isTrue();
            produceDay(topics, day);
            Instance leader = await("a leader with the day's incidents", () -> leaderOf(all) != null
                    && leaderOf(all).alerting().engine().incidents("open", null, null).size() >= 1
                    && leaderOf(all).alerting().engine().incidents("all", null, null).size() >= 3) ? leaderOf(all) : null;
            AlertEngine engine = leader.alerting().engine();
            List<Instance> others = all.stream().filter(i -> i != leader).toList();
            Instance via = others.get(0);
            await("the non-leaders to know the leader", () -> others.stream().allMatch(i -> leader.url().equals(i.state().alertLeader())));

            // reading through a non-leader: the leader's list, one incident, its 404 and 400 passed through
            // the leader may open another incident meanwhile: the list is the leader's at some moment between two reads
            List<String> listedBefore = engine.incidents("all", null, null).stream().map(Incident::id).toList();
            HttpResponse<String> list = call(via, "GET", "/api/v1/incidents?state=all", READER, null);
            List<String> listedAfter = engine.incidents("all", null, null).stream().map(Incident::id).toList();
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            assertThat(list.headers().firstValue(LeaderForward.LEADER)).contains(leader.url().toString());
            List<String> ids = new ArrayList<>();
            JSON.readTree(list.body()).get("incidents").forEach(i -> ids.add(i.get("id").asText()));
            assertThat(ids).doesNotHaveDuplicates().containsAll(listedBefore);
            assertThat(listedAfter).containsAll(ids);
            Incident open = engine.incidents("open", null, null).get(0);
            assertThat(json(call(via, "GET", "/api/v1/incidents/" + open.id(), READER, null), 200).get("scope").asText()).isEqualTo(open.scope());
            json(call(via, "GET", "/api/v1/incidents/inc-999999", READER, null), 404);
            assertThat(json(call(via, "GET", "/api/v1/incidents?state=sideways", READER, null), 400).get("error").asText()).isEqualTo("bad_state");

            // tokens: checked here (none, a reader writing) and at the leader (a token only this instance knows)
            json(call(via, "GET", "/api/v1/incidents", null, null), 401);
            json(call(via, "POST", "/api/v1/incidents/" + open.id() + "/acknowledge", READER, "{\"by\":\"reader\"}"), 403);
            HttpResponse<String> foreign = call(via, "GET", "/api/v1/incidents", own(via.name()), null);
            assertThat(foreign.statusCode()).as("a token the leader does not know").isEqualTo(401);
            assertThat(foreign.headers().firstValue(LeaderForward.LEADER)).contains(leader.url().toString());
            assertThat(call(leader, "GET", "/api/v1/incidents", own(leader.name()), null).statusCode()).isEqualTo(200);
            // the UI's own call (the receipt page's incident links) with the instances' shared internal token
            JsonNode ui = json(call(via, "GET", "/api/v1/incidents?state=open&at=" + open.started(), INTERNAL, null), 200);
            assertThat(ui.get("incidents")).isNotEmpty();

            // acknowledge through a non-leader: the leader's engine has it, once
            JsonNode acked = json(call(via, "POST", "/api/v1/incidents/" + open.id() + "/acknowledge", SUPPORT, "{\"by\":\"duty@chain\"}"), 200);
            assertThat(acked.get("state").asText()).isEqualTo("acknowledged");
            assertThat(engine.incident(open.id()).acknowledgedBy()).isEqualTo("duty@chain");
            json(call(via, "POST", "/api/v1/incidents/" + open.id() + "/acknowledge", SUPPORT, "{}"), 400);

            // a silence through one non-leader, seen through the other, deleted through the first
            JsonNode silence = json(call(via, "POST", "/api/v1/silences", SUPPORT,
                    "{\"store\":\"AX1B\",\"duration\":\"PT1H\",\"by\":\"duty@chain\"}"), 201);
            String sid = silence.get("id").asText();
            assertThat(engine.silences()).extracting(s -> s.id() + " " + s.store() + " " + s.by()).containsExactly(sid + " AX1B duty@chain");
            JsonNode seen = json(call(others.get(1), "GET", "/api/v1/silences", READER, null), 200);
            assertThat(seen.get("silences")).hasSize(1);
            assertThat(seen.get("silences").get(0).get("id").asText()).isEqualTo(sid);
            json(call(via, "POST", "/api/v1/silences", SUPPORT, "{\"duration\":\"PT1H\",\"by\":\"x\"}"), 400);
            assertThat(engine.silences()).hasSize(1);
            assertThat(call(via, "DELETE", "/api/v1/silences/" + sid, SUPPORT, null).statusCode()).isEqualTo(204);
            assertThat(engine.silences()).isEmpty();
            json(call(via, "DELETE", "/api/v1/silences/" + sid, SUPPORT, null), 404);
            // the leader answers itself; a request forwarded once is never forwarded again
            assertThat(call(leader, "GET", "/api/v1/silences", READER, null).headers().firstValue(LeaderForward.LEADER)).isEmpty();
            HttpResponse<String> loop = HTTP.send(request(via, "GET", "/api/v1/incidents", READER, null)
                    .header(LeaderForward.FORWARDED, "http://elsewhere:1").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(loop.statusCode()).isEqualTo(503);
            assertThat(loop.headers().firstValue("Retry-After")).contains("2");

            // the leader's HTTP side goes while it still holds the task: 503, Retry-After, a reason in both languages
            leader.server().close().await();
            HttpResponse<String> gone = call(via, "GET", "/api/v1/incidents", READER, null);
            assertThat(gone.statusCode()).as(gone.body()).isEqualTo(503);
            assertThat(gone.headers().firstValue("Retry-After")).contains("2");
            assertThat(JSON.readTree(gone.body()).get("error").asText()).isEqualTo("leader_unreachable");
            assertThat(JSON.readTree(gone.body()).get("reason").asText()).contains("повторите").contains("ask again");

            // then it goes: during the take-over only 503s with Retry-After or the new leader's answers
            leader.state().close();
            all.remove(leader);
            Map<Integer, Integer> statuses = new TreeMap<>();
            Instance[] next = new Instance[1];
            await("a new leader answering through the other instance", () -> {
                Instance l = leaderOf(others);
                Instance asked = l == null ? via : others.stream().filter(i -> i != l).findFirst().orElseThrow();
                HttpResponse<String> r = call(asked, "GET", "/api/v1/incidents/" + open.id(), READER, null);
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 503) {
                    assertThat(r.headers().firstValue("Retry-After")).as(r.body()).contains("2");
                    return false;
                }
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                if (l == null || !l.url().toString().equals(r.headers().firstValue(LeaderForward.LEADER).orElse(""))) return false;
                next[0] = l;
                return true;
            });
            System.out.println("TAKE-OVER answers by status: " + statuses);
            // the acknowledgement survived the take-over (saved to Kafka before the answer), and writes go to the new leader
            Instance asked = others.stream().filter(i -> i != next[0]).findFirst().orElseThrow();
            JsonNode after = json(call(asked, "GET", "/api/v1/incidents/" + open.id(), READER, null), 200);
            assertThat(after.get("acknowledged_by").asText()).isEqualTo("duty@chain");
            String sid2 = json(call(asked, "POST", "/api/v1/silences", SUPPORT,
                    "{\"kind\":\"device_missing\",\"duration\":\"PT30M\",\"by\":\"night@chain\"}"), 201).get("id").asText();
            assertThat(next[0].alerting().engine().silences()).extracting(s -> s.id()).containsExactly(sid2);
        } finally {
            for (Instance i : all) {
                try {
                    i.close();
                } catch (RuntimeException ignored) {
                    // stopping anyway
                }
            }
        }
    }

    /** Leadership gone between the gate and the engine (or alerting off): 503, Retry-After, both languages. */
    @Test
    void noEngineHereIsA503WithRetryAfter() throws Exception {
        Router router = Router.router(vertx);
        new AlertRoutes(vertx, () -> null).mount(router);
        router.route().failureHandler(CollectorServer::failure);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        try {
            for (String path : List.of("/api/v1/incidents", "/api/v1/silences")) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).contains("2");
                assertThat(JSON.readTree(r.body()).get("reason").asText()).contains("повторите").contains("ask again");
            }
        } finally {
            server.close().await();
        }
    }

    private static Instance leaderOf(List<Instance> instances) {
        for (Instance i : instances) if (i.alerting().engine() != null) return i;
        return null;
    }

    private static void produceDay(ClusterTopics topics, List<Transaction> day) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            Map<RegisterKey, Instant> last = new TreeMap<>();
            day.stream().sorted(java.util.Comparator.comparing(Transaction::closedAt)).forEach(t -> {
                producer.send(new ProducerRecord<>(topics.transactions(), t.store(), TransactionCodec.encode(t)));
                last.merge(t.register(), t.closedAt(), (x, y) -> x.isAfter(y) ? x : y);
            });
            for (var e : last.entrySet()) {
                String json = "{\"register\":\"" + e.getKey().register() + "\",\"at\":\"" + e.getValue().plusSeconds(20) + "\"}";
                producer.send(new ProducerRecord<>(topics.activity(), e.getKey().store(), json.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static HttpRequest.Builder request(Instance i, String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(i.url().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private static HttpResponse<String> call(Instance i, String method, String path, String token, String body) {
        try {
            return HTTP.send(request(i, method, path, token, body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(i.name() + " does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode n = JSON.readTree(r.body());
        if (status >= 400) assertThat(n.get("reason").asText()).isNotBlank();
        return n;
    }

    private static boolean await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                if (done.getAsBoolean()) return true;
            } catch (IllegalStateException e) {
                // moving between instances: ask again
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
