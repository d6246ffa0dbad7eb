package org.tillwatch.collector;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tillwatch.alerting.AlertEngine;
import org.tillwatch.alerting.Incident;
import org.tillwatch.orchestrator.data.IncidentRef;
import org.tillwatch.orchestrator.data.IncidentSource;

/** The orchestrator's view of this collector's own alert engine: incidents covering a store at a log-time instant. */
final class EngineIncidents implements IncidentSource {
    private final AlertEngine alerts;

    EngineIncidents(AlertEngine alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<IncidentRef> openAt(String store, Instant at) {
        return alerts.incidents("all", null, at).stream()
                .filter(i -> i.stores().contains(store) || i.scope().equals(store) || Incident.CHAIN.equals(i.scope()))
                .map(EngineIncidents::ref).toList();
    }

    @Override
    public Optional<IncidentRef> byId(String id) {
        return Optional.ofNullable(alerts.incident(id)).map(EngineIncidents::ref);
    }

    static IncidentRef ref(Incident i) {
        return new IncidentRef(i.id(), i.kind(), i.scope(), i.stores(), i.severity().name().toLowerCase(), i.started(), i.resolved(),
                i.state().name().toLowerCase(), i.summary());
    }
}
