package org.tillwatch.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The chain's windows summed from its stores' ({@link StoreWindows#addTo}), possibly held by several instances:
 * each sends its {@link #part()}, one {@link #merge}s them and answers {@link #status} as {@link LiveFigures#chain}
 * does. Not thread-safe.
 */
public final class ChainTally {
    /** One instance's share: per window the counts and error counts, the stores it holds, their silent registers. */
    public record Part(List<WindowPart> windows, List<String> stores, int silentRegisters) {
        public Part {
            windows = List.copyOf(windows);
            stores = List.copyOf(stores);
        }
    }

    public record WindowPart(long loyalty, long failed, List<ErrorCount> errors) {
        public WindowPart {
            errors = List.copyOf(errors);
        }
    }

    private record Outcome(String name, boolean critical) {
    }

    private final LiveConfig config;
    private final List<WindowSpec> specs;
    private final long[][] counts;
    private final List<Map<Outcome, Long>> errors = new ArrayList<>();
    private final TreeSet<String> stores = new TreeSet<>();
    private int silent;

    public ChainTally(LiveConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.specs = config.windows().stream().map(WindowSpec::of).toList();
        this.counts = new long[specs.size()][2];
        for (int i = 0; i < specs.size(); i++) errors.add(new LinkedHashMap<>());
    }

    void store(String code, int silentRegisters) {
        stores.add(code);
        silent += silentRegisters;
    }

    void add(int window, long loyalty, long failed, OutcomeTable outcomes, long[] errorsById) {
        counts[window][0] += loyalty;
        counts[window][1] += failed;
        for (int id = 0; id < errorsById.length; id++) {
            if (errorsById[id] > 0) errors.get(window).merge(new Outcome(outcomes.name(id), outcomes.critical(id)), errorsById[id], Long::sum);
        }
    }

    public Part part() {
        List<WindowPart> windows = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            List<ErrorCount> e = new ArrayList<>();
            errors.get(i).forEach((o, n) -> e.add(new ErrorCount(o.name(), o.critical(), n)));
            windows.add(new WindowPart(counts[i][0], counts[i][1], e));
        }
        return new Part(windows, List.copyOf(stores), silent);
    }

    /** Adds another instance's share; it must come from the same windows. */
    public void merge(Part part) {
        if (part.windows().size() != specs.size()) {
            throw new IllegalArgumentException("a chain part of " + part.windows().size() + " windows, expected " + specs.size());
        }
        for (int i = 0; i < specs.size(); i++) {
            WindowPart w = part.windows().get(i);
            counts[i][0] += w.loyalty();
            counts[i][1] += w.failed();
            for (ErrorCount e : w.errors()) errors.get(i).merge(new Outcome(e.outcome(), e.critical()), e.count(), Long::sum);
        }
        stores.addAll(part.stores());
        silent += part.silentRegisters();
    }

    /** The chain at the watermark; {@code registered} are the registry's stores, counted even before they report. */
    public ChainStatus status(Instant watermark, Collection<String> registered) {
        long wm = StoreWindows.millis(watermark);
        List<WindowFigures> windows = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            OutcomeTable table = new OutcomeTable();
            Map<Integer, Long> byId = new LinkedHashMap<>();
            errors.get(i).forEach((o, n) -> byId.merge(table.id(o.name(), o.critical()), n, Long::sum));
            long[] errorsById = new long[table.size()];
            byId.forEach((id, n) -> errorsById[id] += n);
            windows.add(new Figures(config, table).of(specs.get(i), counts[i][0], counts[i][1], errorsById, wm));
        }
        TreeSet<String> codes = new TreeSet<>(registered);
        codes.addAll(stores);
        return new ChainStatus(watermark, windows, codes.size(), silent);
    }
}
