package org.tillwatch.alerting;

import java.time.Instant;
import java.util.Objects;

/**
 * What a notifier is asked to deliver: an incident as it is now, and why it is being sent.
 *
 * @param sequence increases by one per notice of the engine; a notifier may use it to drop duplicates after a retry
 * @param type     why this notice exists
 * @param incident the incident after the change
 * @param actor    who acted (for ACKNOWLEDGED and SILENCED), else null
 * @param at       wall-clock time the notice was created
 */
public record IncidentNotice(long sequence, Type type, Incident incident, String actor, Instant at) {
    public IncidentNotice {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(at, "at");
    }

    public enum Type {
        /** A new incident. */
        OPENED,
        /** Its scope grew (more stores folded into a chain incident) or its severity changed. */
        UPDATED,
        /** Still open after the repeat interval. */
        REPEATED,
        /** Somebody acknowledged it. */
        ACKNOWLEDGED,
        /** Somebody silenced its store or rule. */
        SILENCED,
        /** It recovered: carries duration and impact. */
        RESOLVED
    }
}
