package org.tillwatch.alerting.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.Silence;
import org.tillwatch.alerting.rules.Tracker;

/**
 * The alert state kept in {@code <data>/alerting/state.json}: incidents, where each rule stands, silences, and the
 * outbox of notices some channel has not accepted yet.
 *
 * @param lastStep the log-time step evaluated last
 * @param lastSent per open incident, when it was last sent (wall clock), for the repeat interval
 */
public record Saved(long nextIncident, long nextSequence, long nextSilence, Instant lastStep, List<Incident> incidents,
                   Map<String, Tracker> trackers, List<Silence> silences, List<Pending> outbox, Map<String, Instant> lastSent) {
    public Saved {
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        trackers = trackers == null ? Map.of() : Map.copyOf(trackers);
        silences = silences == null ? List.of() : List.copyOf(silences);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        lastSent = lastSent == null ? Map.of() : Map.copyOf(lastSent);
    }

    public static final Saved EMPTY = new Saved(0, 0, 0, null, null, null, null, null, null);

    /** A notice and the channels that still have to take it. */
    public record Pending(IncidentNotice notice, List<String> to) {
        public Pending {
            to = List.copyOf(to);
        }
    }
}
