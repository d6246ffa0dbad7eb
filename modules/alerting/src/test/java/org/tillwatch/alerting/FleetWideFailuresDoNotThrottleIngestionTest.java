package org.tillwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tillwatch.alerting.Fixture.eventually;
import static org.tillwatch.alerting.Fixture.failed;
import static org.tillwatch.alerting.Fixture.ok;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.alerting.Fixture.MutableClock;
import org.tillwatch.alerting.state.Saved;
import org.tillwatch.alerting.state.StateStore;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;

/**
 * At 9,000 registers, alerting throttled ingestion: every released failure re-saved the whole alert state, and the
 * thread doing it held the lock every ingest thread needed to hand over a receipt. Saving now happens per round of
 * released facts, and a receipt is handed over without waiting for a round under way.
 */
class FleetWideFailuresDoNotThrottleIngestionTest {
    static final RegisterKey PROBE = new RegisterKey("ZZZZ", "POS01");

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final StoreRegistry registry = StoreRegistry.empty(ZoneId.of("Europe/Moscow"));
    final AtomicInteger writes = new AtomicInteger();
    /** Saves made by the test's own thread: the rounds it runs (deliveries save on their channels' threads). */
    final AtomicInteger writesHere = new AtomicInteger();
    final Thread testThread = Thread.currentThread();
    final AtomicReference<byte[]> lastSaved = new AtomicReference<>();

    AlertEngine engine(StateStore.Mirror mirror) throws Exception {
        StateStore store = new StateStore(dir, state -> {
            mirror.saved(state);
            lastSaved.set(state);
            writes.incrementAndGet();
            if (Thread.currentThread() == testThread) writesHere.incrementAndGet();
        });
        AlertingConfig config = AlertingConfig.defaults().withPending(Duration.ZERO, Duration.ofMinutes(5));
        AlertEngine e = new AlertEngine(config, registry, store, clock, new SimpleMeterRegistry(), Duration.ofMillis(10));
        e.persistEveryNanos = 0; // a save at the end of every round that changed something: what is bounded is rounds
        // a register still being read holds every later fact back: what the benchmark's probe did to the whole fleet
        e.busyRegisters(PROBE::equals);
        e.start();
        e.activity(PROBE, Instant.parse("2026-11-20T09:59:00Z"));
        return e;
    }

    static String store(int i) {
        return String.format("A%03d", i);
    }

    /** 400 stores with traffic, one in five failing (too few for a chain incident): 80 store incidents. */
    static void fleet(AlertEngine e) {
        for (int s = 0; s < 400; s++) for (int m = 0; m < 5; m++) e.receipt(ok(store(s), "2026-11-20T10:0" + m + ":00Z"));
        for (int s = 0; s < 400; s += 5) for (int m = 5; m < 8; m++) e.receipt(failed(store(s), "2026-11-20T10:0" + m + ":00Z"));
    }

    @Test
    void aBurstOfFailuresAcrossAFleetIsSavedOncePerRoundAndToldOnlyOnceSaved() throws Exception {
        List<String> toldBeforeSaved = new CopyOnWriteArrayList<>();
        Fixture.Recording hotline = new Fixture.Recording("hotline") {
            @Override
            public void deliver(IncidentNotice notice) {
                Saved saved = read(lastSaved.get());
                boolean recorded = saved != null && saved.incidents().stream().anyMatch(i -> i.id().equals(notice.incident().id()));
                if (!recorded) toldBeforeSaved.add(notice.incident().id());
                super.deliver(notice);
            }
        };
        try (AlertEngine e = engine(state -> { })) {
            e.addNotifier(hotline);
            fleet(e);
            assertThat(e.incidents("all", null, null)).as("held back by the probe").isEmpty();
            int writesBefore = writesHere.get();
            long roundsBefore = e.rounds.get();

            e.flush();

            List<Incident> open = e.incidents("open", null, null);
            assertThat(open).hasSize(80).allMatch(i -> i.kind().equals("store_availability"));
            assertThat(open).extracting(Incident::started).containsOnly(Instant.parse("2026-11-20T10:07:00Z"));
            int saves = writesHere.get() - writesBefore;
            long rounds = e.rounds.get() - roundsBefore;
            assertThat(saves).as("state saves for 80 incidents opened in %d rounds", rounds).isBetween(1, (int) rounds);
            assertThat(rounds).isLessThan(open.size());
            assertThat(e.awaitDelivered(Duration.ofSeconds(10))).isTrue();
            assertThat(hotline.seen()).filteredOn(x -> x.startsWith("OPENED store_availability")).hasSize(80);
            assertThat(toldBeforeSaved).as("notices sent before the state recording them was saved").isEmpty();
        }
        // what was saved is what a restart comes back to
        try (AlertEngine e = engine(state -> { })) {
            assertThat(e.incidents("open", null, null)).hasSize(80);
        }
    }

    @Test
    void aReceiptIsHandedOverWithoutWaitingWhileTheStateIsBeingSaved() throws Exception {
        AtomicBoolean blocking = new AtomicBoolean();
        CountDownLatch saving = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        try (AlertEngine e = engine(state -> {
            if (!blocking.get()) return;
            saving.countDown();
            try {
                resume.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        })) {
            fleet(e);
            blocking.set(true);
            CompletableFuture<Void> evaluating = CompletableFuture.runAsync(e::flush, r -> new Thread(r).start());
            assertThat(saving.await(30, TimeUnit.SECONDS)).as("an evaluation got to saving").isTrue();
            try {
                // an ingest thread delivering a receipt and some activity while the state is being saved
                CompletableFuture<Void> ingest = CompletableFuture.runAsync(() -> {
                    e.receipt(ok("B001", "2026-11-20T10:09:00Z"));
                    e.activity(new RegisterKey("B001", "POS02"), Instant.parse("2026-11-20T10:09:30Z"));
                }, r -> new Thread(r).start());
                ingest.get(30, TimeUnit.SECONDS);
                assertThat(evaluating).as("the save is still blocked").isNotDone();
            } finally {
                blocking.set(false);
                resume.countDown();
            }
            evaluating.get(30, TimeUnit.SECONDS);
            e.flush();
            // handed over, not lost: the facts reached the rules' figures
            eventually(() -> assertThat(e.live().store("B001")).isNotNull()
                    .satisfies(s -> assertThat(s.lastEvent()).isEqualTo(Instant.parse("2026-11-20T10:09:30Z"))));
            assertThat(e.incidents("open", null, null)).hasSize(80);
        }
    }

    static Saved read(byte[] state) {
        try {
            return state == null ? null : StateStore.JSON.readValue(state, Saved.class);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
