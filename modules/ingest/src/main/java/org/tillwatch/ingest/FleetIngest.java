package org.tillwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.Dialect;
import org.tillwatch.domain.tally.FleetTally;

/**
 * Reads a whole log tree into a sink, registers in parallel (each register's files in order on one thread, so its
 * state carries across rotation), streaming: memory does not grow with the input.
 */
public final class FleetIngest {
    private static final int BUFFER = 256 * 1024;

    private final StoreRegistry registry;
    private final Supplier<Dialect> dialects;
    private final int threads;
    private final int malformedSampleLimit;

    public FleetIngest(StoreRegistry registry, Supplier<Dialect> dialects, int threads, int malformedSampleLimit) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.registry = registry;
        this.dialects = dialects;
        this.threads = threads;
        this.malformedSampleLimit = malformedSampleLimit;
    }

    public IngestResult run(Path root, TransactionSink sink) throws IOException {
        long start = System.nanoTime();
        FleetLogTree.Scan scan = FleetLogTree.scan(root);
        FleetTally tally = new FleetTally(malformedSampleLimit);
        AtomicLong uncompressed = new AtomicLong();
        List<RegisterLogs> work = new ArrayList<>(scan.registers());
        work.sort(Comparator.comparingLong(RegisterLogs::bytes).reversed());
        Set<String> unregistered = new TreeSet<>();
        for (RegisterLogs r : work) {
            tally.touchStore(r.key().store());
            if (!registry.isRegistered(r.key().store())) unregistered.add(r.key().store());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "ingest");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RegisterLogs r : work) {
                futures.add(pool.submit(() -> {
                    uncompressed.addAndGet(readRegister(root, r, tally, sink));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
                    if (cause instanceof IOException io) throw io;
                    throw new IOException("ingest failed: " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("ingest interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int files = work.stream().mapToInt(r -> r.files().size()).sum();
        long bytes = work.stream().mapToLong(RegisterLogs::bytes).sum();
        return new IngestResult(tally, work.size(), files, bytes, uncompressed.get(),
                Duration.ofNanos(System.nanoTime() - start), unregistered, scan.skipped());
    }

    private long readRegister(Path root, RegisterLogs logs, FleetTally tally, TransactionSink sink) throws IOException {
        Store store = registry.store(logs.key().store());
        RegisterPipeline pipeline = new RegisterPipeline(logs.key(), store, dialects.get(), new AssemblyListener() {
            @Override
            public void transaction(Transaction t) {
                tally.transaction(t);
                try {
                    sink.accept(t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void registerRequest(RegisterKey register, LoyaltyRequest request) {
                tally.registerRequest(register, request);
            }

            @Override
            public void registerTag(RegisterKey register, TagEvent tag) {
                tally.registerTag(register, tag);
            }
        }, tally::malformed);
        byte[] buf = new byte[BUFFER];
        long read = 0;
        for (Path file : logs.files()) {
            pipeline.startFile(root.relativize(file).toString());
            try (InputStream in = open(file)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    pipeline.feed(buf, 0, n);
                    read += n;
                }
            }
            pipeline.endOfFile();
        }
        pipeline.finish();
        return read;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, BUFFER) : in;
    }
}
