package org.tillwatch.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Availability gauges, replaced as a whole by each {@link #update}: a series whose row is gone disappears.
 * Store series carry {@code store} (and {@code window}); the chain has its own {@code tillwatch_chain_*} families
 * rather than an empty store label, so that {@code sum by (window)} over store series never counts the chain twice.
 *
 * <p>An <em>unknown</em> availability (fewer loyalty transactions than the minimum) exports no sample at all for
 * its ratio series, rather than NaN or 1: an alert such as {@code tillwatch_availability_ratio < 0.997} must never
 * fire on it, and an absent series says "no figure" plainly, whereas NaN leaks into aggregations ({@code min},
 * {@code avg}) and dashboards. Absence can still be alerted on deliberately with {@code absent()} or
 * {@code unless}. The transaction counts of that window are still exported.
 */
public final class AvailabilityMetrics {
    static final String RATIO = "tillwatch.availability.ratio";
    static final String LOYALTY = "tillwatch.window.loyalty.transactions";
    static final String FAILED = "tillwatch.window.failed.transactions";
    static final String SILENT = "tillwatch.silent.registers";
    static final String CHAIN = "tillwatch.chain.";

    private final Family ratio;
    private final Family loyalty;
    private final Family failed;
    private final Family silent;
    private final Family chainRatio;
    private final Family chainLoyalty;
    private final Family chainFailed;
    private final Family chainSilent;

    public AvailabilityMetrics(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        ratio = new Family(registry, RATIO, "Loyalty availability of a store over a window; absent when unknown");
        loyalty = new Family(registry, LOYALTY, "Loyalty transactions of a store that closed in the window");
        failed = new Family(registry, FAILED, "Failed loyalty transactions of a store that closed in the window");
        silent = new Family(registry, SILENT, "Registers of a store that fell silent");
        chainRatio = new Family(registry, CHAIN + "availability.ratio", "Loyalty availability of the chain over a window; absent when unknown");
        chainLoyalty = new Family(registry, CHAIN + "window.loyalty.transactions", "Loyalty transactions of the chain that closed in the window");
        chainFailed = new Family(registry, CHAIN + "window.failed.transactions", "Failed loyalty transactions of the chain that closed in the window");
        chainSilent = new Family(registry, CHAIN + "silent.registers", "Registers of the chain that fell silent");
    }

    /**
     * Replaces every availability series by {@code rows}. At most one row per store (or chain) and window.
     * Silent registers do not depend on the window: a store's rows should agree, and the largest count wins.
     */
    public synchronized void update(List<AvailabilityRow> rows) {
        Map<Tags, Double> ratios = new HashMap<>();
        Map<Tags, Double> loyalties = new HashMap<>();
        Map<Tags, Double> failures = new HashMap<>();
        Map<Tags, Double> silents = new HashMap<>();
        Map<Tags, Double> chainRatios = new HashMap<>();
        Map<Tags, Double> chainLoyalties = new HashMap<>();
        Map<Tags, Double> chainFailures = new HashMap<>();
        Map<Tags, Double> chainSilents = new HashMap<>();
        Set<Tags> seen = new HashSet<>();
        for (AvailabilityRow r : rows) {
            Tags windowTags = r.chain() ? Tags.of("window", r.window()) : Tags.of("store", r.store(), "window", r.window());
            if (!seen.add(windowTags)) {
                throw new IllegalArgumentException("more than one row for " + (r.chain() ? "the chain" : r.store()) + " over " + r.window());
            }
            Tags ownerTags = r.chain() ? Tags.empty() : Tags.of("store", r.store());
            if (r.availability() != null) (r.chain() ? chainRatios : ratios).put(windowTags, r.availability());
            (r.chain() ? chainLoyalties : loyalties).put(windowTags, (double) r.loyalty());
            (r.chain() ? chainFailures : failures).put(windowTags, (double) r.failed());
            (r.chain() ? chainSilents : silents).merge(ownerTags, (double) r.silentRegisters(), Math::max);
        }
        ratio.set(ratios);
        loyalty.set(loyalties);
        failed.set(failures);
        silent.set(silents);
        chainRatio.set(chainRatios);
        chainLoyalty.set(chainLoyalties);
        chainFailed.set(chainFailures);
        chainSilent.set(chainSilents);
    }

    /**
     * One gauge family. Each series reads a holder that lives as long as the series, and the MultiGauge is
     * registered without overwrite: overwriting removes and re-registers every surviving series on each update,
     * so a scrape landing in between would miss them. Vanished rows are removed either way.
     */
    private static final class Family {
        private final MultiGauge gauge;
        private Map<Tags, Holder> held = Map.of();

        Family(MeterRegistry registry, String name, String description) {
            gauge = MultiGauge.builder(name).description(description).register(registry);
        }

        void set(Map<Tags, Double> values) {
            Map<Tags, Holder> next = new HashMap<>(values.size() * 2);
            List<MultiGauge.Row<?>> rows = new ArrayList<>(values.size());
            values.forEach((tags, value) -> {
                Holder h = held.get(tags);
                if (h == null) h = new Holder();
                h.value = value;
                next.put(tags, h);
                rows.add(MultiGauge.Row.of(tags, h, Holder::value));
            });
            gauge.register(rows, false);
            held = next;
        }
    }

    private static final class Holder {
        volatile double value;

        double value() {
            return value;
        }
    }
}
