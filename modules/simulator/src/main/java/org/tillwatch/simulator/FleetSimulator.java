package org.tillwatch.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes a simulated day of a fleet's register logs, per the reference dialect, and the figures a correct
 * reading must reproduce:
 *
 * <pre>
 * outDir/stores.csv                                   the stores registry (UTF-8)
 * outDir/logs/&lt;store&gt;/&lt;POSnn&gt;/pos-&lt;day&gt;.log[.gz]    windows-1251, \r\n
 * outDir/expected.json                                {@link SimulationTruth}
 * </pre>
 *
 * <p>Registers are simulated in parallel, each from its own seed derived from the config's, streaming to its
 * file; the output is byte-identical for the same config whatever the thread count.
 *
 * <p>Store-level scenarios ({@link Scenario#STORE_OUTAGE}, {@link Scenario#DEVICE_MISSING},
 * {@link Scenario#DEGRADED_STORE}, {@link Scenario#SMALL_STORE}, in that order) each take one store, as long as
 * one store is left without any: a fleet of 2 stores gets the outage only, 5 or more get all four.
 */
public final class FleetSimulator {

    public SimulationTruth simulate(SimulationConfig cfg, Path outDir) throws IOException {
        prepare(outDir);
        FleetPlan plan = FleetPlanner.plan(cfg);
        writeStores(plan, outDir.resolve("stores.csv"));
        Path logs = outDir.resolve("logs");
        Files.createDirectories(logs);

        TruthAccumulator truth = new TruthAccumulator(cfg, plan);
        int threads = cfg.threads() > 0 ? cfg.threads() : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, plan.registers().size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RegisterPlan rp : plan.registers()) {
                futures.add(pool.submit(() -> {
                    try {
                        truth.merge(new RegisterSimulator(cfg.day(), rp, plan.cards(), cfg.transactionSampleLimit())
                                .run(logs));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
        SimulationTruth result = truth.finish();
        result.writeTo(outDir.resolve("expected.json"));
        return result;
    }

    private static void prepare(Path outDir) throws IOException {
        if (Files.exists(outDir)) {
            if (!Files.isDirectory(outDir)) {
                throw new FileAlreadyExistsException(outDir.toString(), null, "not a directory");
            }
            try (Stream<Path> entries = Files.list(outDir)) {
                if (entries.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(outDir.toString(), null,
                            "output directory must be empty or absent");
                }
            }
        }
        Files.createDirectories(outDir);
    }

    private static void writeStores(FleetPlan plan, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,name,format,region,timezone,opens,closes\n");
            for (StoreProfile s : plan.stores()) {
                if (s.registered()) {
                    w.write(s.csvRow());
                    w.write('\n');
                }
            }
        }
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while simulating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        }
    }
}
