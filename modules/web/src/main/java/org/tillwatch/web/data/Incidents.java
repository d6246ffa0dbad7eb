package org.tillwatch.web.data;

import java.time.Instant;
import java.util.List;

import io.vertx.core.Future;

/** Incidents open at a moment for a store, from the alerting API when the collector has one. */
public interface Incidents {
    record Link(String id, String summary, String state) {
    }

    /** Incidents that were open at {@code at} and include {@code store}; an empty list when none or no alerting. */
    Future<List<Link>> openAt(String store, Instant at);
}
