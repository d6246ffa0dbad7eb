package org.tillwatch.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.tillwatch.domain.model.Store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@code tillwatch_store_info{store, region, format} 1} for every registered store: the registry's facts as labels,
 * so dashboards and rules can group or filter stores by region with a join on {@code store}. Its cardinality is the
 * registry's size. An empty region or format is exported as {@code unknown}.
 */
public final class StoreInfoMetrics {
    static final String INFO = "tillwatch.store.info";
    static final String UNKNOWN = "unknown";

    private final MultiGauge gauge;

    public StoreInfoMetrics(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        gauge = MultiGauge.builder(INFO).description("Registered stores with their region and format; always 1").register(registry);
    }

    /** Replaces the exported stores by the registered ones of {@code stores}. */
    public synchronized void update(Collection<Store> stores) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>(stores.size());
        for (Store s : stores) {
            if (!s.registered()) continue;
            rows.add(MultiGauge.Row.of(Tags.of("store", Labels.store(s.code()), "region", orUnknown(s.region()),
                    "format", orUnknown(s.format())), 1.0));
        }
        gauge.register(rows, true);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.strip();
    }
}
