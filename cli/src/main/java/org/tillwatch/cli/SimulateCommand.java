package org.tillwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tillwatch.simulator.FleetSimulator;
import org.tillwatch.simulator.SimulationConfig;
import org.tillwatch.simulator.SimulationTruth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Write a simulated fleet: stores.csv, logs/<store>/<register>/pos-<day>.log[.gz] and expected.json (its truth).",
                "Сгенерировать логи касс сети с инцидентами и эталонными цифрами."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--stores", defaultValue = "6", paramLabel = "N", description = "Stores (default: ${DEFAULT-VALUE}).")
    int stores;

    @Option(names = "--registers", defaultValue = "3", paramLabel = "N", description = "Registers per store, 1-24 (default: ${DEFAULT-VALUE}).")
    int registers;

    @Option(names = "--receipts", defaultValue = "140", paramLabel = "N", description = "Receipts per register per day (default: ${DEFAULT-VALUE}).")
    int receipts;

    @Option(names = "--seed", defaultValue = "20261120", paramLabel = "S", description = "Random seed: the same seed writes the same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--day", defaultValue = "2026-11-20", paramLabel = "YYYY-MM-DD", description = "The simulated day (default: ${DEFAULT-VALUE}).")
    LocalDate day;

    @Option(names = "--gzip-share", defaultValue = "0.33", paramLabel = "F", description = "Share of registers whose file is gzipped (default: ${DEFAULT-VALUE}).")
    double gzipShare;

    @Option(names = "--no-scenarios", description = "A quiet day: no outage, gateway incident, missing store etc.")
    boolean noScenarios;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SimulationConfig cfg;
        try {
            SimulationConfig.Builder b = SimulationConfig.builder().stores(stores).registersPerStore(registers)
                    .receiptsPerRegister(receipts).seed(seed).day(day).gzipShare(gzipShare);
            if (noScenarios) b.noScenarios();
            cfg = b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long start = System.nanoTime();
        SimulationTruth truth = new FleetSimulator().simulate(cfg, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter w = spec.commandLine().getOut();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out", out.toString());
        m.put("stores", truth.stores().size());
        m.put("receipts", truth.receiptsTotal());
        m.put("incomplete", truth.incomplete());
        m.put("malformed_lines", truth.malformedLines());
        m.put("scenarios", truth.scenarios().keySet());
        m.put("seconds", Math.round(seconds * 100) / 100.0);
        if (json) {
            Json.print(w, m);
        } else {
            w.printf("Simulated %d stores x %d registers, %d receipts (%d incomplete, %d malformed lines) in %.1f s%n",
                    truth.stores().size(), registers, truth.receiptsTotal(), truth.incomplete(), truth.malformedLines(), seconds);
            w.println("Scenarios / сценарии: " + truth.scenarios().keySet());
            w.println("Logs: " + out.resolve("logs") + "  registry: " + out.resolve("stores.csv") + "  truth: " + out.resolve("expected.json"));
            w.flush();
        }
        return 0;
    }
}
