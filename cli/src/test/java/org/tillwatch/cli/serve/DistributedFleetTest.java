package org.tillwatch.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.cli.TillwatchCommand;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.opensearch.OpenSearchTestNode;

/**
 * Issue 11, item 5: a real KRaft Kafka and a real OpenSearch node, two {@code tillwatch serve} processes in
 * distributed mode, the sample fleet shipped with {@code tillwatch ship}, one instance killed (SIGKILL) mid-way and
 * started again: the figures of expected.json, the incidents of the day's scenarios with one email each, and every
 * store's status answered alike by both instances.
 */
class DistributedFleetTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;

    static Path fleet() {
        return Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
    }

    @Test
    void twoInstancesAndAKillEndWithTheSampleDaysFiguresAndIncidents() throws Exception {
        Path fleet = fleet();
        StoreRegistry registry = StoreRegistry.parse(Files.readString(fleet.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        Map<String, Object> expected = CollectorRestartTest.expected();
        try (KafkaTestCluster kafka = KafkaTestCluster.start(); OpenSearchTestNode search = OpenSearchTestNode.start()) {
            Map<String, String> env = Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff");
            Path configA = config("a", kafka.bootstrapServers(), search.url(), fleet);
            Path configB = config("b", kafka.bootstrapServers(), search.url(), fleet);
            CollectorProcess a = CollectorProcess.start(tmp, env, "--config", configA.toString());
            try (CollectorProcess b = CollectorProcess.start(tmp, env, "--config", configB.toString())) {
                // The registers write their day (a minute of log time every 30 ms) while `tillwatch ship` tails them.
                Path logs = tmp.resolve("logs");
                GrowingFleet growing = new GrowingFleet(fleet.resolve("logs"), registry, logs);
                Instant t = growing.first().plusSeconds(60);
                growing.writeUpTo(t);
                Process ship = shipProcess(logs, kafka.bootstrapServers(), fleet);
                try {
                    Instant end = growing.last().plusSeconds(1);
                    boolean killed = false;
                    int rounds = 0;
                    while (t.isBefore(end)) {
                        t = t.plusSeconds(60);
                        growing.writeUpTo(t);
                        Thread.sleep(30);
                        // Mid-way through the day, one instance dies without a word.
                        if (!killed && ++rounds % 20 == 0 && receipts(b) > 600) {
                            a.kill();
                            killed = true;
                            phase("killed at log time " + t);
                        }
                    }
                    growing.writeUpTo(end);
                    // Midnight: the registers rotate their logs; the rotated files are complete (their last lines are read).
                    growing.rotate(LocalDate.parse("2026-11-20"));
                    if (!killed) {
                        a.kill();
                        phase("killed at the end of the day");
                    }
                    JsonNode[] last = new JsonNode[1];
                    JsonNode status;
                    try {
                        status = await(() -> {
                            JsonNode s = b.get("/api/v1/status");
                            last[0] = s;
                            return figures(s).equals(expected) ? s : null;
                        }, Duration.ofSeconds(120), "B's figures are expected.json's");
                    } catch (AssertionError e) {
                        throw new AssertionError(e.getMessage() + "\nexpected " + expected + "\nbut was  "
                                + (last[0] == null ? null : figures(last[0])) + "\nmalformed: " + tryGet(b, "/api/v1/malformed")
                                + "\nB: " + b.output().lines().filter(l -> l.contains("WARN") || l.contains("SEVERE") || l.contains("parked")
                                || l.contains("lost")).limit(40).toList());
                    }
                    assertThat(figures(status)).isEqualTo(expected);
                    phase("figures");
                } finally {
                    new ProcessBuilder("kill", "-TERM", Long.toString(ship.pid())).inheritIO().start().waitFor();
                    if (!ship.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) ship.destroyForcibly();
                }
                a.close();
                List<String> lateOnA = a.output().lines().filter(l -> l.contains("late receipt")).toList();
                phase("killed instance: led alerting " + a.output().lines().filter(l -> l.contains("leads alerting now")).count()
                        + " time(s); late receipts logged " + lateOnA.size());
                lateOnA.stream().limit(5).forEach(l -> System.out.println("  " + l));
                try (CollectorProcess again = CollectorProcess.start(tmp, env, "--config", configA.toString())) {
                    for (String store : registry.stores().keySet()) {
                        JsonNode fromA = await(() -> tryGet(again, "/api/v1/stores/" + store), Duration.ofSeconds(60), "A answers " + store);
                        JsonNode fromB = b.get("/api/v1/stores/" + store);
                        assertThat(fromA.get("windows")).as(store).isEqualTo(fromB.get("windows"));
                        assertThat(fromA.get("last_event")).as(store).isEqualTo(fromB.get("last_event"));
                    }
                    assertThat(figures(again.get("/api/v1/status"))).isEqualTo(expected);
                    phase("stores");
                    checkIncidents(List.of(again, b), registry);
                    phase("incidents");
                    queriesAnswerAsEmbedded(again, b, fleet);
                    phase("queries");
                    pushReachesTheIndex(again, b, fleet);
                    phase("push");
                    String metrics = CollectorProcess.HTTP.send(HttpRequest.newBuilder(b.uri("/metrics")).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    assertThat(metrics).contains("tillwatch_assembly_malformed_lines_total", "tillwatch_indexer_parked_total 0.0")
                            .containsPattern("tillwatch_indexer_transactions_total [1-9]");
                }
            } finally {
                a.close();
            }
        }
    }

    /**
     * Push in distributed mode: the same validation, 202 once Kafka has the chunk, and the receipt it carries is
     * assembled and searchable from the other instance.
     */
    /**
     * Item 4 of the scale-out issue: a card's receipts of the day, one receipt in full and the organizer's filters answer
     * from OpenSearch as expected.json says, the same from either instance, with no full payment card number.
     */
    private static void queriesAnswerAsEmbedded(CollectorProcess a, CollectorProcess b, Path fleet) throws Exception {
        JsonNode expected = CollectorProcess.JSON.readTree(fleet.resolve("expected.json").toFile());
        List<String> cards = new ArrayList<>();
        expected.get("cards").fieldNames().forEachRemaining(cards::add);
        for (String card : cards.subList(0, Math.min(8, cards.size()))) {
            java.util.SortedSet<String> want = new java.util.TreeSet<>();
            expected.get("cards").get(card).forEach(t -> want.add(t.get("id").asText()));
            byte[] body = ("{\"card\": \"" + card + "\", \"date\": \"" + expected.get("day").asText() + "\"}").getBytes();
            for (CollectorProcess c : List.of(a, b)) {
                HttpResponse<String> r = post(c, "/api/v1/transactions/search", body, null);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                java.util.SortedSet<String> got = new java.util.TreeSet<>();
                CollectorProcess.JSON.readTree(r.body()).forEach(t -> got.add(t.get("id").asText()));
                assertThat(got).as("card ..." + card.substring(card.length() - 4) + " from port " + c.port).isEqualTo(want);
                assertThat(r.body()).doesNotContain(card);
            }
        }
        String id = expected.get("cards").get(cards.get(0)).get(0).get("id").asText();
        JsonNode one = a.get("/api/v1/transactions/" + id);
        assertThat(one.get("id").asText()).isEqualTo(id);
        assertThat(one.get("transaction").get("raw")).as("the timeline of raw entries").isNotEmpty();
        assertThat(one).isEqualTo(b.get("/api/v1/transactions/" + id));
        for (String store : List.of("AX1B", "URMY")) {
            byte[] filter = ("{\"filter\": {\"store\": \"" + store + "\"}}").getBytes();
            HttpResponse<String> fromA = post(a, "/api/v1/organizer/outcomes", filter, null);
            HttpResponse<String> fromB = post(b, "/api/v1/organizer/outcomes", filter, null);
            assertThat(fromA.statusCode()).as(fromA.body()).isEqualTo(200);
            JsonNode outcomes = CollectorProcess.JSON.readTree(fromA.body());
            JsonNode figures = expected.get("stores").get(store);
            assertThat(outcomes.get("receipts").asLong()).as(store + " receipts in the index")
                    .isEqualTo(figures.get("receipts").asLong() + figures.get("incomplete").asLong());
            assertThat(outcomes).isEqualTo(CollectorProcess.JSON.readTree(fromB.body()));
            HttpResponse<String> page = post(b, "/api/v1/organizer/receipts",
                    ("{\"filter\": {\"store\": \"" + store + "\"}, \"limit\": 500}").getBytes(), null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            for (JsonNode pan : expected.get("full_pans")) assertThat(page.body()).doesNotContain(pan.asText());
        }
    }

    private static void pushReachesTheIndex(CollectorProcess to, CollectorProcess other, Path fleet) throws Exception {
        HttpResponse<String> bad = post(to, "/api/v1/ingest/bad!/POS01", new byte[] {'x'}, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(post(to, "/api/v1/ingest/URMY/POS01", new byte[] {'x'}, "-5").statusCode()).isEqualTo(400);
        List<String> lines = Files.readAllLines(fleet.resolve("logs/URMY/POS01/pos-2026-11-20.log"), java.nio.charset.Charset.forName("windows-1251"));
        byte[] receipt = (String.join("\n", lines.subList(0, 26)) + "\n").getBytes(java.nio.charset.Charset.forName("windows-1251"));
        int half = receipt.length / 2;
        HttpResponse<String> first = post(to, "/api/v1/ingest/URMY/POS09", java.util.Arrays.copyOf(receipt, half), "0");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        HttpResponse<String> second = post(to, "/api/v1/ingest/URMY/POS09", java.util.Arrays.copyOfRange(receipt, half, receipt.length),
                Integer.toString(half));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
        assertThat(CollectorProcess.JSON.readTree(second.body()).get("offset").asLong()).isEqualTo(receipt.length);
        assertThat(to.get("/api/v1/ingest/URMY/POS09").get("offset").asLong()).isEqualTo(receipt.length);
        JsonNode found = await(() -> {
            JsonNode n = tryGet(other, "/api/v1/transactions?store=URMY&register=POS09&limit=5");
            return n != null && n.get("total").asLong() == 1 ? n : null;
        }, Duration.ofSeconds(60), "the pushed receipt is searchable");
        assertThat(found.toString()).contains("URMY/POS09/164/1/2026-11-20");
    }

    private static HttpResponse<String> post(CollectorProcess c, String path, byte[] body, String offset) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(c.uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (offset != null) r.header("X-Tillwatch-Offset", offset);
        return CollectorProcess.HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code tillwatch ship} in its own JVM, tailing the growing tree until stopped. */
    private Process shipProcess(Path logs, String bootstrap, Path fleet) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp", cp,
                "org.tillwatch.cli.TillwatchCommand", "ship", "--logs", logs.toString(), "--kafka", bootstrap,
                "--stores", fleet.resolve("stores.csv").toString(), "--checkpoints", tmp.resolve("ship.json").toString(),
                "--chunk-bytes", "64KiB", "--poll", "100")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("ship.out").toFile()).start();
    }

    private void checkIncidents(List<CollectorProcess> instances, StoreRegistry registry) throws Exception {
        JsonNode scenarios = CollectorProcess.JSON.readTree(fleet().resolve("expected.json").toFile()).get("scenarios");
        List<JsonNode> incidents;
        try {
            incidents = await(() -> {
            for (CollectorProcess c : instances) {
                JsonNode n = tryGet(c, "/api/v1/incidents?state=all");
                if (n != null && n.get("incidents").size() >= 4) {
                    List<JsonNode> all = new ArrayList<>();
                    n.get("incidents").forEach(all::add);
                    return all;
                }
            }
            return null;
        }, Duration.ofSeconds(60), "the alert leader lists the day's incidents");
        } catch (AssertionError e) {
            StringBuilder why = new StringBuilder(e.getMessage()).append("; mails ").append(mail.getReceivedMessages().length);
            for (CollectorProcess c : instances) {
                HttpResponse<String> r = CollectorProcess.HTTP.send(HttpRequest.newBuilder(c.uri("/api/v1/incidents?state=all")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                why.append("\n").append(c.port).append(": ").append(r.statusCode()).append(' ').append(r.body());
                c.output().lines().filter(l -> l.contains("lead") || l.contains("replayed") || l.contains("SEVERE")).limit(20)
                        .forEach(l -> why.append("\n  ").append(l));
                // the leader logs each receipt that reached the rules after a later instant had: the first cause to rule out
                List<String> late = c.output().lines().filter(l -> l.contains("late receipt")).toList();
                why.append("\n  late receipts: ").append(late.size());
                late.stream().limit(15).forEach(l -> why.append("\n  ").append(l));
            }
            throw new AssertionError(why.toString(), e);
        }
        for (CollectorProcess c : instances) {
            List<String> late = c.output().lines().filter(l -> l.contains("late receipt")).toList();
            phase(c.port + ": led alerting " + c.output().lines().filter(l -> l.contains("leads alerting now")).count()
                    + " time(s); late receipts logged " + late.size());
            late.stream().limit(5).forEach(l -> System.out.println("  " + l));
            late.stream().skip(Math.max(5, late.size() - 5)).forEach(l -> System.out.println("  " + l));
        }
        LocalDate day = LocalDate.parse("2026-11-20");
        String outage = scenarios.get("store_outage").get("store").asText();
        Instant[] o = local(scenarios.get("store_outage").get("local").asText(), day, registry.store(outage).zone());
        JsonNode so = only(incidents, "store_availability", outage);
        assertThat(Instant.parse(so.get("started").asText())).isBetween(o[0], o[1]);
        only(incidents, "device_missing", scenarios.get("device_missing").get("store").asText());
        Instant[] g = local(scenarios.get("chain_incident").get("utc").asText(), day, ZoneId.of("UTC"));
        JsonNode chain = only(incidents, "chain_availability", "chain");
        assertThat(Instant.parse(chain.get("started").asText())).isBetween(g[0], g[1]);
        only(incidents, "store_availability", scenarios.get("degraded").get("store").asText());
        assertThat(incidents).hasSize(4);

        await(() -> java.util.Arrays.stream(mail.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count() >= 7 ? true : null, Duration.ofSeconds(60), "7 emails");
        Thread.sleep(2000);
        // A leader killed between delivering a notice and recording it resends it with the same Message-ID.
        Map<String, String> byId = new TreeMap<>();
        for (var m : mail.getReceivedMessages()) byId.put(m.getMessageID(), m.getSubject());
        List<String> subjects = new ArrayList<>(byId.values());
        assertThat(subjects).filteredOn(s -> s.startsWith("[CRITICAL]")).hasSize(4);
        assertThat(subjects).filteredOn(s -> s.startsWith("[RESOLVED]")).hasSize(3);
    }

    /**
     * What embedded mode's status and {@code tillwatch index --json} give for the day: per store receipts, loyalty,
     * failed, incomplete; the chain's outcomes (every request, also those between receipts), tags, malformed lines.
     */
    private static Map<String, Object> figures(JsonNode status) {
        return CollectorRestartTest.figures(status);
    }

    private static void phase(String what) {
        System.out.println("PHASE " + Instant.now() + " " + what);
    }

    private static JsonNode only(List<JsonNode> all, String kind, String scope) {
        List<JsonNode> found = all.stream().filter(i -> i.get("kind").asText().equals(kind) && i.get("scope").asText().equals(scope)).toList();
        assertThat(found).as(kind + " " + scope + " among " + all).hasSize(1);
        return found.get(0);
    }

    private static Instant[] local(String range, LocalDate day, ZoneId zone) {
        String[] p = range.split("-");
        return new Instant[]{day.atTime(LocalTime.parse(p[0])).atZone(zone).toInstant(), day.atTime(LocalTime.parse(p[1])).atZone(zone).toInstant()};
    }

    private Path config(String name, String bootstrap, String opensearch, Path fleet) throws Exception {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, String.join("\n",
                "server: {host: 127.0.0.1}",
                "stores: {registry: " + fleet.resolve("stores.csv").toAbsolutePath() + "}",
                "data: {dir: " + tmp.resolve("data-" + name).toAbsolutePath() + "}",
                "alerting: {hotline: hotline@example.org, smtp-host: 127.0.0.1, smtp-port: " + mail.getSmtp().getPort() + "}",
                "cluster: {kafka-bootstrap: '" + bootstrap + "', opensearch-hosts: '" + opensearch + "', partitions: 4,",
                "          replication: 1, standby-replicas: 1}",
                ""));
        return file;
    }

    private static long receipts(CollectorProcess c) {
        JsonNode s = tryGet(c, "/api/v1/status");
        return s == null ? 0 : s.get("receipts").asLong();
    }

    private static JsonNode tryGet(CollectorProcess c, String path) {
        try {
            HttpResponse<String> r = CollectorProcess.HTTP.send(HttpRequest.newBuilder(c.uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? CollectorProcess.JSON.readTree(r.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static <T> T await(Callable<T> probe, Duration limit, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T v = null;
            try {
                v = probe.call();
            } catch (Exception e) {
                // not yet
            }
            if (v != null && !Boolean.FALSE.equals(v)) return v;
            if (System.nanoTime() > deadline) throw new AssertionError("waited " + limit.toSeconds() + " s for: " + what);
            Thread.sleep(250);
        }
    }
}
