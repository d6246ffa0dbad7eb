package org.tillwatch.cluster;

import java.nio.ByteBuffer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.live.LiveConfig;

/**
 * The state application's topology. Sub-topology 1, one task per transactions partition: {@code P+transactions} and
 * {@code P+activity} (co-partitioned by store) into the {@code store-windows} store (changelogged, with standbys), out
 * to {@code P+alert-facts} and {@code P+watermarks}. A global store reads {@code P+watermarks} on every instance.
 * Sub-topology 2, when alerting is on: {@code P+alert-facts}, one partition, so one task: whoever runs it leads
 * alerting.
 */
final class StateTopology {
    static final String STORE = "store-windows";
    /** Per shipper and raw partition, the latest marks this task heard ({@link ShipMarks}); changelogged, so a moved task knows them. */
    static final String MARKS = "ship-marks";
    static final String WATERMARKS = "chain-watermarks";
    static final String ALERT_SINK = "alert-facts-sink";
    static final String WATERMARK_SINK = "watermarks-sink";

    private final ClusterTopics topics;
    private final StoreRegistry registry;
    private final LiveConfig liveConfig;
    private volatile org.apache.kafka.clients.admin.Admin admin;

    StateTopology(ClusterTopics topics, StoreRegistry registry, LiveConfig liveConfig) {
        this.topics = topics;
        this.registry = registry;
        this.liveConfig = liveConfig;
    }

    ClusterTopics topics() {
        return topics;
    }

    StoreRegistry registry() {
        return registry;
    }

    LiveConfig liveConfig() {
        return liveConfig;
    }

    void admin(org.apache.kafka.clients.admin.Admin admin) {
        this.admin = admin;
    }

    /** Where the application's group will read a partition from (0 before any commit), or null when Kafka cannot say. */
    Long committed(String topic, int partition) {
        var a = admin;
        if (a == null) return null;
        var tp = new org.apache.kafka.common.TopicPartition(topic, partition);
        try {
            var offsets = a.listConsumerGroupOffsets(topics.applicationId()).partitionsToOffsetAndMetadata()
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
            var o = offsets.get(tp);
            return o == null ? 0L : o.offset();
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return null;
        }
    }

    static String watermarkKey(int partition) {
        return "transactions-" + partition;
    }

    @SuppressWarnings("deprecation")
    Topology build(ProcessorSupplier<String, byte[], Void, Void> alertLeader) {
        Topology t = new Topology();
        t.addSource("transactions", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.transactions());
        t.addSource("activity", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.activity());
        t.addProcessor("store-state", () -> new StoreStateProcessor(this), "transactions", "activity");
        // cached: a busy store is written to the changelog once per commit, not once per receipt
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled(), "store-state");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MARKS), Serdes.String(), Serdes.ByteArray()), "store-state");
        t.addSink(ALERT_SINK, topics.alertFacts(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), "store-state");
        t.addSink(WATERMARK_SINK, topics.watermarks(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), "store-state");
        t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WATERMARKS), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(), "watermarks-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                topics.watermarks(), "watermarks-update", WatermarkUpdate::new);
        if (alertLeader != null) {
            t.addSource("alert-facts", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.alertFacts());
            t.addProcessor("alert-leader", alertLeader, "alert-facts");
        }
        return t;
    }

    /** A partition's last published event time, from the global store (after a move or a restart); null if none. */
    Long partitionWatermark(ProcessorContext<?, ?> context, int partition) {
        KeyValueStore<String, byte[]> store = context.getStateStore(WATERMARKS);
        byte[] v = store.get(watermarkKey(partition));
        return v == null || v.length != 8 ? null : ByteBuffer.wrap(v).getLong();
    }

    long chainWatermark(ProcessorContext<?, ?> context) {
        return max(context.getStateStore(WATERMARKS));
    }

    /** The latest event time over every partition in a watermarks store, or Long.MIN_VALUE. */
    static long max(ReadOnlyKeyValueStore<String, byte[]> store) {
        long max = Long.MIN_VALUE;
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (kv.value != null && kv.value.length == 8) max = Math.max(max, ByteBuffer.wrap(kv.value).getLong());
            }
        }
        return max;
    }

    private static final class WatermarkUpdate implements Processor<String, byte[], Void, Void> {
        private KeyValueStore<String, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(WATERMARKS);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            byte[] old = record.key() == null ? null : store.get(record.key());
            // a partition's event time only moves forward, whatever order two of its writers' records land in
            if (record.key() == null || record.value() == null || record.value().length != 8) return;
            if (old != null && ByteBuffer.wrap(old).getLong() >= ByteBuffer.wrap(record.value()).getLong()) return;
            store.put(record.key(), record.value());
        }
    }
}
