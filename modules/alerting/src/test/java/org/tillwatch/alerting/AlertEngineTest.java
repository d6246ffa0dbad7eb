package org.tillwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tillwatch.alerting.Fixture.eventually;
import static org.tillwatch.alerting.Fixture.failed;
import static org.tillwatch.alerting.Fixture.ok;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.alerting.Fixture.MutableClock;
import org.tillwatch.alerting.Fixture.Recording;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.StoreRegistry;

class AlertEngineTest {
    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final StoreRegistry registry = StoreRegistry.empty(ZoneId.of("Europe/Moscow"));

    AlertEngine engine(AlertingConfig config) throws Exception {
        AlertEngine e = new AlertEngine(config, registry, dir, clock, new SimpleMeterRegistry(), Duration.ofMillis(10));
        e.start();
        return e;
    }

    static AlertingConfig zeroPending() {
        return AlertingConfig.defaults().withPending(Duration.ZERO, Duration.ofMinutes(5));
    }

    /** A day with an outage from 10:05 to 10:08 (log time), fed long after it happened (the wall clock says 2026-11-22). */
    static void outage(AlertEngine e) {
        for (int m = 0; m < 5; m++) e.receipt(ok("S001", "2026-11-20T10:0" + m + ":00Z"));
        for (int m = 5; m < 8; m++) e.receipt(failed("S001", "2026-11-20T10:0" + m + ":00Z"));
    }

    static void recovery(AlertEngine e) {
        for (String t : new String[]{"10:13:00", "10:15:00", "10:17:00", "10:19:00"}) e.receipt(ok("S001", "2026-11-20T" + t + "Z"));
    }

    @Test
    void anOutageOpensAndResolvesOnLogTimeWithItsImpact() throws Exception {
        Recording hotline = new Recording("test");
        try (AlertEngine e = engine(zeroPending())) {
            e.addNotifier(hotline);
            outage(e);
            Incident open = e.incidents("open", "S001", null).getFirst();
            assertThat(open.kind()).isEqualTo("store_availability");
            assertThat(open.started()).isEqualTo("2026-11-20T10:07:00Z");
            assertThat(open.resolved()).isNull();
            assertThat(e.incidents("all", null, Instant.parse("2026-11-20T10:07:30Z"))).hasSize(1);
            assertThat(e.incidents("all", null, Instant.parse("2026-11-20T10:06:00Z"))).isEmpty();
            recovery(e);
            Incident done = e.incident(open.id());
            assertThat(done.state()).isEqualTo(Incident.IncidentState.RESOLVED);
            // recovery is the first moment with a success and no failure in the last 5 minutes
            assertThat(done.resolved()).isEqualTo("2026-11-20T10:13:00Z");
            assertThat(done.impact().failed()).isEqualTo(3);
            assertThat(e.awaitDelivered(Duration.ofSeconds(5))).isTrue();
            assertThat(hotline.seen()).containsExactly("OPENED store_availability S001", "RESOLVED store_availability S001");
        }
    }

    @Test
    void aFlappingStoreStaysOneIncident() throws Exception {
        try (AlertEngine e = engine(zeroPending())) {
            outage(e);
            // a success, then another failure before recovery held 5 minutes: back to firing, same incident
            e.receipt(ok("S001", "2026-11-20T10:13:00Z"));
            e.receipt(failed("S001", "2026-11-20T10:15:00Z"));
            e.receipt(ok("S001", "2026-11-20T10:21:00Z"));
            e.receipt(ok("S001", "2026-11-20T10:27:00Z"));
            e.receipt(failed("S001", "2026-11-20T10:29:00Z")); // old failures still in the window: no new incident
            assertThat(e.incidents("all", null, null)).hasSize(1);
            assertThat(e.incidents("all", null, null).getFirst().resolved()).isEqualTo("2026-11-20T10:21:00Z");
        }
    }

    @Test
    void aFewRandomFailuresInAQuietHourAreNotAnIncident() throws Exception {
        try (AlertEngine e = engine(zeroPending())) {
            for (int m = 0; m < 60; m += 3) e.receipt(m % 20 == 9 ? failed("S001", at(m)) : ok("S001", at(m)));
            assertThat(e.incidents("all", null, null)).isEmpty();
        }
    }

    private static String at(int minute) {
        return String.format("2026-11-20T10:%02d:00Z", minute);
    }

