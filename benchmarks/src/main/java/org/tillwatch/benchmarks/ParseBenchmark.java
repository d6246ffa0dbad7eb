package org.tillwatch.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.simulator.FleetSimulator;
import org.tillwatch.simulator.SimulationConfig;

/**
 * Parse + assemble of simulated register logs held in memory (no I/O): the domain pipeline alone. The
 * {@code bytes} counter is raw log bytes per second; with one thread it is the per-core throughput.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {

    @State(Scope.Benchmark)
    public static class Fleet {
        final List<RegisterKey> keys = new ArrayList<>();
        final List<byte[]> logs = new ArrayList<>();
        StoreRegistry registry;
        Path dir;

        @Setup(Level.Trial)
        public void simulate() throws IOException {
            dir = Files.createTempDirectory("tillwatch-jmh");
            new FleetSimulator().simulate(SimulationConfig.builder().stores(12).registersPerStore(4)
                    .receiptsPerRegister(140).seed(99).build(), dir);
            registry = StoreRegistry.parse(Files.readString(dir.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
            try (Stream<Path> files = Files.walk(dir.resolve("logs"))) {
                for (Path f : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                    try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                        logs.add(in.readAllBytes());
                    }
                    keys.add(new RegisterKey(f.getParent().getParent().getFileName().toString(), f.getParent().getFileName().toString()));
                }
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long bytes;
        public long transactions;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            transactions = 0;
        }
    }

    @Benchmark
    public void parseAndAssembleFleet(Fleet fleet, Counters counters, Blackhole bh) {
        for (int i = 0; i < fleet.logs.size(); i++) {
            RegisterKey key = fleet.keys.get(i);
            RegisterPipeline p = new RegisterPipeline(key, fleet.registry.store(key.store()), new ReferenceDialect(),
                    (AssemblyListener) t -> { bh.consume(t); counters.transactions++; }, bh::consume);
            byte[] log = fleet.logs.get(i);
            p.startFile("bench");
            for (int off = 0; off < log.length; off += 64 * 1024) p.feed(log, off, Math.min(64 * 1024, log.length - off));
            p.endOfFile();
            p.finish();
            counters.bytes += log.length;
        }
    }
}
