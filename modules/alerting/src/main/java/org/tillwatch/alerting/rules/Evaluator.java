package org.tillwatch.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tillwatch.alerting.rules.Signal.Recovery;
import org.tillwatch.config.AlertingConfig;
import org.tillwatch.domain.model.OutcomeExplanation;
import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.live.ErrorCount;
import org.tillwatch.live.SilentRegister;
import org.tillwatch.live.StoreSketch;
import org.tillwatch.live.StoreStatus;
import org.tillwatch.live.WindowFigures;

/**
 * The log-time rules, as pure functions of the live figures at one watermark: one {@link Signal} per rule and scope.
 * Failures that are {@code DeviceNotFound}/{@code DeviceBlocked} belong to the device rule only, so a store missing in
 * processing is one incident (not also an availability one) and does not drag the chain down.
 */
public final class Evaluator {
    static final Set<String> DEVICE_OUTCOMES = Set.of("DeviceNotFound", "DeviceBlocked");
    private static final Set<String> KNOWN = OutcomeExplanations.all().stream().map(OutcomeExplanation::outcome)
            .filter(o -> !o.equals("Unknown")).collect(Collectors.toUnmodifiableSet());

    private final AlertingConfig config;

    private final int window;
    private final int recoveryWindow;
    private final int baselineWindow;

    public Evaluator(AlertingConfig config) {
        this.config = config;
        List<Duration> windows = windows(config);
        this.window = windows.indexOf(config.window());
        this.recoveryWindow = windows.indexOf(config.recoveryWindow());
        this.baselineWindow = windows.indexOf(config.baselineWindow());
    }

    /** The windows the engine's live figures must keep, ascending and distinct. */
    public static List<Duration> windows(AlertingConfig c) {
        return new ArrayList<>(new TreeSet<>(List.of(c.recoveryWindow(), c.window(), c.baselineWindow())));
    }

    private record Figures(long loyalty, long failed, long device, List<ErrorCount> errors) {
        static Figures of(WindowFigures w) {
            long device = 0;
            for (ErrorCount e : w.topErrors()) if (DEVICE_OUTCOMES.contains(e.outcome())) device += e.count();
            // a failed transaction may carry more than one device error: never count below zero
            long failed = Math.max(0, w.failed() - device);
            return new Figures(w.loyalty(), failed, device, w.topErrors());
        }

        double availability() {
            return loyalty == 0 ? Double.NaN : 1.0 - (double) failed / loyalty;
        }
    }

    /** What the chain-wide rules need of one store, as of its last evaluation. */
    private record Share(long loyalty, long failed, long recoveryLoyalty, long recoveryFailed, List<ErrorCount> unknown,
                         boolean unknownNow) {
    }

    /** Every store's share as of its last evaluation: the chain rules sum these. */
    private final Map<String, Share> shares = new java.util.HashMap<>();

    /** Every rule for every store and the chain, at this watermark. */
    public Map<RuleKey, Signal> evaluate(List<StoreStatus> stores, Instant watermark) {
        Map<RuleKey, Signal> out = new TreeMap<>();
        shares.clear();
        for (StoreStatus s : stores) store(s, watermark, out);
        chain(out);
        return out;
    }

    /**
     * Every rule for every store and the chain at this watermark, as {@link #evaluate(List, Instant)} gives them, for
     * every rule that fires and every store in {@code watched} (a rule of it is under way). A store with no failure
     * and no error outcome that {@link #raisesOn} in the rule's and the recovery window, and no register silent next
     * to working ones, can raise nothing: its full status is not read, only its loyalty volume for the chain. Reading
     * every store's status at each step made a replay at full speed cost steps x stores.
     *
     * @param status a store's full status (null when there is no such store)
     */
    public Map<RuleKey, Signal> evaluate(List<StoreSketch> sketches, Function<String, StoreStatus> status, Set<String> watched,
                                         Instant watermark) {
        Map<RuleKey, Signal> out = new TreeMap<>();
        shares.clear();
        Set<String> read = new HashSet<>();
        for (StoreSketch s : sketches) {
            if (watched.contains(s.store()) || mayRaise(s, watermark)) {
                StoreStatus full = status.apply(s.store());
                if (full != null) store(full, watermark, out);
                read.add(s.store());
            } else {
                shares.put(s.store(), new Share(s.loyalty(window), 0, s.loyalty(recoveryWindow), 0, List.of(), false));
            }
        }
        // a watched store not seen in logs yet (registered, or restored from the saved state) has zero figures
        for (String code : watched) {
            if (read.contains(code)) continue;
            StoreStatus full = status.apply(code);
            if (full != null) store(full, watermark, out);
        }
        chain(out);
        return out;
    }

