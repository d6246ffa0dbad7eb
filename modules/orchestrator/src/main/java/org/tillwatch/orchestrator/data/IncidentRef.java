package org.tillwatch.orchestrator.data;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the orchestrator needs of an incident (the alerting API's shape, snake_case there). */
public record IncidentRef(String id, String kind, String scope, List<String> stores, String severity, Instant started, Instant resolved,
                          String state, String summary) {
    public IncidentRef {
        Objects.requireNonNull(id, "id");
        stores = stores == null ? List.of() : List.copyOf(stores);
    }

    public boolean open() {
        return !"resolved".equals(state) && resolved == null;
    }
}
