package org.tillwatch.collector.cluster;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.tillwatch.collector.ingest.Ingest;
import org.tillwatch.collector.ingest.IngestEngine;
import org.tillwatch.collector.ingest.PushRejected;
import org.tillwatch.collector.ingest.StreamFigures;
import org.tillwatch.collector.ship.ShipCommandSupport;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.kafka.RawChunk;
import org.tillwatch.kafka.Topics;

/**
 * Distributed mode's push: a pushed chunk goes to the raw topic (same producer settings as {@code tillwatch ship})
 * and is answered 202 once the broker acknowledged it; 503 when more than {@code maxBacklogBytes} wait for
 * acknowledgements. The pushed offset is this instance's own count: a shipper that moves to another instance and
 * re-sends from 0 costs bandwidth, not correctness (the assembler skips bytes it has).
 */
final class KafkaIngest implements Ingest, AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final long maxBacklogBytes;
    private final AtomicLong inFlight = new AtomicLong();
    private final Map<RegisterKey, Long> pushed = new ConcurrentHashMap<>();
    private final Supplier<List<StreamFigures>> figures;
    private final BooleanSupplier ready;
    private final Supplier<Throwable> failure;

    KafkaIngest(String bootstrap, Topics topics, long maxBacklogBytes, Supplier<List<StreamFigures>> figures,
                BooleanSupplier ready, Supplier<Throwable> failure) {
        this.producer = ShipCommandSupport.producer(bootstrap);
        this.topics = topics;
        this.maxBacklogBytes = maxBacklogBytes;
        this.figures = figures;
        this.ready = ready;
        this.failure = failure;
    }

    @Override
    public IngestEngine.PushResult push(RegisterKey register, byte[] body, Long offset, String file, boolean endOfFile)
            throws IOException, PushRejected {
        long waiting = inFlight.get();
        if (waiting > 0 && waiting + body.length > maxBacklogBytes) throw new PushRejected.Saturated(waiting, 200);
        inFlight.addAndGet(body.length);
        RawChunk chunk = new RawChunk(register, "push", offset, file, endOfFile, body);
        try {
            producer.send(chunk.toRecord(topics.raw()), (md, e) -> inFlight.addAndGet(-body.length)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("Kafka did not take the chunk: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Kafka did not acknowledge the chunk within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        long end = pushed.merge(register, offset == null ? body.length : offset + body.length,
                (old, now) -> offset == null ? old + body.length : Math.max(old, now));
        return new IngestEngine.PushResult(body.length, end);
    }

    @Override
    public long pushedOffset(RegisterKey register) {
        return pushed.getOrDefault(register, 0L);
    }

    @Override
    public boolean ready() {
        return ready.getAsBoolean();
    }

    @Override
    public Throwable failure() {
        return failure.get();
    }

    @Override
    public int streamCount() {
        return pushed.size();
    }

    @Override
    public List<StreamFigures> figures() {
        return figures.get();
    }

    @Override
    public Instant lastCommit() {
        return null;
    }

    @Override
    public long backlogBytes() {
        return inFlight.get();
    }

    @Override
    public long backlogLimitBytes() {
        return maxBacklogBytes;
    }

    @Override
    public Duration lastCommitPause() {
        return Duration.ZERO;
    }

    @Override
    public Duration maxCommitPause() {
        return Duration.ZERO;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
