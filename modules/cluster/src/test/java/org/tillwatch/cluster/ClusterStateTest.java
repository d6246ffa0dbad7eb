package org.tillwatch.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.alerting.AlertEngine;
import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.alerting.Notifiers;
import org.tillwatch.cluster.alert.ClusterAlerting;
import org.tillwatch.config.ClusterConfig;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.ingest.FleetIngest;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.live.LiveFigures;
import org.tillwatch.live.LiveView;
import org.tillwatch.live.ReceiptFact;
import org.tillwatch.live.StoreStatus;
import org.tillwatch.live.WindowFigures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two collectors' state on a real Kafka (KRaft, in this JVM), each with its internal routes on its own HTTP server:
 * the sample day's transactions produced as ship's assembly would; the alert leader stops after the first part of the
 * day, a third instance joins after the second. Every store's status, the stores and the chain, asked of any running
 * instance, equal the embedded LiveFigures' on the same transactions and expected.json's day figures; the day's alert
 * emails arrive exactly once across the leader changes, and a channel that was down gets every notice once.
 */
class ClusterStateTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static KafkaTestCluster kafka;
    static Vertx vertx;

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

    static Path fleet() {
        return Paths.get(System.getProperty("tillwatch.shared", "../../../shared")).resolve("samples/fleet-small");
    }

    /** One collector's state side: HTTP server with the internal routes, the Streams application, alerting. */
    record Instance(String name, HttpServer server, ClusterState state, ClusterAlerting alerting) implements AutoCloseable {
        LiveView view() {
            return state.view();
        }

        @Override
        public void close() {
            state.close();
            server.close().await();
        }
    }

    /** A channel shared by both instances (one endpoint) that is down until told otherwise, and records what it got. */
    static final class Probe implements Notifier {
        volatile boolean down = true;
        final List<IncidentNotice> got = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void deliver(IncidentNotice notice) throws Exception {
            if (down) throw new java.io.IOException("probe endpoint down");
            got.add(notice);
        }
    }

    private final Probe probe = new Probe();

    private Instance start(String name, CollectorConfig cfg, StoreRegistry registry) throws Exception {
        Router router = Router.router(vertx);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        ClusterAlerting alerting = new ClusterAlerting(() -> {
            List<Notifier> channels = new ArrayList<>(Notifiers.fromConfig(cfg.alerting(), registry, Map.of(), vertx));
            channels.add(probe);
            return channels;
        },
                tmp.resolve(name).resolve("alert"), Clock.systemUTC());
        ClusterState state = new ClusterState(cfg, registry, tmp.resolve(name).resolve("streams"), alerting, null);
        state.routes(vertx).mount(router);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> state.view().watermark()).hasMessageContaining("not started");
        state.start(URI.create("http://127.0.0.1:" + server.actualPort()));
        return new Instance(name, server, state, alerting);
    }

    @Test
    void eitherInstanceAnswersLikeTheEmbeddedFiguresAcrossAFailoverAndAlertsGoOutOnce() throws Exception {
        Path fleet = fleet();
        StoreRegistry registry = StoreRegistry.parse(Files.readString(fleet.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        List<Transaction> day = Collections.synchronizedList(new ArrayList<>());
        new FleetIngest(registry, ReferenceDialect::new, 2, 100).run(fleet.resolve("logs"), day::add);
        List<Transaction> sorted = new ArrayList<>(day);
        sorted.sort(Comparator.comparing(Transaction::closedAt).thenComparing(t -> t.id().toString()));

        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withStoresRegistry(fleet.resolve("stores.csv"))
                .withCluster(new ClusterConfig(kafka.bootstrapServers(), "t11.", 4, 1, "http://127.0.0.1:9200", "tillwatch-tx-", 31, 1, null));
        cfg = cfg.withAlerting(cfg.alerting().withHotline("hotline@example.org").withSmtp("127.0.0.1", mail.getSmtp().getPort()));
        LiveFigures embedded = new LiveFigures(registry, ClusterState.liveConfig(cfg));
        ClusterTopics topics = new ClusterTopics("t11.");

        Instance a = start("a", cfg, registry);
        Instance b = start("b", cfg, registry);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            assertThat(a.state().awaitRunning(Duration.ofSeconds(60))).isTrue();
            assertThat(b.state().awaitRunning(Duration.ofSeconds(60))).isTrue();
            // three parts of the day: an instance stops after the first (the chain incident has just begun), one joins
            // after the second (the degraded store's incident has just begun)
            List<Transaction> first = until(sorted, 0, Instant.parse("2026-11-20T11:05:00Z"));
            List<Transaction> second = until(sorted, first.size(), Instant.parse("2026-11-20T12:40:00Z"));
            List<Transaction> third = sorted.subList(first.size() + second.size(), sorted.size());
            // bad records are skipped, not fatal: not a transaction, one keyed by another store, activity not JSON
            producer.send(new ProducerRecord<>(topics.transactions(), "AX1B", "not a transaction".getBytes()));
            producer.send(new ProducerRecord<>(topics.transactions(), "DY9F", TransactionCodec.encode(
                    first.stream().filter(t -> !t.store().equals("DY9F") && !t.requests().isEmpty()).findFirst().orElseThrow())));
            producer.send(new ProducerRecord<>(topics.activity(), "AX1B", "{\"register\":".getBytes()));
            send(producer, topics, first, embedded);
            // register activity (noise lines): the last entry of each register, a little after its last receipt
            Map<org.tillwatch.domain.model.RegisterKey, Instant> last = new java.util.TreeMap<>();
            for (Transaction t : first) last.merge(t.register(), t.closedAt(), (x, y) -> x.isAfter(y) ? x : y);
            for (var e : last.entrySet()) {
                Instant at = e.getValue().plusSeconds(20);
                String json = "{\"register\":\"" + e.getKey().register() + "\",\"at\":\"" + at + "\"}";
                producer.send(new ProducerRecord<>(topics.activity(), e.getKey().store(), json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                embedded.activity(e.getKey(), at);
            }
            producer.flush();
            awaitSame(embedded, List.of(a, b));
            internalRoutesRejectBadInput(a);

            Instance leader = await("an alert leader", () -> a.alerting().leading() || b.alerting().leading()) && a.alerting().leading() ? a : b;
            Instance other = leader == a ? b : a;
            // standbys: the other instance holds a copy of every partition the leader owns
            java.util.Set<org.apache.kafka.streams.processor.TaskId> standby = new java.util.HashSet<>();
            other.state().streams().metadataForLocalThreads().forEach(t -> t.standbyTasks().forEach(x -> standby.add(x.taskId())));
            java.util.Set<org.apache.kafka.streams.processor.TaskId> owned = new java.util.HashSet<>();
            leader.state().streams().metadataForLocalThreads().forEach(t -> t.activeTasks().forEach(x -> {
                if (x.topicPartitions().stream().anyMatch(tp -> tp.topic().equals(topics.transactions()))) owned.add(x.taskId());
            }));
            assertThat(owned).isNotEmpty();
            assertThat(standby).containsAll(owned);
            // the leader's HTTP side goes first: its stores are answered from the other's standby copies
            leader.server().close().await();
            for (StoreStatus st : embedded.stores()) assertThat(other.view().store(st.store())).as("standby " + st.store()).isEqualTo(st);
            // mid-day: the leader goes; the other holds every store from its standbys and leads alerting
            leader.close();
            // the notices the probe could not take are in the saved state: the new leader delivers them
            probe.down = false;
            send(producer, topics, second, embedded);
            awaitSame(embedded, List.of(other));
            // a third instance joins: tasks (maybe the alert leader's) move to it
            Instance c = start("c", cfg, registry);
            assertThat(c.state().awaitRunning(Duration.ofSeconds(60))).isTrue();
            send(producer, topics, third, embedded);
            awaitSame(embedded, List.of(other, c));

            // a store quiet for a while: its short window is empty, closed by the chain's time, not by its own events
            StoreStatus quiet = other.view().stores().stream().filter(st -> st.lastEvent() != null)
                    .min(Comparator.comparing(StoreStatus::lastEvent)).orElseThrow();
            assertThat(quiet.lastEvent()).isBefore(embedded.watermark().minus(Duration.ofMinutes(5)));
            assertThat(quiet.windows().get(0).loyalty()).isZero();
            assertThat(quiet.windows().get(0).to()).isEqualTo(embedded.watermark().plusMillis(1));

            JsonNode expected = new ObjectMapper().readTree(fleet.resolve("expected.json").toFile()).get("stores");
            for (var e : expected.properties()) {
                StoreStatus s = other.view().store(e.getKey());
                WindowFigures dayWindow = s.windows().get(s.windows().size() - 1);
                assertThat(dayWindow.window()).isEqualTo(Duration.ofDays(1));
                assertThat(dayWindow.loyalty()).as(e.getKey()).isEqualTo(e.getValue().get("loyalty").asLong());
                assertThat(dayWindow.failed()).as(e.getKey()).isEqualTo(e.getValue().get("failed").asLong());
            }

            // Leadership may still move after c joined (Kafka Streams can hand the alert task over in a later
            // rebalance): ask whoever leads at each poll, never an engine captured earlier (a former leader's engine is
            // closed and sees no more facts).
            AlertEngine engine = awaitLeader("the day's incidents", List.of(other, c), e -> e.incidents("all", null, null).size() >= 4
                    && e.incidents("open", null, null).size() == 1);
            System.out.println("ALERT LEADER at the end: " + (other.alerting().engine() == engine ? other.name() : c.name()));
            engine.flush();
            assertThat(engine.awaitDelivered(Duration.ofSeconds(30))).isTrue();
            assertThat(a.alerting().lateReceipts() + b.alerting().lateReceipts() + c.alerting().lateReceipts())
                    .as("receipts that reached the rules out of event order").isZero();
            List<Incident> incidents = engine.incidents("all", null, null).stream()
                    .filter(i -> !i.kind().equals("notifier_failing")).toList();
            engine.incidents("all", null, null).forEach(i -> System.out.println("INCIDENT " + i));
            assertThat(incidents).extracting(i -> i.kind() + " " + i.scope()).containsExactlyInAnyOrder(
                    "store_availability AX1B", "device_missing KY9A", "chain_availability chain", "store_availability 17W0");
            List<String> main = incidents.stream().map(Incident::id).toList();
            // a leader that stepped down hands undelivered notices to the next: wait for the mails, then check them
            await("the day's emails", () -> mailSubjects(main).stream().filter(x -> x.startsWith("[CRITICAL]")).count() >= 4
                    && mailSubjects(main).stream().filter(x -> x.startsWith("[RESOLVED]")).count() >= 3);
            List<String> subjects = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                if (!main.contains(m.getHeader("X-Tillwatch-Incident", null))) continue;
                subjects.add(m.getSubject());
                ids.add(m.getMessageID());
                System.out.println("MAIL " + m.getMessageID() + " " + m.getSubject());
            }
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(subjects).filteredOn(s -> s.startsWith("[CRITICAL]")).hasSize(4);
            assertThat(subjects).filteredOn(s -> s.startsWith("[RESOLVED]")).hasSize(3);
            // the probe: every notice of those incidents once, those of the morning from the new leader's restored outbox
            await("the probe's notices", () -> probe.got.stream().filter(n -> main.contains(n.incident().id())).count() >= 7);
            List<String> probed = probe.got.stream().filter(n -> main.contains(n.incident().id()))
                    .map(n -> n.type() + " " + n.incident().id()).toList();
            System.out.println("PROBE " + probed);
            assertThat(probed).doesNotHaveDuplicates();
            assertThat(probed).filteredOn(n -> n.startsWith("OPENED")).hasSize(4);
            assertThat(probed).filteredOn(n -> n.startsWith("RESOLVED")).hasSize(3);
            other.close();
            c.close();
        }
        Map<String, org.tillwatch.live.StoreWindows> state = new java.util.TreeMap<>();
        org.tillwatch.live.LiveConfig liveConfig = ClusterState.liveConfig(cfg);
        for (Transaction t : sorted) {
            state.computeIfAbsent(t.store(), c -> new org.tillwatch.live.StoreWindows(registry.store(c), liveConfig))
                    .receipt(ReceiptFact.of(t), null);
        }
        state.forEach((code, w) -> System.out.println("STATE BYTES " + code + " " + w.toBytes().length));
    }

    private static List<Transaction> until(List<Transaction> sorted, int from, Instant end) {
        int to = from;
        while (to < sorted.size() && sorted.get(to).closedAt().isBefore(end)) to++;
        return sorted.subList(from, to);
    }

    private static void internalRoutesRejectBadInput(Instance i) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + i.server().actualPort() + InternalLiveRoutes.BASE;
        Map<String, Integer> cases = Map.of(
                "/stores/ax1b", 400,
                "/stores?at=yesterday", 400,
                "/chain?at=2026-11-20T25:00:00Z", 400,
                "/stores/ZZZZ", 404);
        for (var c : cases.entrySet()) {
            var res = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + c.getKey())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(c.getKey() + ": " + res.body()).isEqualTo(c.getValue());
            assertThat(res.body()).contains("\"reason\"");
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, ClusterTopics topics, List<Transaction> batch, LiveFigures embedded)
            throws Exception {
        for (Transaction t : batch) {
            producer.send(new ProducerRecord<>(topics.transactions(), t.store(), TransactionCodec.encode(t)));
            embedded.receipt(ReceiptFact.of(t));
        }
        producer.flush();
    }

    /**
     * Waits until every instance answers every store, the stores and the chain exactly as the embedded figures (the
     * chain's watermark can arrive before a slower partition's last receipts), then asserts it.
     */
    private static void awaitSame(LiveFigures embedded, List<Instance> instances) {
        try {
            await("the cluster to catch up with " + embedded.watermark(), () -> {
                for (Instance i : instances) {
                    if (!i.view().chain().equals(embedded.chain()) || !i.view().stores().equals(embedded.stores())) return false;
                }
                return true;
            });
        } catch (AssertionError e) {
            // fall through: the assertions below say what differs
        }
        for (Instance i : instances) {
            for (StoreStatus s : embedded.stores()) assertThat(i.view().store(s.store())).as(i.name() + " " + s.store()).isEqualTo(s);
            assertThat(i.view().stores()).as(i.name()).isEqualTo(embedded.stores());
            assertThat(i.view().chain()).as(i.name()).isEqualTo(embedded.chain());
            assertThat(i.view().store("ZZZZ")).isNull();
        }
    }

    /** The engine of the instance leading alerting at the moment {@code done} holds for it. */
    private static AlertEngine awaitLeader(String what, List<Instance> instances, java.util.function.Predicate<AlertEngine> done) {
        AlertEngine[] found = new AlertEngine[1];
        await(what, () -> {
            for (Instance i : instances) {
                AlertEngine e = i.alerting().engine();
                try {
                    if (e != null && done.test(e)) {
                        found[0] = e;
                        return true;
                    }
                } catch (RuntimeException stepping) {
                    // this engine is closing (leadership moving): ask again
                }
            }
            return false;
        });
        return found[0];
    }

    private static List<String> mailSubjects(List<String> incidents) {
        List<String> out = new ArrayList<>();
        try {
            for (MimeMessage m : mail.getReceivedMessages()) {
                if (incidents.contains(m.getHeader("X-Tillwatch-Incident", null))) out.add(m.getSubject());
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * Waits on a condition. The bound only matters when the condition never holds: it is generous because a loaded CI
     * machine (2 shared cores) takes several times longer for the same rebalances and catch-up than an idle one.
     */
    private static boolean await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
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

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
