package org.tillwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tillwatch.availability.Availability;
import org.tillwatch.availability.AvailabilityCalculator;
import org.tillwatch.availability.AvailabilityReport;
import org.tillwatch.index.TransactionIndexReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "availability", mixinStandardHelpOptions = true,
        description = {"Loyalty availability per store and chain-wide over [from, to), by receipt close time.",
                "Доступность сервиса лояльности по магазинам и по сети за период [from, to)."})
final class AvailabilityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory written by 'tillwatch index'.")
    Path data;

    @Option(names = "--store", paramLabel = "CODE", description = "Only this store.")
    String store;

    @Option(names = "--from", paramLabel = "INSTANT", converter = TimeOption.class, description = "Window start, inclusive (e.g. 2026-11-20T11:00:00Z).")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", converter = TimeOption.class, description = "Window end, exclusive.")
    Instant to;

    @Option(names = "--min-volume", paramLabel = "N", defaultValue = "20",
            description = "Below this many loyalty transactions availability is unknown (default: ${DEFAULT-VALUE}).")
    int minVolume;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (minVolume < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--min-volume must be at least 1");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from must be before --to");
        }
        if (store != null && !org.tillwatch.domain.model.RegisterKey.isStoreCode(store)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store must be a 4-character store code [0-9A-Z]");
        }
        AvailabilityCalculator calc = new AvailabilityCalculator();
        try (TransactionIndexReader reader = TransactionIndexReader.open(data)) {
            org.tillwatch.index.store.LuceneTransactionQueries.over(reader)
                    .forEachLoyalty(from, to, store, f -> calc.add(f.store(), f.failed()));
        }
        if (store != null) calc.include(store);
        AvailabilityReport report = calc.report(minVolume);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", from == null ? null : from.toString());
            m.put("to", to == null ? null : to.toString());
            m.put("min_volume", minVolume);
            m.put("chain", figure(report.chain()));
            Map<String, Object> stores = new LinkedHashMap<>();
            new java.util.TreeMap<>(report.stores()).forEach((k, v) -> stores.put(k, figure(v)));
            m.put("stores", stores);
            Json.print(out, m);
        } else {
            Table t = new Table("store", "loyalty", "failed", "availability");
            new java.util.TreeMap<>(report.stores()).forEach((k, v) -> t.row(k, v.loyalty(), v.failed(), percent(v)));
            t.row("chain", report.chain().loyalty(), report.chain().failed(), percent(report.chain()));
            out.printf("Window / период: %s .. %s (min volume %d; healthy 99.7-100%%)%n",
                    from == null ? "start" : from, to == null ? "end" : to, minVolume);
            t.print(out);
        }
        return 0;
    }

    static Map<String, Object> figure(Availability a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loyalty", a.loyalty());
        m.put("failed", a.failed());
        m.put("availability", a.value());
        return m;
    }

    static String percent(Availability a) {
        return a.known() ? String.format(Locale.ROOT, "%.2f%%", a.value() * 100) : "n/a (too few)";
    }
}