    @Test
    void stateAndUndeliveredNoticesSurviveARestartWithoutResending() throws Exception {
        Recording other = new Recording("other");
        Recording flaky = new Recording("flaky");
        flaky.failing = true;
        String id;
        try (AlertEngine e = engine(zeroPending())) {
            e.addNotifier(other);
            e.addNotifier(flaky);
            outage(e);
            id = e.incidents("open", null, null).getFirst().id();
            eventually(() -> assertThat(other.seen()).contains("OPENED store_availability S001"));
        }
        Recording other2 = new Recording("other");
        Recording flaky2 = new Recording("flaky");
        try (AlertEngine e = engine(zeroPending())) {
            assertThat(e.incident(id).open()).isTrue();
            e.addNotifier(other2);
            e.addNotifier(flaky2);
            eventually(() -> assertThat(flaky2.seen()).filteredOn(x -> x.endsWith("S001")).containsExactly("OPENED store_availability S001"));
            recovery(e); // the trackers came back too: the same incident resolves
            assertThat(e.awaitDelivered(Duration.ofSeconds(5))).isTrue();
            // "other" had the opening before the restart: only the resolution now (the flaky channel's own incident aside)
            assertThat(other2.seen()).filteredOn(x -> x.endsWith("S001")).containsExactly("RESOLVED store_availability S001");
            assertThat(e.incidents("all", "S001", null)).hasSize(1);
        }
    }

    @Test
    void aChannelThatKeepsFailingRaisesItsOwnIncidentThroughTheOthers() throws Exception {
        Recording email = new Recording("email");
        Recording webhook = new Recording("webhook");
        email.failing = true;
        try (AlertEngine e = engine(zeroPending())) {
            e.addNotifier(email);
            e.addNotifier(webhook);
            outage(e);
            eventually(() -> assertThat(webhook.seen()).contains("OPENED notifier_failing chain"));
            email.failing = false;
            eventually(() -> assertThat(webhook.seen()).contains("RESOLVED notifier_failing chain"));
            eventually(() -> assertThat(email.seen()).contains("OPENED store_availability S001"));
            assertThat(email.seen()).doesNotContain("OPENED notifier_failing chain");
        }
    }

    @Test
    void acknowledgedIncidentsStopRepeatingAndSilencesHoldNoticesBack() throws Exception {
        Recording hotline = new Recording("test");
        try (AlertEngine e = engine(zeroPending())) {
            e.addNotifier(hotline);
            Silence s = e.silence("S002", null, Duration.ofMinutes(90), "duty");
            outage(e);
            for (int m = 5; m < 8; m++) e.receipt(failed("S002", "2026-11-20T10:0" + m + ":30Z"));
            eventually(() -> assertThat(e.incidents("open", null, null)).hasSize(2));
            clock.advance(Duration.ofMinutes(61));
            eventually(() -> assertThat(hotline.seen()).contains("REPEATED store_availability S001"));
            assertThat(hotline.seen()).noneMatch(x -> x.endsWith("S002"));
            String id = e.incidents("open", "S001", null).getFirst().id();
            assertThat(e.acknowledge(id, "Ivan").acknowledgedBy()).isEqualTo("Ivan");
            assertThat(e.incident(id).state()).isEqualTo(Incident.IncidentState.ACKNOWLEDGED);
            int repeats = (int) hotline.seen().stream().filter(x -> x.startsWith("REPEATED") && x.endsWith("S001")).count();
            clock.advance(Duration.ofMinutes(61));
            Thread.sleep(1500);
            assertThat(hotline.seen().stream().filter(x -> x.startsWith("REPEATED") && x.endsWith("S001")).count()).isEqualTo(repeats);
            assertThat(hotline.seen()).contains("ACKNOWLEDGED store_availability S001");
            assertThat(e.silences()).isEmpty(); // two hours went by
            assertThat(e.unsilence(s.id())).isFalse();
        }
    }

    @Test
    void ingestionThatStallsRaisesItsOwnIncidentAndClearsWhenDataComesBack() throws Exception {
        Recording webhook = new Recording("webhook");
        try (AlertEngine e = engine(zeroPending())) {
            e.addNotifier(webhook);
            e.receipt(ok("S001", "2026-11-20T10:00:00Z"));
            clock.advance(Duration.ofMinutes(11)); // no store hours known: a store may be open at any time
            eventually(() -> assertThat(webhook.seen()).contains("OPENED ingest_stall chain"));
            e.receipt(ok("S001", "2026-11-20T10:11:00Z"));
            eventually(() -> assertThat(webhook.seen()).contains("RESOLVED ingest_stall chain"));
        }
    }

    @Test
    void theDailyAllQuietMessageProvesThePathWhenNothingIsOpen() throws Exception {
        Recording hotline = new Recording("email");
        clock.now = Instant.parse("2026-11-22T05:59:00Z"); // 08:59 in Moscow, the registry's default zone
        try (AlertEngine e = engine(zeroPending().withDailyQuiet("09:00"))) {
            e.addNotifier(hotline);
            Thread.sleep(1500);
            assertThat(hotline.seen()).isEmpty();
            clock.advance(Duration.ofMinutes(2));
            eventually(() -> assertThat(hotline.seen()).containsExactly("RESOLVED all_quiet chain"));
            Thread.sleep(1500);
            assertThat(hotline.seen()).hasSize(1); // once a day
        }
    }
}
