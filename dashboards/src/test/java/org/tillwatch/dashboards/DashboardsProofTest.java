package org.tillwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.cli.replay.ReplaySettings;
import org.tillwatch.cli.replay.Replayer;
import org.tillwatch.domain.model.StoreRegistry;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The proof: a real collector fed with the sample fleet, a real Prometheus scraping it every second with the
 * tillwatch rules, and every PromQL query of every Grafana panel and every recording rule answering data.
 *
 * <p>The sample fleet has no declined payment, so one extra register (N4NJ/POS09, in the test resources) pays with
 * the co-branded card and is declined twice (ISO codes 51 and 05): the declines panels then have something to show.
 * The alert rules run too: on the sample day KY9A (missing in processing) must be alerted, the small store not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsProofTest {
    private static final Path RULES = Path.of("prometheus", "tillwatch-rules.yml").toAbsolutePath();
    private static final Path DECLINES = Path.of("src", "test", "resources", "declines", "pos-2026-11-20.log");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPLAY_SECONDS = 6;

    private Collector collector;
    private PrometheusServer prometheus;
    private long startedNanos;

    @BeforeAll
    void feedACollectorAndLetPrometheusScrapeIt(@TempDir Path tmp) throws Exception {
        Path sample = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(sample), "shared sample fleet not found at " + sample);
        Tools.require("prometheus");
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(sample.resolve("stores.csv"));
        collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"));
        Files.createDirectories(tmp.resolve("prometheus"));
        prometheus = PrometheusServer.start(tmp.resolve("prometheus"), "127.0.0.1:" + collector.port(), List.of(RULES));
        startedNanos = System.nanoTime();
        await("the collector scraped", "up{job=\"tillwatch\"} == 1", 20);

        replay(fleetWithDeclines(sample.resolve("logs"), tmp.resolve("logs")), sample.resolve("stores.csv"));

        long closed = 2; // the two receipts of the declines register
        for (JsonNode s : JSON.readTree(sample.resolve("expected.json").toFile()).get("stores")) closed += s.get("receipts").asLong();
        await("every closed receipt scraped", "sum(tillwatch_receipts_total{status=~\"OK|CANCELLED\"}) == " + closed, 90);
        await("availability gauges scraped", "tillwatch_availability_ratio", 20);
        await("declines scraped", "tillwatch_payments_total{tender=\"X5_CARD\",rc=\"51\"}", 20);
        Thread.sleep(3000); // a few more scrapes and rule evaluations after the last change
    }

    /** The sample's log tree plus the declines register, in a copy. */
    private static Path fleetWithDeclines(Path logs, Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(logs.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Path declines = Files.createDirectories(copy.resolve("N4NJ").resolve("POS09"));
        Files.copy(DECLINES, declines.resolve("pos-2026-11-20.log"));
        return copy;
    }

    /**
     * The fleet shipped as registers ship it, in log-time order, the day played in about {@link #REPLAY_SECONDS}
     * seconds with the project's own replayer: each store's series grow across several one-second scrapes, as they
     * would live, rather than appearing at their final values.
     */
    private void replay(Path logs, Path storesCsv) throws Exception {
        StoreRegistry registry = StoreRegistry.parse(Files.readString(storesCsv), ZoneId.of("Europe/Moscow"));
        double speed = Duration.ofHours(20).toSeconds() / (double) REPLAY_SECONDS;
        ReplaySettings settings = new ReplaySettings(logs, URI.create("http://127.0.0.1:" + collector.port()), registry, speed,
                256 * 1024, 4, false, 3, ReplaySettings.DEFAULT_BACKOFF, Duration.ofMinutes(2), Duration.ofMinutes(5));
        new Replayer(settings, new PrintWriter(Writer.nullWriter())).run();
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) prometheus.close();
        if (collector != null) collector.close();
    }

    @Test
    void everyGrafanaPanelQueryReturnsData() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (GrafanaDashboard d : GrafanaDashboard.all()) {
            // needs tickets to show anything: SupportTicketsDashboardTest (collector module) posts them and runs its queries
            if (d.uid().equals("tillwatch-tickets")) continue;
            List<Map<String, String>> bindings = bindings(d);
            assertThat(bindings).as("variable values of " + d.title()).isNotEmpty();
            for (GrafanaDashboard.Target t : d.targets()) {
                checked++;
                String outcome = "no data for any value of the variables " + bindings;
                for (Map<String, String> b : bindings) {
                    String expr = GrafanaDashboard.substitute(t.expr(), b);
                    JsonNode data = t.instant() ? prometheus.query(expr) : prometheus.queryRange(expr, rangeSeconds());
                    if (hasNumber(data)) {
                        outcome = null;
                        break;
                    }
                }
                if (outcome != null) failures.add(d.title() + " / " + t.panel() + ": " + t.expr() + " -> " + outcome);
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(40);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyRecordingRuleIsLoadedHealthyAndReturnsData() throws Exception {
        List<String> records = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        for (JsonNode g : file.get("groups")) {
            for (JsonNode r : g.get("rules")) {
                if (r.has("record")) records.add(r.get("record").asText() + "\t" + r.get("expr").asText());
                else alerts.add(r.get("alert").asText());
            }
        }
        assertThat(records).hasSizeGreaterThanOrEqualTo(10);

        Set<String> healthy = new HashSet<>();
        for (JsonNode g : prometheus.api("/api/v1/rules").get("groups")) {
            for (JsonNode r : g.get("rules")) {
                assertThat(r.get("health").asText()).as(r.get("name").asText() + " " + r.path("lastError").asText()).isEqualTo("ok");
                healthy.add(r.get("name").asText());
            }
        }
        assertThat(healthy).containsAll(alerts);

        List<String> failures = new ArrayList<>();
        for (String rec : records) {
            String name = rec.substring(0, rec.indexOf('\t'));
            String expr = rec.substring(rec.indexOf('\t') + 1);
            assertThat(healthy).contains(name);
            if (!hasNumber(prometheus.queryRange(name, rangeSeconds()))) failures.add("recorded series " + name + " has no data");
            if (!hasNumber(prometheus.queryRange(expr, rangeSeconds()))) failures.add(name + " expression has no data: " + expr);
        }
        assertThat(failures).isEmpty();
    }

    /**
     * The Zabbix template's Prometheus patterns are PromQL selectors: each one selects series of the collector for
     * some real store in {#STORE}. Where absence is a normal state (an availability ratio below the minimum volume,
     * an error count with a custom value of 0 when no such error happened) only the metric must exist.
     */
    @Test
    void zabbixPatternsSelectTheCollectorsSeries() throws Exception {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("zabbix", "tillwatch_template.yaml").toFile())
                .get("zabbix_export").get("templates").get(0);
        Map<String, String> macros = new LinkedHashMap<>();
        template.get("macros").forEach(m -> macros.put(m.get("macro").asText(), m.get("value").asText()));
        List<JsonNode> steps = new ArrayList<>();
        template.findValues("preprocessing").forEach(list -> list.forEach(steps::add));
        List<String> stores = new ArrayList<>();
        for (JsonNode s : prometheus.query("tillwatch_store_info").get("result")) stores.add(s.get("metric").get("store").asText());
        assertThat(stores).hasSize(6);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (JsonNode step : steps) {
            String type = step.get("type").asText();
            if (!type.equals("PROMETHEUS_PATTERN") && !type.equals("PROMETHEUS_TO_JSON")) continue;
            checked++;
            String pattern = step.get("parameters").get(0).asText();
            for (Map.Entry<String, String> m : macros.entrySet()) pattern = pattern.replace(m.getKey(), m.getValue());
            assertThat(pattern).as("a macro without a default").doesNotContain("{$");
            String name = pattern.contains("{") ? pattern.substring(0, pattern.indexOf('{')) : pattern;
            boolean mayBeAbsent = name.endsWith("_availability_ratio") || "CUSTOM_VALUE".equals(step.path("error_handler").asText());
            boolean found = false;
            for (String store : stores) {
                String selector = mayBeAbsent ? name : pattern.replace("{#STORE}", store);
                if (!prometheus.query(selector).get("result").isEmpty()) {
                    found = true;
                    break;
                }
            }
            if (!found) failures.add(pattern);
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        assertThat(failures).isEmpty();
    }

    @Test
    void alertsMatchTheSampleDay() throws Exception {
        // KY9A's registers are missing in processing all day; N4NJ is a small store, below the minimum volume.
        Set<String> device = stores(prometheus.query("ALERTS{alertname=\"TillwatchDeviceMissingInProcessing\"}"));
        assertThat(device).containsExactly("KY9A");
        Set<String> low = stores(prometheus.query("ALERTS{alertname=\"TillwatchStoreAvailabilityLow\"}"));
        assertThat(low).contains("KY9A", "AX1B").doesNotContain("N4NJ");
        assertThat(prometheus.query("ALERTS{alertname=\"TillwatchCollectorDown\"}").get("result")).isEmpty();
    }

    private static Set<String> stores(JsonNode data) {
        Set<String> out = new TreeSet<>();
        for (JsonNode s : data.get("result")) out.add(s.get("metric").path("store").asText());
        return out;
    }

    /** Every combination of real values of the dashboard's variables: "All" for multi-value ones. */
    private List<Map<String, String>> bindings(GrafanaDashboard d) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (GrafanaDashboard.Variable v : d.variables()) {
            if (!v.type().equals("query")) continue;
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> b : out) {
                List<String> values = new ArrayList<>();
                if (v.includeAll()) {
                    values.add(v.allValue());
                } else {
                    String[] q = GrafanaDashboard.labelValuesQuery(GrafanaDashboard.substitute(v.query(), b));
                    for (JsonNode s : prometheus.query(q[0]).get("result")) values.add(s.get("metric").get(q[1]).asText());
                }
                for (String value : values) {
                    Map<String, String> nb = new LinkedHashMap<>(b);
                    nb.put(v.name(), value);
                    next.add(nb);
                }
            }
            out = next;
        }
        return out;
    }

    private int rangeSeconds() {
        return (int) TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos) + 5;
    }

    /** A vector or matrix with at least one sample that is a number (NaN is no data on a dashboard). */
    private static boolean hasNumber(JsonNode data) {
        for (JsonNode series : data.get("result")) {
            if (series.has("value") && number(series.get("value"))) return true;
            for (JsonNode v : series.path("values")) if (number(v)) return true;
        }
        return false;
    }

    private static boolean number(JsonNode pair) {
        String v = pair.get(1).asText();
        return !v.equals("NaN") && !v.endsWith("Inf");
    }

    private void await(String what, String promql, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!prometheus.query(promql).get("result").isEmpty()) return;
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what + " (" + promql + ")");
    }
}
