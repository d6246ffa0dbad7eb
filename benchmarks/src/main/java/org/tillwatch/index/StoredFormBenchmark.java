package org.tillwatch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
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
import org.tillwatch.benchmarks.ParseBenchmark.Counters;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.ingest.FleetIngest;
import org.tillwatch.simulator.FleetSimulator;
import org.tillwatch.simulator.SimulationConfig;

/**
 * The stored form of transactions (Smile): the data-bound mapper the index used before against
 * {@link SmileTransactionWriter} (the same bytes). Counters: {@code transactions} and {@code bytes} (of Smile) per
 * second on one thread. In package {@code org.tillwatch.index} for its package-private writer and time module.
 * Run: {@code bench/jmh.sh StoredFormBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoredFormBenchmark {

    @State(Scope.Benchmark)
    public static class Fleet {
        final List<Transaction> transactions = new ArrayList<>();
        final ObjectMapper dataBound = new ObjectMapper(new SmileFactory()).registerModule(new JavaTimeModule())
                .registerModule(new BlackbirdModule()).registerModule(IsoTimes.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        final SmileFactory smile = new SmileFactory();
        Path dir;

        @Setup(Level.Trial)
        public void simulate() throws IOException {
            dir = Files.createTempDirectory("tillwatch-jmh");
            new FleetSimulator().simulate(SimulationConfig.builder().stores(12).registersPerStore(4)
                    .receiptsPerRegister(60).seed(99).build(), dir);
            StoreRegistry registry = StoreRegistry.parse(Files.readString(dir.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
            new FleetIngest(registry, ReferenceDialect::new, 1, 10).run(dir.resolve("logs"), t -> {
                synchronized (transactions) {
                    transactions.add(t);
                }
            });
            for (Transaction t : transactions) {
                if (!java.util.Arrays.equals(SmileTransactionWriter.encode(smile, t), dataBound.writeValueAsBytes(t))) {
                    throw new IllegalStateException("the writer and the mapper disagree on " + t.id());
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

    @Benchmark
    public void dataBoundMapper(Fleet fleet, Counters counters, Blackhole bh) throws IOException {
        for (Transaction t : fleet.transactions) {
            byte[] b = fleet.dataBound.writeValueAsBytes(t);
            bh.consume(b);
            counters.bytes += b.length;
            counters.transactions++;
        }
    }

    @Benchmark
    public void smileWriter(Fleet fleet, Counters counters, Blackhole bh) throws IOException {
        for (Transaction t : fleet.transactions) {
            byte[] b = SmileTransactionWriter.encode(fleet.smile, t);
            bh.consume(b);
            counters.bytes += b.length;
            counters.transactions++;
        }
    }
}
