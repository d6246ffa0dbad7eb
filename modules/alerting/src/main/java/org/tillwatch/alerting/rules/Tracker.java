package org.tillwatch.alerting.rules;

import java.time.Duration;
import java.time.Instant;

import org.tillwatch.alerting.rules.Signal.Recovery;

/**
 * Where one rule stands for one scope, on log time. IDLE → PENDING (the condition holds) → FIRING (it held for the
 * pending duration: an incident) → RECOVERING (evidence it works again) → resolved once recovery held for the recovery
 * pending duration. A failure while recovering goes back to FIRING: hysteresis, so a flapping store stays one incident.
 * COOLING follows a resolution: while the window still holds the old failures, only a burst of new ones (the recovery
 * window alone meeting the condition) raises a new incident. QUIETING is a store whose alert was folded into a chain
 * incident that ended: it gets its own incident only if it still fails.
 *
 * @param since        when the condition first held (the incident's start)
 * @param recoverSince when recovery first held (the incident's end once confirmed), else null
 * @param incident     the incident it feeds (its own, or the chain incident it is folded into), else null
 */
public record Tracker(Phase phase, Instant since, Instant recoverSince, String incident) {
    public enum Phase { IDLE, PENDING, FIRING, RECOVERING, QUIETING, COOLING }

    public static final Tracker IDLE = new Tracker(Phase.IDLE, null, null, null);

    /** What a step asks of the incident book. */
    public enum Action { NONE, OPEN, RESOLVE, FORGET }

    public record Step(Tracker next, Action action, Instant at) {
    }

    public boolean active() {
        return phase != Phase.IDLE && phase != Phase.PENDING;
    }

    public Step step(Signal s, Instant now, Duration pending, Duration recoveryPending) {
        return switch (phase) {
            case IDLE -> s.firing() ? pendingStep(now, now, pending) : stay();
            case PENDING -> !s.firing() ? new Step(IDLE, Action.NONE, now) : pendingStep(since, now, pending);
            case FIRING -> s.recovery() == Recovery.RECOVERED ? recovering(now, now, recoveryPending) : stay();
            case RECOVERING -> switch (s.recovery()) {
                case FAILING -> new Step(new Tracker(Phase.FIRING, since, null, incident), Action.NONE, now);
                case UNKNOWN -> stay();
                case RECOVERED -> recovering(recoverSince, now, recoveryPending);
            };
            case QUIETING -> {
                if (s.recovery() == Recovery.FAILING) yield new Step(new Tracker(Phase.FIRING, since, null, null), Action.OPEN, since);
                yield s.firing() ? stay() : new Step(IDLE, Action.FORGET, now);
            }
            case COOLING -> {
                if (s.burst()) yield new Step(new Tracker(Phase.FIRING, now, null, null), Action.OPEN, now);
                yield s.firing() ? stay() : new Step(IDLE, Action.FORGET, now);
            }
        };
    }

    private Step stay() {
        return new Step(this, Action.NONE, null);
    }

    private Step pendingStep(Instant from, Instant now, Duration pending) {
        if (!now.isBefore(from.plus(pending))) return new Step(new Tracker(Phase.FIRING, from, null, null), Action.OPEN, from);
        return new Step(new Tracker(Phase.PENDING, from, null, null), Action.NONE, now);
    }

    private Step recovering(Instant from, Instant now, Duration recoveryPending) {
        // resolved, but its window still holds the old failures: only a new failure may raise it again
        if (!now.isBefore(from.plus(recoveryPending))) return new Step(new Tracker(Phase.COOLING, now, null, null), Action.RESOLVE, from);
        return new Step(new Tracker(Phase.RECOVERING, since, from, incident), Action.NONE, now);
    }

    public Tracker withIncident(String id) {
        return new Tracker(phase, since, recoverSince, id);
    }

    /** The chain incident it was folded into ended: it now has to show it still fails to get its own. */
    public Tracker quieting() {
        return new Tracker(Phase.QUIETING, since, null, null);
    }
}
