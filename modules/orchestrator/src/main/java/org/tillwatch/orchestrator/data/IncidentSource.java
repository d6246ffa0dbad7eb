package org.tillwatch.orchestrator.data;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Incidents of the alerting engine: those open at a log-time instant for a store, and one by id. */
public interface IncidentSource {
    List<IncidentRef> openAt(String store, Instant at) throws IOException;

    Optional<IncidentRef> byId(String id) throws IOException;

    /** No alerting available: no template condition "incident: true" can hold. */
    IncidentSource NONE = new IncidentSource() {
        @Override
        public List<IncidentRef> openAt(String store, Instant at) {
            return List.of();
        }

        @Override
        public Optional<IncidentRef> byId(String id) {
            return Optional.empty();
        }
    };
}
