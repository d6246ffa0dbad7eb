package org.tillwatch.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tillwatch.alerting.IncidentNotice.Type;
import org.tillwatch.alerting.rules.Rule;
import org.tillwatch.alerting.rules.RuleKey;
import org.tillwatch.alerting.rules.Signal;
import org.tillwatch.alerting.rules.Tracker;
import org.tillwatch.alerting.state.IncidentBook;
import org.tillwatch.config.AlertingConfig;

/**
 * Moves the trackers one evaluation on and turns their steps into incidents. The chain rule goes first, so a store
 * alert that fires while a chain incident is open (or forming) is folded into it instead of raising its own; when the
 * chain incident ends, its folded stores get their own incident only if they still fail. Guarded by the engine's lock.
 */
final class Folding {
    interface Notices {
        void notice(Type type, Incident incident, String actor);
    }

    private static final RuleKey CHAIN = new RuleKey(Rule.CHAIN_AVAILABILITY, Incident.CHAIN);

    private final AlertingConfig config;
    private final IncidentBook book;
    private final Map<RuleKey, Tracker> trackers;
    private final Notices notices;

    Folding(AlertingConfig config, IncidentBook book, Map<RuleKey, Tracker> trackers, Notices notices) {
        this.config = config;
        this.book = book;
        this.trackers = trackers;
        this.notices = notices;
    }

    /** Steps every rule's tracker through one evaluation; true when an incident changed. */
    boolean step(Map<RuleKey, Signal> signals, Instant wm, Map<String, long[]> now) {
        boolean changed = false;
        RuleKey chainKey = CHAIN;
        List<RuleKey> order = new ArrayList<>();
        order.add(chainKey);
        signals.keySet().stream().filter(k -> !k.equals(chainKey)).forEach(order::add);
        for (RuleKey key : order) {
            Signal s = signals.get(key);
            // an idle rule whose condition does not hold stays idle: most of a big fleet at each step
            if (s == null || !s.firing() && !trackers.containsKey(key)) continue;
            Tracker t = trackers.getOrDefault(key, Tracker.IDLE);
            if (!t.active() && siblingActive(key)) s = Signal.quiet(s.stores());
            Duration pending = key.equals(chainKey) ? chainPending() : config.pending();
            Tracker.Step st = t.step(s, wm, pending, config.recoveryPending());
            Tracker chainNow = trackers.get(chainKey);
            if (st.action() == Tracker.Action.OPEN && key.rule().foldable() && chainNow != null && chainNow.phase() == Tracker.Phase.PENDING) {
                // a chain incident is forming: wait for it rather than raise one store's alert that it would fold
                st = new Tracker.Step(t.phase() == Tracker.Phase.IDLE ? new Tracker(Tracker.Phase.PENDING, wm, null, null) : t, Tracker.Action.NONE, wm);
            }
            Tracker next = st.next();
            switch (st.action()) {
                case OPEN -> {
                    Tracker chain = trackers.get(chainKey);
                    Incident chainIncident = chain == null || chain.incident() == null ? null : book.get(chain.incident());
                    if (key.rule().foldable() && chainIncident != null && chainIncident.open()) {
                        next = next.withIncident(chainIncident.id());
                        Incident grown = book.addStore(chainIncident.id(), key.scope(), now);
                        if (grown != null) notices.notice(Type.UPDATED, grown, null);
                    } else {
                        Incident i = book.open(key, st.at(), s, now);
                        next = next.withIncident(i.id());
                        notices.notice(Type.OPENED, i, null);
                    }
                    changed = true;
                }
                case RESOLVE -> {
                    changed = true;
                    next = next.withIncident(null);
                    if (t.incident() != null && (key.equals(chainKey) || !isChainIncident(t.incident()))) {
                        Incident i = book.resolve(t.incident(), st.at());
                        if (i != null) notices.notice(Type.RESOLVED, i, null);
                        if (key.equals(chainKey)) unfold(t.incident());
                    }
                }
                case FORGET, NONE -> {
                }
            }
            if (next.phase() == Tracker.Phase.IDLE) trackers.remove(key);
            else trackers.put(key, next);
        }
        return changed;
    }

    /** The chain rule waits at most a minute, so a chain incident forms before the stores' own alerts would open. */
    private Duration chainPending() {
        return config.pending().compareTo(Duration.ofMinutes(1)) < 0 ? config.pending() : Duration.ofMinutes(1);
    }

    private boolean isChainIncident(String id) {
        Incident i = book.get(id);
        return i != null && i.kind().equals(Rule.CHAIN_AVAILABILITY.kind());
    }

    /** A store's availability and drop rules are one family: while one is active the other stays quiet. */
    private boolean siblingActive(RuleKey key) {
        Rule sibling = key.rule() == Rule.STORE_AVAILABILITY ? Rule.STORE_DROP : key.rule() == Rule.STORE_DROP ? Rule.STORE_AVAILABILITY : null;
        if (sibling == null) return false;
        Tracker t = trackers.get(new RuleKey(sibling, key.scope()));
        return t != null && t.phase() != Tracker.Phase.IDLE;
    }

    /** The chain incident ended: its folded stores get their own incident only if they keep failing. */
    private void unfold(String chainId) {
        for (Map.Entry<RuleKey, Tracker> e : trackers.entrySet()) {
            boolean folded = chainId.equals(e.getValue().incident()) && e.getKey().rule() != Rule.CHAIN_AVAILABILITY;
            boolean pending = e.getKey().rule().foldable() && e.getValue().phase() == Tracker.Phase.PENDING;
            if (folded || pending) e.setValue(e.getValue().quieting());
        }
    }

}
