package org.tillwatch.kafka.assembly;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.kafka.RawChunk;
import org.tillwatch.kafka.RegisterCounts;
import org.tillwatch.kafka.ShipMark;

/**
 * Raw chunks to transactions, per register, with the register's parser state in a state store: under
 * exactly-once processing a crash or a rebalance rolls back the store, the output and the input offsets together,
 * and the next owner rebuilds the pipeline from the store, so no transaction is lost or doubled.
 */
final class AssemblyProcessor implements Processor<String, byte[], String, byte[]> {
    static final String STATE_STORE = "register-state";
    static final String TRANSACTIONS = "transactions";
    static final String MALFORMED = "malformed";
    static final String ACTIVITY = "activity";
    static final String FIGURES = "figures";
    static final String REQUESTS = "requests";
    /** Key of a ship mark on the transactions and activity topics (sent to every partition of both). */
    static final String MARK_KEY = org.tillwatch.kafka.ShipMark.RECORD_KEY;
    private static final Logger LOG = Logger.getLogger(AssemblyProcessor.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreRegistry registry;
    private final AssemblySettings settings;
    private final AssemblyStats stats;
    private final Map<String, RegisterWork> cache = new HashMap<>();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> states;
    /** When this task started here: a register taken over from another instance is not silent since before. */
    private long startedMillis;
    /** Latest entry of each register of this task whose last entry may still be held back (not flushed as quiet). */
    private final Map<String, Long> unflushed = new HashMap<>();
    private boolean scanned;

    AssemblyProcessor(StoreRegistry registry, AssemblySettings settings, AssemblyStats stats) {
        this.registry = registry;
        this.settings = settings;
        this.stats = stats;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.states = context.getStateStore(STATE_STORE);
        this.startedMillis = System.currentTimeMillis();
        unflushed.clear();
        scanned = false;
        context.schedule(settings.tick(), PunctuationType.WALL_CLOCK_TIME, this::quiet);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RawChunk chunk;
        try {
            ShipMark mark = ShipMark.of(record.headers());
            if (mark != null) {
                mark(mark);
                return;
            }
            chunk = RawChunk.of(record.key(), record.headers(), record.value());
        } catch (IllegalArgumentException e) {
            stats.badRecords.increment();
            LOG.warning(() -> "raw record skipped: " + e.getMessage());
            return;
        }
        long now = System.currentTimeMillis();
        String id = chunk.register().toString();
        RegisterWork w = work(id, chunk.register(), chunk.file(), chunk.offset() == null ? 0 : chunk.offset(), now);
        byte[] bytes = chunk.bytes();
        int from = 0;
        if (chunk.offset() != null) {
            long offset = chunk.offset();
            long position = w.position();
            if (offset + bytes.length <= position && !(bytes.length == 0 && offset == position)) {
                stats.duplicateChunks.increment();
                return;
            }
            if (offset < position) {
                from = (int) (position - offset);
            } else if (offset > position) {
                stats.gaps.increment();
                LOG.warning(() -> id + ": chunk starts at " + offset + ", the stream is at " + position
                        + ": the bytes between were lost before Kafka; reading on from the chunk");
                w.finish();
                emit(w);
                w = RegisterWork.after(w, chunk.file(), offset, now);
                cache.put(id, w);
            }
        }
        w.file(chunk.file());
        Long epoch = ShipMark.epochOf(record.headers());
        if (epoch != null) w.epoch = epoch;
        w.input(bytes, from, bytes.length - from, now);
        stats.bytes.add(bytes.length - from);
        if (chunk.endOfFile()) w.endOfFile();
        emit(w);
        save(id, w);
    }

    /** Registers gone quiet: their last entry is read, and a receipt silent for 30 minutes of event time ends. */
    private void quiet(long now) {
        List<KeyValue<String, RegisterState>> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = states.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                RegisterState s = RegisterState.decode(kv.value);
                if (s.lastEventMillis() != Long.MIN_VALUE) stats.sawEvent(s.lastEventMillis());
                held(kv.key, s.quietHandled(), s.lastEventMillis());
                long idle = now - Math.max(s.lastInputMillis(), startedMillis);
                boolean flush = !s.quietHandled() && idle >= settings.idleFlush().toMillis();
                boolean expire = idle >= settings.silenceExpiry().toMillis() && s.position() > s.resumeOffset();
                if (flush || expire) due.add(KeyValue.pair(kv.key, s));
            }
        }
        scanned = true;
        long mark = stats.watermarkMillis.get();
        for (KeyValue<String, RegisterState> d : due) {
            String[] parts = d.key.split("/", 2);
            RegisterKey key = new RegisterKey(parts[0], parts[1]);
            RegisterWork w = work(d.key, key, null, 0, now);
            boolean changed = false;
            long idle = now - Math.max(w.lastInputMillis(), startedMillis);
            if (!w.quietHandled() && idle >= settings.idleFlush().toMillis()) {
                w.quiet();
                changed = true;
            }
            if (mark != Long.MIN_VALUE && idle >= settings.silenceExpiry().toMillis()) {
                changed |= w.expire(LocalDateTime.ofInstant(Instant.ofEpochMilli(mark), w.store.zone()));
            }
            if (changed) {
                emit(w);
                save(d.key, w);
            }
        }
    }

    private RegisterWork work(String id, RegisterKey key, String file, long offset, long now) {
        byte[] stored = states.get(id);
        RegisterWork w = cache.get(id);
        if (stored == null) {
            w = RegisterWork.fresh(key, registry.store(key.store()), file, offset, now);
        } else if (w == null || w.version() != RegisterState.versionOf(stored)) {
            w = RegisterWork.restore(key, registry.store(key.store()), RegisterState.decode(stored));
        } else {
            return w;
        }
        cache.put(id, w);
        return w;
    }

    /**
     * A shipper's round is complete up to this record: forwarded to every transactions and activity partition with the
     * oldest entry this task may still hold back (a register's last entry, read once the register goes quiet or its next entry comes),
     * so the alert leader knows both what the shipper has read and what is still inside the assembly. Its timestamp is
     * the latest event seen, so the state task takes it after this task's earlier transactions (timestamp order).
     */
    private void mark(ShipMark mark) {
        if (!scanned) {
            try (KeyValueIterator<String, byte[]> it = states.all()) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    if (!unflushed.containsKey(kv.key) && cache.get(kv.key) == null) {
                        RegisterState s = RegisterState.decode(kv.value);
                        held(kv.key, s.quietHandled(), s.lastEventMillis());
                    }
                }
            }
            scanned = true;
        }
        long floor = unflushed.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        ObjectNode n = JSON.createObjectNode().put("mark", mark.epoch()).put("source", mark.source())
                .put("raw", context.taskId().partition()).put("of", mark.partitions());
        if (floor != Long.MAX_VALUE) n.put("floor", floor); // epoch millis; Long.MIN_VALUE: a first entry not read yet
        Record<String, byte[]> r = new Record<>(MARK_KEY, n.toString().getBytes(StandardCharsets.UTF_8), Math.max(0, stats.watermarkMillis.get()));
        context.forward(r, TRANSACTIONS);
        context.forward(r, ACTIVITY);
    }

    /** A register not flushed as quiet may hold its last entry back: no older than its latest entry read (any, before the first). */
    private void held(String id, boolean quietHandled, long lastEventMillis) {
        if (quietHandled) unflushed.remove(id);
        else unflushed.put(id, lastEventMillis);
    }

    private void save(String id, RegisterWork w) {
        held(id, w.quietHandled(), w.lastEventMillis());
        states.put(id, w.save().encode());
        if (w.lastEventMillis() != Long.MIN_VALUE) stats.sawEvent(w.lastEventMillis());
    }

    private void emit(RegisterWork w) {
        for (Transaction t : w.takeTransactions()) {
            context.forward(new Record<>(w.key.store(), TransactionCodec.encode(t), t.closedAt().toEpochMilli(), epochHeader(w)), TRANSACTIONS);
            stats.transactions.increment();
        }
        for (var r : w.takeRequests()) {
            var at = r.outcomeTime() != null ? r.outcomeTime() : r.time();
            long ts = at == null ? context.currentSystemTimeMs() : at.atZone(w.store.zone()).toInstant().toEpochMilli();
            context.forward(new Record<>(w.key.store(), new org.tillwatch.kafka.RegisterRequestRecord(w.key, r).encode(), ts), REQUESTS);
        }
        long last = w.lastEventMillis();
        if (last != Long.MIN_VALUE && last >= w.activitySentMillis + 1000) {
            ObjectNode a = JSON.createObjectNode().put("register", w.key.register()).put("at", Instant.ofEpochMilli(last).toString());
            if (w.epoch != null) a.put("epoch", w.epoch);
            context.forward(new Record<>(w.key.store(), a.toString().getBytes(StandardCharsets.UTF_8), last), ACTIVITY);
            w.activitySentMillis = last;
        }
        for (MalformedLine line : w.takeMalformed()) {
            ObjectNode n = JSON.createObjectNode().put("store", w.key.store()).put("register", w.key.register())
                    .put("file", line.source()).put("line", line.line()).put("reason", line.reason()).put("text", line.text());
            context.forward(new Record<>(w.key.store(), n.toString().getBytes(StandardCharsets.UTF_8),
                    context.currentSystemTimeMs()), MALFORMED);
            stats.malformedLines.increment();
        }
        RegisterCounts counts = w.takeCounts();
        if (counts != null) {
            context.forward(new Record<>(w.key.toString(), counts.toJson(), context.currentSystemTimeMs()), FIGURES);
        }
    }

    private static org.apache.kafka.common.header.Headers epochHeader(RegisterWork w) {
        var h = new org.apache.kafka.common.header.internals.RecordHeaders();
        if (w.epoch != null) h.add(ShipMark.EPOCH, ShipMark.epochBytes(w.epoch));
        return h;
    }

    @Override
    public void close() {
        cache.clear();
    }
}
