package org.tillwatch.alerting;

import java.time.Instant;
import java.util.Objects;

/**
 * Quiets the notices of incidents of one store, one rule, or one rule in one store, until {@code expires} (wall
 * clock). Incidents are still recorded and listed; only delivery is held back.
 *
 * @param store a store code, or null for every store (and the chain)
 * @param kind  a rule name such as {@code store_availability}, or null for every rule
 */
public record Silence(String id, String store, String kind, String by, Instant created, Instant expires) {
    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        if (store == null && kind == null) throw new IllegalArgumentException("a silence needs a store, a rule, or both");
        if (!expires.isAfter(created)) throw new IllegalArgumentException("a silence must last some time");
    }

    public boolean active(Instant now) {
        return now.isBefore(expires);
    }

    /** Whether it covers the incident: its rule matches (or any), and its store is the scope or among the stores. */
    public boolean covers(Incident incident) {
        boolean kindOk = kind == null || kind.equals(incident.kind());
        boolean storeOk = store == null || store.equals(incident.scope()) || incident.stores().contains(store);
        return kindOk && storeOk;
    }
}
