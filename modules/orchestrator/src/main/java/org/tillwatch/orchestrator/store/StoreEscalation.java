package org.tillwatch.orchestrator.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The one escalation of a store-wide problem (e.g. the store missing in processing) and every ticket linked to it. */
public record StoreEscalation(String id, String store, int line, String category, Instant created, String summary,
                              List<String> tickets) {
    public StoreEscalation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(store, "store");
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    public StoreEscalation with(String ticket) {
        if (tickets.contains(ticket)) return this;
        List<String> t = new ArrayList<>(tickets);
        t.add(ticket);
        return new StoreEscalation(id, store, line, category, created, summary, t);
    }
}
