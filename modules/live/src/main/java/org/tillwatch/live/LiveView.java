package org.tillwatch.live;

import java.time.Instant;
import java.util.List;

/**
 * What the API, UI and bot read of live availability: the same answers whether one process holds every store
 * ({@link LiveFigures}) or a cluster of collectors each holds some.
 */
public interface LiveView {
    /** A store seen in logs or registered; null otherwise. */
    StoreStatus store(String code);

    /** Every registered store and every store seen in logs, by code. */
    List<StoreStatus> stores();

    ChainStatus chain();

    /** The latest event instant seen, or null before any event. */
    Instant watermark();
}
