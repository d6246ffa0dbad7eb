package org.tillwatch.alerting;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.tillwatch.alerting.IncidentNotice.Type;
import org.tillwatch.alerting.delivery.Outbox;
import org.tillwatch.alerting.rules.Evaluator;
import org.tillwatch.alerting.rules.Rule;
import org.tillwatch.alerting.rules.RuleKey;
import org.tillwatch.alerting.rules.Signal;
import org.tillwatch.alerting.rules.Tracker;
import org.tillwatch.alerting.state.IncidentBook;
import org.tillwatch.alerting.state.Saved;
import org.tillwatch.alerting.state.StateStore;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.live.LiveConfig;
import org.tillwatch.live.LiveFigures;
import org.tillwatch.live.ReceiptFact;
import org.tillwatch.live.StoreStatus;

/**
 * The alert engine. Fed what ingestion yields ({@link #receipt}, {@link #activity}), it keeps its own live figures
 * and evaluates the rules each time log time (the watermark) crosses a step of {@code evaluate-every} (and at each
 * failure), in log-time order: so a replay at any speed raises the same incidents at the same log-time instants as
 * live. The work runs in rounds on the ingest thread that released the facts, unless another thread is at it: then
 * that thread takes them over ({@link Handoff}), so ingestion never waits for rules or for saving. Incidents and
 * notices are persisted in {@code <data>/alerting/state.json} before anyone is told (at most once per round and per
 * {@link #PERSIST_EVERY}: the whole state is rewritten each time); notices go to every registered {@link Notifier}
 * through the {@link Outbox}. Thread-safe.
 */
