package org.tillwatch.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One incident as the hot-line sees it. Instants are log time (event time), not wall clock.
 *
 * @param id             stable id, unique per collector data directory
 * @param kind           the rule that raised it, e.g. {@code store_availability}, {@code chain_availability}
 * @param scope          a store code, or {@code chain}
 * @param stores         the stores affected, sorted
 * @param severity       how loud
 * @param started        when the condition first held (log time)
 * @param resolved       when it recovered (log time), null while open
 * @param state          open, acknowledged or resolved
 * @param acknowledgedBy who acknowledged it, null if nobody
 * @param impact         what it cost so far
 * @param summary        one line saying what and where, Russian first then English
 */
public record Incident(String id, String kind, String scope, List<String> stores, Severity severity, Instant started,
                       Instant resolved, IncidentState state, String acknowledgedBy, Impact impact, String summary) {
    public static final String CHAIN = "chain";

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(state, "state");
        stores = List.copyOf(stores);
        impact = impact == null ? Impact.NONE : impact;
        summary = summary == null ? "" : summary;
        if (state == IncidentState.RESOLVED && resolved == null) throw new IllegalArgumentException("a resolved incident needs its end");
    }

    public boolean open() {
        return state != IncidentState.RESOLVED;
    }

    public enum Severity { WARNING, CRITICAL }

    public enum IncidentState { OPEN, ACKNOWLEDGED, RESOLVED }

    /** Loyalty transactions seen and failed critically in the incident's scope while it was open. */
    public record Impact(long loyalty, long failed) {
        public static final Impact NONE = new Impact(0, 0);

        public Impact {
            if (loyalty < 0 || failed < 0 || failed > loyalty) throw new IllegalArgumentException("impact " + failed + "/" + loyalty);
        }
    }
}
