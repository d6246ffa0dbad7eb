package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.index.TransactionIndexWriter;

/** One register stream: its source of bytes, its pipeline, and what it has counted. Work on it holds {@link #lock}. */
final class RegisterStream {
    final StreamKey key;
    final Store store;
    final Segments segments;
    final RegisterFigures figures = new RegisterFigures();
    final RegisterPipeline pipeline;
    final ReentrantLock lock = new ReentrantLock();
    final AtomicBoolean queued = new AtomicBoolean();
    volatile long lastInputNanos = System.nanoTime();
    /**
     * Restored after a restart and not heard from since: the watermark before which its open receipt is not expired
     * (its shipper may still be catching up). Null once bytes arrive.
     */
    volatile Instant expireNotBefore;
    boolean quietHandled;
    private long droppedSeen;

    RegisterStream(StreamKey key, Store store, Segments segments, TransactionIndexWriter writer, IngestObserver observer,
                   MalformedSamples samples) {
        this.key = key;
        this.store = store;
        this.segments = segments;
        this.pipeline = new RegisterPipeline(key.register(), store, new ReferenceDialect(), new AssemblyListener() {
            @Override
            public void transaction(Transaction t) {
                try {
                    writer.add(t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                figures.transaction(t);
                observer.transaction(t);
            }

            @Override
            public void registerRequest(RegisterKey register, LoyaltyRequest request) {
                figures.registerRequest(request);
                observer.registerRequest(register, request);
            }

            @Override
            public void registerTag(RegisterKey register, TagEvent tag) {
                figures.registerTag(tag);
            }
        }, line -> {
            figures.malformed();
            samples.add(key.register().store(), line);
            observer.malformed(key.register().store(), line);
        });
    }

    /** The register's latest entry as an instant, or null. */
    Instant lastEvent() {
        LocalDateTime t = pipeline.lastEventTime();
        return t == null ? null : t.atZone(store.zone()).toInstant();
    }

    /**
     * Adds the continuation lines the reader dropped since the last call to the figures and returns how many; after a
     * restore's silent re-read ({@code count} false) only takes note.
     */
    long countDropped(boolean count) {
        long d = pipeline.droppedContinuationLines();
        long n = d - droppedSeen;
        droppedSeen = d;
        if (!count) return 0;
        figures.droppedContinuation += n;
        return n;
    }

    Checkpoint.Stream checkpoint() {
        long resume = pipeline.resumeOffset();
        return new Checkpoint.Stream(key.input().name(), key.register().store(), key.register().register(),
                pipeline.position(), resume, pipeline.resumeLine(), segments.marks(resume), figures.snapshot());
    }
}