    /**
     * Whether an error outcome can raise a store's rule when its transaction did not fail: an unknown code (the chain's
     * unknown-code rule) or a device one. The sketches for {@link #evaluate(List, Function, Set, Instant)} count these.
     */
    public static boolean raisesOn(String outcome) {
        return !KNOWN.contains(outcome) || DEVICE_OUTCOMES.contains(outcome);
    }

    private boolean mayRaise(StoreSketch s, Instant watermark) {
        if (s.failed(window) > 0 || s.errors(window) > 0 || s.failed(recoveryWindow) > 0 || s.errors(recoveryWindow) > 0) return true;
        // what silence() fires on: a register quiet for the silence time before the store's newest event, that one recent
        Duration silence = config.registerSilence();
        return s.openNow() && s.newestEvent() != null
                && Duration.between(s.oldestEvent(), s.newestEvent()).compareTo(silence) >= 0
                && Duration.between(s.newestEvent(), watermark).compareTo(silence) < 0;
    }

    /**
     * The rules of one store, and the chain's with the other stores as of their last evaluation: what a failure in this
     * store can change at once. Reading every store again at each failure anywhere made alerting cost failures x stores.
     * The others' windows move on at the next full {@link #evaluate}.
     */
    public Map<RuleKey, Signal> evaluate(StoreStatus store, Instant watermark) {
        Map<RuleKey, Signal> out = new TreeMap<>();
        shares.remove(store.store());
        store(store, watermark, out);
        chain(out);
        return out;
    }

    private void store(StoreStatus s, Instant watermark, Map<RuleKey, Signal> out) {
        if (s.windows().isEmpty()) return;
        Figures w = Figures.of(s.windows().get(window));
        Figures r = Figures.of(s.windows().get(recoveryWindow));
        Figures b = Figures.of(s.windows().get(baselineWindow));
        String code = s.store();
        out.put(new RuleKey(Rule.DEVICE_MISSING, code), device(code, w, r));
        out.put(new RuleKey(Rule.STORE_AVAILABILITY, code), availability(code, w, r, b));
        out.put(new RuleKey(Rule.STORE_DROP, code), drop(code, w, r, b));
        out.put(new RuleKey(Rule.REGISTER_SILENCE, code), silence(s, watermark));
        List<ErrorCount> unknown = List.of();
        for (ErrorCount e : w.errors) {
            if (KNOWN.contains(e.outcome())) continue;
            if (unknown.isEmpty()) unknown = new ArrayList<>(2);
            unknown.add(e);
        }
        boolean unknownNow = false;
        for (ErrorCount e : r.errors) unknownNow |= !KNOWN.contains(e.outcome());
        shares.put(code, new Share(w.loyalty, w.failed, r.loyalty, r.failed, unknown, unknownNow));
    }

