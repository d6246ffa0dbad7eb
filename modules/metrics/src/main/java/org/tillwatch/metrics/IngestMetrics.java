package org.tillwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * Ingestion: malformed lines, bytes read, and gauges read from the collector's own state at scrape time.
 * Each gauge is bound once; binding it again is a wiring mistake (the registry would silently keep the first
 * supplier), so it throws.
 */
public final class IngestMetrics {
    static final String MALFORMED = "tillwatch.malformed.lines";
    static final String INGESTED = "tillwatch.ingested";
    static final String LAG = "tillwatch.ingest.lag";
    static final String QUEUE_DEPTH = "tillwatch.queue.depth";
    static final String INDEX_DOCUMENTS = "tillwatch.index.documents";
    static final String LAST_COMMIT = "tillwatch.last.commit.timestamp";
    static final String REFUSED = "tillwatch.ingest.refused";
    static final String DATA_DIR_WRITABLE = "tillwatch.data.dir.writable";
    static final String DATA_DIR_FREE = "tillwatch.data.dir.free";
    static final String DROPPED_CONTINUATION = "tillwatch.dropped.continuation.lines";

    private static final Set<String> INPUTS = Set.of("tail", "push");
    private static final Pattern QUEUE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Counter> malformed = new ConcurrentHashMap<>();
    private final Map<String, Counter> bytes;
    private final Set<String> bound = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> refused;
    private java.util.function.LongSupplier droppedSource;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        // Both inputs from the start, so rate() sees a zero rather than a missing series.
        this.bytes = Map.of("tail", bytesCounter("tail"), "push", bytesCounter("push"));
        this.refused = Map.of("saturated", refusedCounter("saturated"), "disk_full", refusedCounter("disk_full"));
    }

    /** A line of {@code store}'s logs that could not be parsed and was skipped. */
    public void malformed(String store) {
        Counter c = store == null ? null : malformed.get(store);
        if (c == null) {
            c = malformed.computeIfAbsent(Labels.store(store), s -> Counter.builder(MALFORMED)
                    .description("Log lines skipped as malformed, by store")
                    .tag("store", s).register(registry));
        }
        c.increment();
    }

    /**
     * {@code n} bytes of {@code store}'s logs read through {@code input} ({@code tail} or {@code push}). The store
     * is checked but not a label: bytes per store would double the series count for little diagnostic value.
     */
    public void bytes(String store, String input, long n) {
        Labels.store(store);
        Counter c = bytes.get(Objects.requireNonNull(input, "input"));
        if (c == null) throw new IllegalArgumentException("input must be one of " + INPUTS + ", got: " + input);
        if (n < 0) throw new IllegalArgumentException("byte count must be >= 0, got: " + n);
        c.increment(n);
    }

    /** Seconds from the event-time watermark to the wall clock; the supplier returns NaN before any event. */
    public void bindLag(DoubleSupplier lagSeconds) {
        gauge(LAG, Tags.empty(), "seconds", "Wall clock minus the event-time watermark of ingested entries", lagSeconds);
    }

    /** The depth of a named queue, e.g. {@code push_backlog_bytes} or {@code registers_pending}. */
    public void bindQueue(String queue, DoubleSupplier depth) {
        if (queue == null || !QUEUE.matcher(queue).matches()) {
            throw new IllegalArgumentException("queue name must be snake_case [a-z][a-z0-9_]*, got: " + queue);
        }
        gauge(QUEUE_DEPTH, Tags.of("queue", queue), null, "Depth of the collector's internal queues", depth);
    }

    public void bindIndexDocuments(DoubleSupplier documents) {
        gauge(INDEX_DOCUMENTS, Tags.empty(), null, "Documents in the transaction index", documents);
    }

    /** Unix time in seconds of the index's last commit. */
    public void bindLastCommit(DoubleSupplier epochSeconds) {
        gauge(LAST_COMMIT, Tags.empty(), "seconds", "Unix time of the last index commit", epochSeconds);
    }

    /** A push answered 503: {@code saturated} (backlog full) or {@code disk_full} (the data directory has no room). */
    public void refused(String reason) {
        Counter c = refused.get(Objects.requireNonNull(reason, "reason"));
        if (c == null) throw new IllegalArgumentException("reason must be one of " + refused.keySet() + ", got: " + reason);
        c.increment();
    }

    /** 1 while the data directory has room above its reserve, 0 while ingestion pauses for space; and its free bytes. */
    public void bindDataDir(java.util.function.BooleanSupplier writable, DoubleSupplier freeBytes) {
        gauge(DATA_DIR_WRITABLE, Tags.empty(), null, "1 while the data directory has room, 0 while ingestion pauses for space",
                () -> writable.getAsBoolean() ? 1 : 0);
        gauge(DATA_DIR_FREE, Tags.empty(), "bytes", "Free space of the data directory's file system", freeBytes);
    }

    /**
     * Continuation lines dropped: they came after their entry had been read early because its register went quiet
     * (the entry was counted, these lines of it were not).
     */
    public void bindDroppedContinuationLines(java.util.function.LongSupplier lines) {
        if (!bound.add(DROPPED_CONTINUATION)) throw new IllegalStateException("counter already bound: " + DROPPED_CONTINUATION);
        droppedSource = lines; // the counter itself only holds it weakly
        FunctionCounter.builder(DROPPED_CONTINUATION, lines, l -> l.getAsLong())
                .description("Continuation lines dropped after their entry was read early").register(registry);
    }

    private void gauge(String name, Tags tags, String unit, String description, DoubleSupplier supplier) {
        Objects.requireNonNull(supplier, "supplier");
        String key = name + tags;
        if (!bound.add(key)) throw new IllegalStateException("gauge already bound: " + key);
        Gauge.builder(name, supplier, DoubleSupplier::getAsDouble)
                .strongReference(true)
                .tags(tags).baseUnit(unit).description(description)
                .register(registry);
    }

    private Counter refusedCounter(String reason) {
        return Counter.builder(REFUSED).description("Pushes answered 503, by reason").tag("reason", reason).register(registry);
    }

    private Counter bytesCounter(String input) {
        return Counter.builder(INGESTED).baseUnit(BaseUnits.BYTES)
                .description("Bytes of register logs ingested, by input")
                .tag("input", input).register(registry);
    }
}
