package org.tillwatch.alerting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tillwatch.alerting.IncidentNotice.Type;
import org.tillwatch.alerting.rules.Rule;
import org.tillwatch.domain.model.Store;

/**
 * The wall-clock side of alerting: repeats, silences running out, and the engine watching itself: ingestion stalled
 * (no data at all while a store is open), the engine not evaluating (log time moved on, rules did not), the data
 * directory out of space (the collector's own check), and the
 * optional daily "all quiet" message that proves the path to the hot-line works.
 */
final class SelfWatch {
    private static final Logger LOG = Logger.getLogger(SelfWatch.class.getName());
    static final String COLLECTOR = "collector";
    /** Steps the watermark may run ahead of the last evaluation before the engine counts as stalled. */
    static final long STEPS_BEHIND = 4;

    private final AlertEngine engine;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-watch");
        t.setDaemon(true);
        return t;
    });
    private LocalDate quietSent;

    SelfWatch(AlertEngine engine) {
        this.engine = engine;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    void tick() {
        try {
            engine.releaseQuiet();
            engine.persistIfDue();
            engine.repeatDue();
            checkStall();
            checkEngine();
            checkDataDir();
            dailyQuiet();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "alert self-monitoring tick failed", e);
        }
    }

    private void checkStall() {
        Instant last = engine.lastData();
        Instant now = engine.clock.instant();
        boolean stalled = last != null && Duration.between(last, now).compareTo(engine.config.stallAfter()) >= 0 && anyStoreOpen(now);
        if (stalled) {
            engine.raiseSelf(Rule.INGEST_STALL, COLLECTOR, "no data for " + Duration.between(last, now).toMinutes() + " min");
        } else if (engine.selfOpen(Rule.INGEST_STALL, COLLECTOR) && last != null
                && Duration.between(last, now).compareTo(engine.config.stallAfter()) < 0) {
            engine.clearSelf(Rule.INGEST_STALL, COLLECTOR);
        }
    }

    private void checkEngine() {
        Instant last = engine.lastEvaluation;
        Instant now = engine.clock.instant();
        boolean behind = engine.stepsBehind() > STEPS_BEHIND && (last == null || Duration.between(last, now).toSeconds() >= 60);
        RuntimeException failure = engine.evaluationFailure;
        if (behind || failure != null) {
            engine.raiseSelf(Rule.ENGINE_STALLED, COLLECTOR, failure != null ? "rules failed: " + failure : "rules not evaluated for a minute");
        } else if (engine.selfOpen(Rule.ENGINE_STALLED, COLLECTOR)) {
            engine.clearSelf(Rule.ENGINE_STALLED, COLLECTOR);
        }
    }

    private void checkDataDir() {
        String problem = engine.dataDirProblem.get();
        if (problem != null) {
            engine.raiseSelf(Rule.DATA_DIR_FULL, COLLECTOR, problem);
        } else if (engine.selfOpen(Rule.DATA_DIR_FULL, COLLECTOR)) {
            engine.clearSelf(Rule.DATA_DIR_FULL, COLLECTOR);
        }
    }

    private boolean anyStoreOpen(Instant now) {
        for (Store s : engine.registry.stores().values()) if (open(s, now)) return true;
        return engine.registry.stores().isEmpty();
    }

    static boolean open(Store s, Instant at) {
        LocalTime opens = s.opens();
        LocalTime closes = s.closes();
        if (opens == null || closes == null || opens.equals(closes)) return true;
        LocalTime t = at.atZone(s.zone()).toLocalTime();
        return opens.isBefore(closes) ? !t.isBefore(opens) && t.isBefore(closes) : !t.isBefore(opens) || t.isBefore(closes);
    }

    /** Once a day at the configured local time, when nothing is open: a resolved {@code all_quiet} notice. */
    private void dailyQuiet() {
        LocalTime at = engine.config.dailyQuietTime();
        if (at == null) return;
        ZonedDateTime now = engine.clock.instant().atZone(engine.registry.defaultZone());
        if (now.toLocalTime().isBefore(at) || now.toLocalDate().equals(quietSent)) return;
        quietSent = now.toLocalDate();
        if (!engine.incidents("open", null, null).isEmpty()) return;
        Instant t = now.toInstant();
        Incident quiet = new Incident("quiet-" + quietSent, "all_quiet", Incident.CHAIN, List.of(), Incident.Severity.WARNING,
                t, t, Incident.IncidentState.RESOLVED, null, null, "Всё спокойно: открытых инцидентов нет / All quiet: no open incidents");
        synchronized (engine.lock) {
            engine.notice(Type.RESOLVED, quiet, null);
            engine.persist();
        }
    }

    void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
