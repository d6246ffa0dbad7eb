package org.tillwatch.collector;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tillwatch.alerting.AlertEngine;
import org.tillwatch.alerting.Incident;
import org.tillwatch.orchestrator.data.IncidentRef;
import org.tillwatch.orchestrator.data.IncidentSource;

/** The orchestrator's view of this collector's own alert engine: incidents covering a store at a log-time instant. */
public final class EngineIncidents implements IncidentSource {
    private final java.util.function.Supplier<AlertEngine> engine;

    EngineIncidents(AlertEngine alerts) {
        this(() -> alerts);
    }

    /** @param engine the engine, or null while another instance leads alerting (then no incidents are known here) */
    public EngineIncidents(java.util.function.Supplier<AlertEngine> engine) {
        this.engine = engine;
    }

    @Override
    public List<IncidentRef> openAt(String store, Instant at) {
        AlertEngine alerts = engine.get();
        if (alerts == null) return List.of();
        return alerts.incidents("all", null, at).stream()
                .filter(i -> i.stores().contains(store) || i.scope().equals(store) || Incident.CHAIN.equals(i.scope()))
                .map(EngineIncidents::ref).toList();
    }

    @Override
    public Optional<IncidentRef> byId(String id) {
        AlertEngine alerts = engine.get();
        return alerts == null ? Optional.empty() : Optional.ofNullable(alerts.incident(id)).map(EngineIncidents::ref);
    }

    static IncidentRef ref(Incident i) {
        return new IncidentRef(i.id(), i.kind(), i.scope(), i.stores(), i.severity().name().toLowerCase(), i.started(), i.resolved(),
                i.state().name().toLowerCase(), i.summary());
    }
}