    private void chain(Map<RuleKey, Signal> out) {
        long chainL = 0, chainF = 0, chainLR = 0;
        Set<String> affected = new TreeSet<>(), affectedR = new TreeSet<>();
        int traffic = 0;
        Map<String, Long> unknown = new TreeMap<>();
        Set<String> unknownStores = new TreeSet<>();
        boolean unknownNow = false;
        for (Map.Entry<String, Share> e : shares.entrySet()) {
            String code = e.getKey();
            Share s = e.getValue();
            chainL += s.loyalty;
            chainF += s.failed;
            chainLR += s.recoveryLoyalty;
            if (s.loyalty > 0) traffic++;
            if (s.failed > 0) affected.add(code);
            if (s.recoveryFailed > 0) affectedR.add(code);
            for (ErrorCount u : s.unknown) {
                unknown.merge(u.outcome(), u.count(), Long::sum);
                unknownStores.add(code);
            }
            unknownNow |= s.unknownNow;
        }
        out.put(new RuleKey(Rule.CHAIN_AVAILABILITY, "chain"), chain(chainL, chainF, chainLR, affected, affectedR, traffic));
        boolean anyUnknown = !unknown.isEmpty();
        out.put(new RuleKey(Rule.UNKNOWN_ERROR, "chain"), new Signal(anyUnknown, unknownNow ? Recovery.FAILING : Recovery.RECOVERED,
                List.copyOf(unknownStores), unknown.values().stream().mapToLong(Long::longValue).sum(), 0, 0,
                unknown.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "))));
    }

    private Signal device(String code, Figures w, Figures r) {
        boolean firing = w.device >= config.missingMin();
        Recovery rec = r.device > 0 ? Recovery.FAILING : r.loyalty > 0 ? Recovery.RECOVERED : Recovery.UNKNOWN;
        return new Signal(firing, rec, List.of(code), w.device, w.loyalty, w.failed + w.device,
                "DeviceNotFound/DeviceBlocked x" + w.device, r.device >= config.missingMin());
    }

    /** The store's own recent normal: the baseline window without the rule's window; NaN when too thin to say. */
    private double baseline(Figures w, Figures b) {
        long l = b.loyalty - w.loyalty;
        long f = Math.max(0, b.failed - w.failed);
        return l < config.minVolume() ? Double.NaN : 1.0 - (double) f / l;
    }

    private boolean chronic(double baseline) {
        return baseline < config.threshold() - config.drop();
    }

    private boolean alarming(Figures w) {
        return w.loyalty >= config.minVolume() && w.failed >= config.minFailed();
    }

    private Signal availability(String code, Figures w, Figures r, Figures b) {
        double a = w.availability();
        double base = baseline(w, b);
        // a store whose normal is far below the threshold is the drop rule's, or it would be an incident every day
        boolean firing = alarming(w) && a < config.threshold() && !chronic(base);
        boolean burst = alarming(r) && r.availability() < config.threshold();
        return new Signal(firing, recovery(r, config.threshold() + config.hysteresis()), List.of(code), a, w.loyalty, w.failed,
                topErrors(w), burst);
    }

    private Signal drop(String code, Figures w, Figures r, Figures b) {
        double a = w.availability();
        double base = baseline(w, b);
        boolean firing = alarming(w) && chronic(base) && a < base - config.drop();
        double bar = Double.isNaN(base) ? config.threshold() : Math.min(config.threshold(), base) - config.drop() / 2;
        boolean burst = alarming(r) && chronic(base) && r.availability() < base - config.drop();
        return new Signal(firing, recovery(r, bar), List.of(code), a, w.loyalty, w.failed,
                Double.isNaN(base) ? "" : "baseline " + Math.round(base * 1000) / 10.0 + "%", burst);
    }

    private static Recovery recovery(Figures r, double bar) {
        if (r.loyalty == 0) return Recovery.UNKNOWN;
        return r.availability() >= bar ? Recovery.RECOVERED : r.failed > 0 ? Recovery.FAILING : Recovery.UNKNOWN;
    }

    private Signal silence(StoreStatus s, Instant watermark) {
        // silent next to the store's other registers, not just behind the chain's latest line
        List<SilentRegister> silent = List.of();
        if (s.lastEvent() != null && !s.silentRegisters().isEmpty()) {
            silent = s.silentRegisters().stream()
                    .filter(r -> Duration.between(r.lastEvent(), s.lastEvent()).compareTo(config.registerSilence()) >= 0).toList();
        }
        boolean othersWork = s.lastEvent() != null && watermark != null
                && Duration.between(s.lastEvent(), watermark).compareTo(config.registerSilence()) < 0;
        boolean firing = !silent.isEmpty() && othersWork;
        String registers = silent.isEmpty() ? "" : silent.stream().map(r -> r.register().register()).collect(Collectors.joining(", "));
        return new Signal(firing, silent.isEmpty() ? Recovery.RECOVERED : Recovery.FAILING, List.of(s.store()), silent.size(),
                0, 0, registers);
    }

    private Signal chain(long l, long f, long lR, Set<String> affected, Set<String> affectedR, int traffic) {
        double a = l == 0 ? Double.NaN : 1.0 - (double) f / l;
        boolean spread = affected.size() >= config.foldStores() && affected.size() >= config.foldShare() * traffic;
        boolean firing = l >= config.chainMinVolume() && f >= config.minFailed() && a < config.threshold() && spread;
        // hysteresis: it takes fold-stores failing stores to start, and all but one back to normal to end
        boolean spreadNow = affectedR.size() >= config.foldStores() - 1;
        Recovery rec = spreadNow ? Recovery.FAILING : lR > 0 ? Recovery.RECOVERED : Recovery.UNKNOWN;
        boolean burst = affectedR.size() >= config.foldStores() && affectedR.size() >= config.foldShare() * traffic;
        return new Signal(firing, rec, List.copyOf(affected), a, l, f, affected.size() + " of " + traffic + " stores failing", burst);
    }

    private static String topErrors(Figures w) {
        if (w.errors.isEmpty()) return "";
        return w.errors.stream().filter(e -> e.critical() && !DEVICE_OUTCOMES.contains(e.outcome())).limit(3)
                .map(e -> e.outcome() + " x" + e.count()).collect(Collectors.joining(", "));
    }
}
