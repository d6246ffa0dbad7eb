package org.tillwatch.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.live.LiveConfig;
import org.tillwatch.live.ReceiptFact;
import org.tillwatch.live.StoreWindows;

/**
 * One partition's stores: each transaction (and register activity) updates its store's {@link StoreWindows} in the
 * {@code store-windows} state store, and goes on to the alert leader's topic. On wall-clock punctuation the task
 * publishes how far it got in event time: to {@code P+watermarks}, from which every instance knows the chain's
 * watermark (the latest event anywhere, so quiet stores' windows move on with the chain's), and as a progress fact to
 * the alert leader.
 */
final class StoreStateProcessor implements Processor<String, byte[], String, byte[]> {
    private static final Logger LOG = Logger.getLogger(StoreStateProcessor.class.getName());
    static final Duration PUNCTUATE = Duration.ofMillis(500);
    /** A task with nothing to do for this long (wall clock) tells the alert leader not to wait for it. */
    static final Duration IDLE = Duration.ofSeconds(1);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** Key of a ship mark on the activity topic (the assembly's {@code AssemblyProcessor.MARK_KEY}). */
    static final String SHIP_MARK = "#ship-mark";
    /** Header of a transaction: its shipper round ({@code ShipMark.EPOCH} of {@code modules/kafka}). */
    static final String SHIP_EPOCH = "ship-epoch";

    private final StateTopology topology;
    private final StoreRegistry registry;
    private final LiveConfig config;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> stores;
    /** Decoded stores of this task, so a receipt costs one encoding, not a decoding too. */
    private final java.util.Map<String, StoreWindows> decoded = new java.util.HashMap<>();
    private int partition;
    private long taskMax = Long.MIN_VALUE;
    private long published = Long.MIN_VALUE;
    private long lastRecord;
    private Long nextTransaction;
    private Long nextActivity;
    private long lastProgress;
    private boolean lastIdle;
    private ShipMarks marks;
    private ShipMarks.Complete lastComplete = ShipMarks.Complete.NONE;

    StoreStateProcessor(StateTopology topology) {
        this.topology = topology;
        this.registry = topology.registry();
        this.config = topology.liveConfig();
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.stores = context.getStateStore(StateTopology.STORE);
        KeyValueStore<String, byte[]> marked = context.getStateStore(StateTopology.MARKS);
        this.marks = new ShipMarks(marked::put);
        try (var it = marked.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                marks.restore(kv.key, kv.value);
            }
        }
        lastComplete = ShipMarks.Complete.NONE;
        decoded.clear();
        this.partition = context.taskId().partition();
        Long known = topology.partitionWatermark(context, partition);
        if (known != null) taskMax = known;
        published = taskMax;
        nextTransaction = topology.committed(topology.topics().transactions(), partition);
        nextActivity = topology.committed(topology.topics().activity(), partition);
        context.schedule(PUNCTUATE, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
        long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
        if (topic.equals(topology.topics().activity())) nextActivity = offset + 1;
        else nextTransaction = offset + 1;
        try {
            if (SHIP_MARK.equals(record.key())) {
                mark(record, topic.equals(topology.topics().activity()));
                return;
            }
            lastRecord = System.currentTimeMillis();
            if (topic.equals(topology.topics().activity())) activity(record);
            else receipt(record);
        } catch (RuntimeException e) {
            LOG.warning(() -> "skipped a record of " + topic + " at offset " + offset + " (key " + record.key() + "): " + e.getMessage());
        }
    }

    private void receipt(Record<String, byte[]> record) {
        ReceiptFact f = ReceiptFact.of(TransactionCodec.decode(record.value()));
        // the key places the store on its partition, where queries look for it
        if (!f.store().equals(record.key())) throw new IllegalArgumentException("a transaction of store " + f.store() + " keyed " + record.key());
        StoreWindows w = load(f.store());
        w.receipt(f, watermarkBefore());
        save(w, f.closedAt());
        Long epoch = epochOf(record);
        context.forward(new Record<>(f.store(), Fact.of(f, partition, epoch).encode(), f.closedAt().toEpochMilli()), StateTopology.ALERT_SINK);
    }

    private void activity(Record<String, byte[]> record) {
        JsonNode n;
        try {
            n = Fact.JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("activity is not JSON: " + e.getMessage(), e);
        }
        RegisterKey register = new RegisterKey(record.key(), n.path("register").asText());
        Instant at = Instant.parse(n.path("at").asText());
        StoreWindows w = load(register.store());
        w.activity(register, at);
        save(w, at);
        Long epoch = n.hasNonNull("epoch") ? n.get("epoch").asLong() : null;
        context.forward(new Record<>(register.store(), Fact.activity(register, at, partition, epoch).encode(), at.toEpochMilli()), StateTopology.ALERT_SINK);
    }

    /** A shipper's mark, forwarded by the assembly of one raw partition (see {@link ShipMarks}); not data: the task stays idle. */
    private void mark(Record<String, byte[]> record, boolean activity) {
        JsonNode n;
        try {
            n = Fact.JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("ship mark is not JSON: " + e.getMessage(), e);
        }
        if (!n.hasNonNull("mark") || !n.hasNonNull("raw") || !n.hasNonNull("of")) throw new IllegalArgumentException("ship mark without mark, raw or of: " + n);
        Long floor = n.hasNonNull("floor") ? n.get("floor").asLong() : null;
        marks.mark(n.path("source").asText("unknown"), n.get("raw").asInt(), n.get("of").asInt(), n.get("mark").asLong(), floor,
                activity, System.currentTimeMillis());
    }

    private Instant watermarkBefore() {
        long chain = Math.max(taskMax, topology.chainWatermark(context));
        return chain == Long.MIN_VALUE ? null : Instant.ofEpochMilli(chain);
    }

    private StoreWindows load(String code) {
        return decoded.computeIfAbsent(code, c -> {
            byte[] bytes = stores.get(c);
            return bytes == null ? new StoreWindows(registry.store(c), config) : StoreWindows.fromBytes(registry.store(c), config, bytes);
        });
    }

    private void save(StoreWindows w, Instant at) {
        stores.put(w.store(), w.toBytes());
        taskMax = Math.max(taskMax, at.toEpochMilli());
    }

    @Override
    public void close() {
        decoded.clear();
    }

    private void punctuate(long now) {
        // where the task started, if Kafka could not say at init
        if (nextTransaction == null) nextTransaction = topology.committed(topology.topics().transactions(), partition);
        if (nextActivity == null) nextActivity = topology.committed(topology.topics().activity(), partition);
        boolean idle = now - lastRecord >= IDLE.toMillis();
        ShipMarks.Complete complete = marks.complete(now);
        if (taskMax != published) {
            context.forward(new Record<>(StateTopology.watermarkKey(partition), longBytes(taskMax), taskMax), StateTopology.WATERMARK_SINK);
            published = taskMax;
        } else if (idle == lastIdle && complete.equals(lastComplete) && now - lastProgress < HEARTBEAT.toMillis()) {
            return;
        }
        Instant upTo = taskMax == Long.MIN_VALUE ? null : Instant.ofEpochMilli(taskMax);
        context.forward(new Record<>("progress-" + partition, Fact.progress(partition, upTo, idle, nextTransaction, nextActivity, complete).encode(),
                Math.max(0, taskMax)), StateTopology.ALERT_SINK);
        lastIdle = idle;
        lastComplete = complete;
        lastProgress = now;
    }

    /** The shipper's round the assembly says a transaction's bytes were read in (header {@code ship-epoch}), or null. */
    private static Long epochOf(Record<String, byte[]> record) {
        var h = record.headers() == null ? null : record.headers().lastHeader(SHIP_EPOCH);
        if (h == null || h.value() == null) return null;
        try {
            return Long.valueOf(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }
}
