package org.tillwatch.cli.alerts;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.alerting.Incident;
import org.tillwatch.cli.replay.ReplaySettings;
import org.tillwatch.cli.replay.Replayer;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.StoreRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample day replayed at full speed into a real collector: the incidents its scenarios call for, and the emails. */
class SampleDayAlertsTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;

    static Path fleet() {
        return Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
    }

    @Test
    void theSampleDayRaisesExactlyTheIncidentsOfItsScenarios() throws Exception {
        Path fleet = fleet();
        StoreRegistry registry = StoreRegistry.parse(Files.readString(fleet.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(fleet.resolve("stores.csv"));
        cfg = cfg.withAlerting(cfg.alerting().withHotline("hotline@example.org").withSmtp("127.0.0.1", mail.getSmtp().getPort()));
        try (Collector c = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
            ReplaySettings rs = new ReplaySettings(fleet.resolve("logs"), URI.create("http://127.0.0.1:" + c.port()), registry,
                    Double.POSITIVE_INFINITY, 256 * 1024, 4, false, 3, ReplaySettings.DEFAULT_BACKOFF, ReplaySettings.DEFAULT_SLICE,
                    Duration.ofMinutes(5));
            new Replayer(rs, new PrintWriter(new StringWriter())).run();
            assertScenarioIncidents(c, fleet, registry);
        }
    }

    /**
     * Regression: a tailed tree's registers are read one after another, and alerting evaluated each register's whole day
     * before the next one was heard of, so the chain incident became one store's incident and the store outage was lost.
     */
    @Test
    void aTailedSampleDayRaisesTheSameIncidentsAsAReplay() throws Exception {
        Path fleet = fleet();
        StoreRegistry registry = StoreRegistry.parse(Files.readString(fleet.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        Path logs = tmp.resolve("logs");
        try (var files = Files.walk(fleet.resolve("logs"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = logs.resolve(fleet.resolve("logs").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(fleet.resolve("stores.csv")).withLogsRoot(logs);
        cfg = cfg.withAlerting(cfg.alerting().withHotline("hotline@example.org").withSmtp("127.0.0.1", mail.getSmtp().getPort()));
        try (Collector c = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
            assertScenarioIncidents(c, fleet, registry);
        }
    }

    private static void assertScenarioIncidents(Collector c, Path fleet, StoreRegistry registry) throws Exception {
        {
            assertThat(c.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
            Thread.sleep(1500);
            c.alerts().flush();
            assertThat(c.alerts().awaitDelivered(Duration.ofSeconds(30))).isTrue();
            List<Incident> incidents = c.alerts().incidents("all", null, null);
            incidents.forEach(i -> System.out.println("INCIDENT " + i));
            for (MimeMessage m : mail.getReceivedMessages()) System.out.println("MAIL " + m.getSubject());

            JsonNode scenarios = new ObjectMapper().readTree(fleet.resolve("expected.json").toFile()).get("scenarios");
            LocalDate day = LocalDate.parse("2026-11-20");
            // the store outage: its own incident, from its start to (about) its end in log time
            String outage = scenarios.get("store_outage").get("store").asText();
            Instant[] o = local(scenarios.get("store_outage").get("local").asText(), day, registry.store(outage).zone());
            Incident so = only(incidents, "store_availability", outage);
            assertThat(so.started()).isBetween(o[0], o[1]);
            assertThat(so.resolved()).isBetween(o[1], o[1].plus(Duration.ofMinutes(20)));
            // missing in processing all day: open at the end of the day
            String missing = scenarios.get("device_missing").get("store").asText();
            Incident dm = only(incidents, "device_missing", missing);
            assertThat(dm.open()).isTrue();
            // the gateway failure: one chain incident listing the stores, nothing per store for it
            Instant[] g = local(scenarios.get("chain_incident").get("utc").asText(), day, ZoneId.of("UTC"));
            Incident chain = only(incidents, "chain_availability", "chain");
            assertThat(chain.started()).isBetween(g[0], g[1]);
            assertThat(chain.resolved()).isBetween(g[1], g[1].plus(Duration.ofMinutes(20)));
            assertThat(chain.stores()).hasSizeGreaterThanOrEqualTo(3).doesNotContain(scenarios.get("small").get("store").asText());
            // the degraded store: with the defaults (99%, at least 3 failures in 30 min) its worst stretch is an incident
            String degraded = scenarios.get("degraded").get("store").asText();
            Instant[] d = local(scenarios.get("degraded").get("local").asText(), day, registry.store(degraded).zone());
            Incident dg = only(incidents, "store_availability", degraded);
            assertThat(dg.started()).isBetween(d[0], d[1]);
            assertThat(dg.resolved()).isBetween(dg.started(), d[1].plus(Duration.ofMinutes(20)));
            // nothing else: the small store and the healthy ones raise nothing
            assertThat(incidents).hasSize(4);
            // one email per incident opened, one per incident resolved: no email per store for the chain incident
            List<String> subjects = java.util.Arrays.stream(mail.getReceivedMessages()).map(m -> {
                try {
                    return m.getSubject();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(subjects).filteredOn(s -> s.startsWith("[CRITICAL]")).hasSize(4);
            assertThat(subjects).filteredOn(s -> s.startsWith("[RESOLVED]")).hasSize(3);
            // the chain email says where: the stores, each with its page
            MimeMessage chainMail = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return m.getSubject().startsWith("[CRITICAL] Лояльность: сбой по сети");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElseThrow();
            String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(chainMail);
            String subject = chainMail.getSubject();
            assertThat(chain.stores().stream().filter(subject::contains).count()).isGreaterThanOrEqualTo(3);
            assertThat(body).contains("/ui/stores/" + chain.stores().get(0));
        }
    }

    private static Incident only(List<Incident> all, String kind, String scope) {
        List<Incident> found = all.stream().filter(i -> i.kind().equals(kind) && i.scope().equals(scope)).toList();
        assertThat(found).as(kind + " " + scope).hasSize(1);
        return found.get(0);
    }

    private static Instant[] local(String range, LocalDate day, ZoneId zone) {
        String[] p = range.split("-");
        return new Instant[]{day.atTime(LocalTime.parse(p[0])).atZone(zone).toInstant(), day.atTime(LocalTime.parse(p[1])).atZone(zone).toInstant()};
    }
}