public final class AlertEngine implements Closeable {
    private static final Logger LOG = Logger.getLogger(AlertEngine.class.getName());
    /** A changed state is saved at the end of a round, unless the last save is more recent than this (then later). */
    static final Duration PERSIST_EVERY = Duration.ofSeconds(1);
    /** Facts released per round at most: a long backlog is evaluated in rounds, saved in between. */
    static final int ROUND = 10_000;
    /** Facts released at a time, between looks at the deadline. */
    static final int BATCH = 256;
    /** How long an ingest thread works off rounds per fact it hands over; the watch thread does the rest each second. */
    static final long INGEST_BUDGET_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20);

    final Object lock = new Object();
    final AlertingConfig config;
    final StoreRegistry registry;
    final Clock clock;
    private final LiveFigures live;
    private final Evaluator evaluator;
    private final StateStore store;
    private final IncidentBook book;
    private final Map<RuleKey, Tracker> trackers = new TreeMap<>();
    private final List<Silence> silences = new ArrayList<>();
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Totals totals = new Totals();
    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();
    private final Outbox outbox;
    private final SelfWatch watch;
    private final Folding folding;
    /** Notices created since the last save: they reach the outbox once the state holding them is on disk. */
    private final List<Saved.Pending> staged = new ArrayList<>();
    private final long stepMs;
    private volatile long lastStep;
    private volatile boolean started;
    private final Handoff handoff = new Handoff(this::round);
    /** Rounds run (tests). */
    final java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();
    volatile long persistEveryNanos = PERSIST_EVERY.toNanos();
    /** The state changed since it was last saved. Guarded by {@link #lock}, as is {@link #lastWrite}. */
    private boolean dirty;
    private long lastWrite = System.nanoTime() - Duration.ofHours(1).toNanos();
    private final EventOrder order = new EventOrder(Duration.ofSeconds(1));
    private long nextSequence;
    private long nextSilence;
    private volatile Instant lastData;
    volatile java.util.function.Supplier<String> dataDirProblem = () -> null;
    volatile Instant lastEvaluation;
    volatile RuntimeException evaluationFailure;
    private final Counter evaluations;
    private final MeterRegistry meters;

    public AlertEngine(AlertingConfig config, StoreRegistry registry, Path dataDir, Clock clock, MeterRegistry meters,
                       Duration firstBackoff) throws IOException {
        this(config, registry, new StateStore(dataDir), clock, meters, firstBackoff);
    }

    /** @param store where the state is read from and saved to (a cluster's leader mirrors it to Kafka) */
    public AlertEngine(AlertingConfig config, StoreRegistry registry, StateStore store, Clock clock, MeterRegistry meters,
                       Duration firstBackoff) throws IOException {
        this.config = config;
        this.registry = registry;
        this.clock = clock;
        this.meters = meters;
        this.live = new LiveFigures(registry, new LiveConfig(Evaluator.windows(config), 1, config.registerSilence(), 64));
        this.evaluator = new Evaluator(config);
        this.store = store;
        this.stepMs = config.evaluateEvery().toMillis();
        Saved saved = store.read();
        this.book = new IncidentBook(saved.incidents(), saved.nextIncident());
        saved.trackers().forEach((k, t) -> {
            RuleKey key = parseKey(k);
            if (key != null) trackers.put(key, t); // a TreeMap takes no null key: skip rules this version does not know
        });
        silences.addAll(saved.silences());
        lastSent.putAll(saved.lastSent());
        this.nextSequence = saved.nextSequence();
        this.nextSilence = saved.nextSilence();
        this.lastStep = saved.lastStep() == null ? Long.MIN_VALUE : Math.floorDiv(saved.lastStep().toEpochMilli(), stepMs);
        this.outbox = new Outbox(saved.outbox(), firstBackoff, Duration.ofMinutes(1), new DeliveryWatch(this, meters));
        this.evaluations = Counter.builder("tillwatch.alert.evaluations").description("Rule evaluations (log-time steps)").register(meters);
        Gauge.builder("tillwatch.alert.outbox", outbox, o -> o.snapshot().size()).description("Notices not yet accepted by every channel").register(meters);
        Gauge.builder("tillwatch.alert.open.incidents", this, e -> e.incidents("open", null, null).size())
                .description("Incidents open or acknowledged").register(meters);
        this.watch = new SelfWatch(this);
        this.folding = new Folding(config, book, trackers, this::notice);
    }

    private static RuleKey parseKey(String k) {
        int slash = k.indexOf('/');
        Rule r = slash < 0 ? null : Rule.ofKind(k.substring(0, slash));
        return r == null ? null : new RuleKey(r, k.substring(slash + 1));
    }

    /** The engine's own live figures, so the collector can rebuild them from the index after a restart. */
    public LiveFigures live() {
        return live;
    }

    /** The windows the engine's live figures keep. */
    public List<Duration> windows() {
        return Evaluator.windows(config);
    }

    public AlertingConfig config() {
        return config;
    }

    /** Registers a channel; it gets every notice created from now on (and any of its own left in the outbox). */
    public void addNotifier(Notifier notifier) {
        notifiers.add(notifier);
        outbox.start(notifier);
    }

    public List<String> notifierNames() {
        return notifiers.stream().map(Notifier::name).toList();
    }

    /** Registers whose stream the collector is still reading hold the others back however long that takes. */
    public void busyRegisters(java.util.function.Predicate<RegisterKey> busy) {
        order.busy(busy);
    }

    /** The same, as one probe per register (asked often: the probe keeps what it needs rather than look it up). */
    public void busyProbes(java.util.function.Function<RegisterKey, java.util.function.BooleanSupplier> probes) {
        order.busyProbes(probes);
    }

    /** What is wrong with the collector's data directory (null when nothing): raises a {@code data_dir_full} incident. */
    public void dataDirectory(java.util.function.Supplier<String> problem) {
        dataDirProblem = problem;
    }

    /** Starts evaluating (after the collector rebuilt the live figures) and the wall-clock watch. */
    public void start() {
        started = true;
        watch.start();
        progress();
    }

    // ---- feed -------------------------------------------------------------------------------------------------

    public void receipt(ReceiptFact f) {
        order.add(f.registerKey(), f.closedAt(), f);
        lastData = clock.instant();
        handoff.request(false, INGEST_BUDGET_NANOS);
    }

    /** The register's entries are about to be read: facts are held back until it is heard from or goes quiet. */
    public void expect(RegisterKey register) {
        order.expect(register);
    }

    public void activity(RegisterKey register, Instant eventTime) {
        order.add(register, eventTime, null);
        lastData = clock.instant();
        handoff.request(false, INGEST_BUDGET_NANOS);
    }

    /**
     * Releases everything held back, whatever the registers' progress, and evaluates it; waits for a round under way on
     * another thread, so that on return everything fed before was evaluated.
     */
    public void flush() {
        handoff.await(true);
        persistIfDue();
    }

    /** Releases what is ready, in log-time order, evaluating at each step on the way; saves a changed state. */
    private boolean round(boolean all, long deadline) {
        try {
            List<EventOrder.Fact> facts;
            int batch = deadline == Long.MAX_VALUE ? ROUND : BATCH;
            do {
                facts = order.ready(all, batch);
                for (EventOrder.Fact f : facts) {
                    if (f.receipt() == null) {
                        live.activity(f.register(), f.at());
                    } else {
                        live.receipt(f.receipt());
                        totals.count(f.receipt());
                    }
                    // a failure may make a rule true now: do not wait for the next step (still decided by data, not by the clock)
                    maybeEvaluate(f.receipt() != null && !f.receipt().errorOutcomes().isEmpty() ? f.receipt().store() : null);
                }
                rounds.incrementAndGet();
                persistIfDue();
                if (facts.size() == batch && deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) return false;
            } while (facts.size() == batch);
        } catch (RuntimeException e) {
            evaluationFailure = e;
            LOG.log(Level.SEVERE, "alert round failed", e);
        }
        return true;
    }

    /** Registers quiet for a while no longer hold the others back. */
    void releaseQuiet() {
        handoff.request(false);
    }

    Instant lastData() {
        return lastData;
    }

    /** Evaluates when the watermark crossed into a new step since the last evaluation. */
    public void progress() {
        maybeEvaluate(null);
        persistIfDue();
    }

    /**
     * Evaluates every rule when the watermark crossed into a new step since the last evaluation; else, for a failure in
     * {@code failedStore} (null: none), that store's rules and the chain's at once.
     */
    private void maybeEvaluate(String failedStore) {
        Instant wm = live.watermark();
        if (!started || wm == null || (failedStore == null && Math.floorDiv(wm.toEpochMilli(), stepMs) <= lastStep)) return;
        synchronized (lock) {
            wm = live.watermark();
            long step = Math.floorDiv(wm.toEpochMilli(), stepMs);
            boolean all = step > lastStep;
            if (!all && failedStore == null) return;
            if (all) lastStep = step;
            try {
                evaluate(wm, all ? null : failedStore);
                evaluationFailure = null;
            } catch (RuntimeException e) {
                evaluationFailure = e;
                LOG.log(Level.SEVERE, "alert rules failed at " + wm, e);
            }
            lastEvaluation = clock.instant();
            evaluations.increment();
        }
    }

    long stepsBehind() {
        Instant wm = live.watermark();
        return wm == null || lastStep == Long.MIN_VALUE ? 0 : Math.floorDiv(wm.toEpochMilli(), stepMs) - lastStep;
    }

    private void evaluate(Instant wm, String store) {
        StoreStatus one = store == null ? null : live.store(store);
        Map<RuleKey, Signal> signals;
        if (one != null) {
            signals = evaluator.evaluate(one, wm);
        } else {
            Set<String> watched = new HashSet<>();
            for (RuleKey k : trackers.keySet()) watched.add(k.scope());
            signals = evaluator.evaluate(live.sketches(Evaluator::raisesOn), live::store, watched, wm);
        }
        Map<String, long[]> now = totals.view();
        book.accumulate(now);
        if (folding.step(signals, wm, now)) dirty = true;
    }

    // ---- self rules (wall clock) ------------------------------------------------------------------------------

    void raiseSelf(Rule rule, String subject, String detail) {
        synchronized (lock) {
            RuleKey key = new RuleKey(rule, subject);
            if (trackers.containsKey(key)) return;
            Signal s = new Signal(true, Signal.Recovery.FAILING, List.of(), Double.NaN, 0, 0, detail);
            Incident i = book.open(key, clock.instant(), s, Map.of());
            trackers.put(key, new Tracker(Tracker.Phase.FIRING, i.started(), null, i.id()));
            LOG.warning(() -> "self-monitoring: " + i.summary() + " (" + subject + ": " + detail + ")");
            notice(Type.OPENED, i, null);
            persist();
        }
    }

    void clearSelf(Rule rule, String subject) {
        synchronized (lock) {
            Tracker t = trackers.remove(new RuleKey(rule, subject));
            if (t == null || t.incident() == null) return;
            Incident i = book.resolve(t.incident(), clock.instant());
            if (i != null) notice(Type.RESOLVED, i, null);
            persist();
        }
    }

    boolean selfOpen(Rule rule, String subject) {
        synchronized (lock) {
            return trackers.containsKey(new RuleKey(rule, subject));
        }
    }

    // ---- notices ----------------------------------------------------------------------------------------------

    /** Creates a notice for every channel that should carry it; {@link #persist} hands it over. Call with the lock held. */
    void notice(Type type, Incident i, String actor) {
        Instant now = clock.instant();
        IncidentNotice n = new IncidentNotice(++nextSequence, type, i, actor, now);
        if (type == Type.OPENED || type == Type.REPEATED) lastSent.put(i.id(), now);
        if (!i.open()) lastSent.remove(i.id());
        boolean silenced = type != Type.SILENCED && silences.stream().anyMatch(s -> s.active(now) && s.covers(i));
        if (silenced) return;
        List<String> to = new ArrayList<>();
        for (Notifier nf : notifiers) {
            // a channel that fails is told of its own failure only once it works again
            if (i.kind().equals(Rule.NOTIFIER_FAILING.kind()) && i.open() && selfSubject(i).equals(nf.name())) continue;
            to.add(nf.name());
        }
        if (!to.isEmpty()) staged.add(new Saved.Pending(n, to));
    }

    private String selfSubject(Incident i) {
        for (Map.Entry<RuleKey, Tracker> e : trackers.entrySet()) if (i.id().equals(e.getValue().incident())) return e.getKey().scope();
        return "";
    }

    /** Open, unacknowledged incidents sent longer ago than the repeat interval are sent again. */
    void repeatDue() {
        synchronized (lock) {
            Instant now = clock.instant();
            boolean any = false;
            for (Incident i : book.all()) {
                if (i.state() != Incident.IncidentState.OPEN) continue;
                Instant last = lastSent.get(i.id());
                if (last != null && !now.isBefore(last.plus(config.repeatInterval()))) {
                    notice(Type.REPEATED, i, null);
                    any = true;
                }
            }
            silences.removeIf(s -> !s.active(now));
            if (any) persist();
        }
    }

    /** Saves the state if it changed and the last save is at least {@link #persistEveryNanos} old. */
    void persistIfDue() {
        synchronized (lock) {
            if (dirty && System.nanoTime() - lastWrite >= persistEveryNanos) persist();
        }
    }

    /** The state changed in a way no notice depends on (a delivery): saved with the next save that is due. */
    void changed() {
        synchronized (lock) {
            dirty = true;
        }
        persistIfDue();
    }

    void persist() {
        synchronized (lock) {
            dirty = false;
            lastWrite = System.nanoTime();
            Map<String, Tracker> t = new TreeMap<>();
            trackers.forEach((k, v) -> t.put(k.toString(), v));
            Instant step = lastStep == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastStep * stepMs);
            List<Saved.Pending> box = new ArrayList<>(outbox.snapshot());
            box.addAll(staged);
            try {
                store.write(new Saved(book.next(), nextSequence, nextSilence, step, book.all(), t, silences, box, lastSent));
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "cannot save the alert state to " + store.file(), e);
                // a full disk must not keep its own incident from being told: sent now, saved once space is back
                if (!noSpace(e)) {
                    dirty = true; // tried again with the next save that is due
                    throw new UncheckedIOException(e);
                }
            }
            // on disk first, then told: a crash loses no notice, and a restart does not make up one
            for (Saved.Pending p : staged) outbox.add(p.notice(), p.to());
            staged.clear();
        }
    }

    private static boolean noSpace(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) return true;
        }
        return false;
    }

    // ---- API --------------------------------------------------------------------------------------------------

    /**
     * @param state open (open or acknowledged), resolved, or all (null = all)
     * @param store only incidents listing this store, or null
     * @param at    only incidents open at this log-time instant, or null
     */
    public List<Incident> incidents(String state, String store, Instant at) {
        synchronized (lock) {
            List<Incident> out = new ArrayList<>();
            for (Incident i : book.all()) {
                if ("open".equals(state) && !i.open()) continue;
                if ("resolved".equals(state) && i.open()) continue;
                if (store != null && !i.stores().contains(store) && !i.scope().equals(store)) continue;
                if (at != null && (i.started().isAfter(at) || (i.resolved() != null && !i.resolved().isAfter(at)))) continue;
                out.add(i);
            }
            return out;
        }
    }

    public Incident incident(String id) {
        synchronized (lock) {
            return book.get(id);
        }
    }

    /** Null when there is no such incident. */
    public Incident acknowledge(String id, String by) {
        synchronized (lock) {
            Incident i = book.acknowledge(id, by);
            if (i == null) return null;
            notice(Type.ACKNOWLEDGED, i, by);
            persist();
            return i;
        }
    }

    public Silence silence(String store, String kind, Duration duration, String by) {
        synchronized (lock) {
            Instant now = clock.instant();
            Silence s = new Silence("sil-" + (++nextSilence), store, kind, by, now, now.plus(duration));
            silences.add(s);
            for (Incident i : book.all()) if (i.open() && s.covers(i)) notice(Type.SILENCED, i, by);
            persist();
            return s;
        }
    }

    public List<Silence> silences() {
        synchronized (lock) {
            Instant now = clock.instant();
            return silences.stream().filter(s -> s.active(now)).toList();
        }
    }

    public boolean unsilence(String id) {
        synchronized (lock) {
            boolean removed = silences.removeIf(s -> s.id().equals(id));
            if (removed) persist();
            return removed;
        }
    }

    /** Waits until every registered channel took every notice (tests); false on timeout. */
    public boolean awaitDelivered(Duration timeout) throws InterruptedException {
        synchronized (lock) {
            if (dirty || !staged.isEmpty()) persist(); // notices waiting for a save due later: saved and handed over now
        }
        return outbox.awaitDrained(timeout);
    }

    @Override
    public void close() {
        watch.close();
        outbox.close();
        synchronized (lock) {
            try {
                persist();
            } catch (UncheckedIOException e) {
                LOG.log(Level.SEVERE, "alert state not saved at close", e);
            }
        }
    }
}
