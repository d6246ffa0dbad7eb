package org.tillwatch.kafka.assembly;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.kafka.Topics;

/**
 * The assembly stage: a Kafka Streams application ({@code P+assembly}, exactly-once v2) from the raw topic to the
 * transactions topic (and the malformed topic). Each instance assembles the raw partitions it owns.
 */
public final class Assembly implements AutoCloseable {
    private final KafkaStreams streams;
    private final AssemblyStats stats = new AssemblyStats();

    public Assembly(String bootstrap, Topics topics, StoreRegistry registry, AssemblySettings settings) {
        this.streams = new KafkaStreams(topology(topics, registry, settings, stats), properties(bootstrap, topics, settings));
    }

    static Topology topology(Topics topics, StoreRegistry registry, AssemblySettings settings, AssemblyStats stats) {
        Topology t = new Topology();
        t.addSource("raw", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.raw());
        t.addProcessor("assemble", () -> new AssemblyProcessor(registry, settings, stats), "raw");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AssemblyProcessor.STATE_STORE),
                Serdes.String(), Serdes.ByteArray()), "assemble");
        t.addSink(AssemblyProcessor.TRANSACTIONS, topics.transactions(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), Assembly::marksToAll, "assemble");
        t.addSink(AssemblyProcessor.ACTIVITY, topics.activity(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), Assembly::marksToAll, "assemble");
        t.addSink(AssemblyProcessor.REQUESTS, topics.requests(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), "assemble");
        t.addSink(AssemblyProcessor.FIGURES, topics.figures(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), "assemble");
        t.addSink(AssemblyProcessor.MALFORMED, topics.malformed(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), "assemble");
        return t;
    }

    /**
     * A ship mark goes to every partition of the transactions and the activity topics, behind what this task sent
     * there before it: each state task must hear every raw partition's marks, on both its topics (Kafka Streams does
     * not promise to read two topics in step). Everything else by its key, as without a partitioner.
     */
    private static java.util.Optional<java.util.Set<Integer>> marksToAll(String topic, String key, byte[] value, int partitions) {
        if (!AssemblyProcessor.MARK_KEY.equals(key)) return java.util.Optional.empty();
        return java.util.Optional.of(java.util.stream.IntStream.range(0, partitions).boxed().collect(java.util.stream.Collectors.toSet()));
    }

    static Properties properties(String bootstrap, Topics topics, AssemblySettings settings) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.assemblyApplicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replication());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // A crashed instance's registers move to the others after this long without its heartbeats.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) settings.sessionTimeout().toMillis());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), (int) Math.max(500, settings.sessionTimeout().toMillis() / 4));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
        return p;
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public AssemblyStats stats() {
        return stats;
    }

    /** The latest entry time this instance's assembly has seen, or null before any. */
    public java.time.Instant watermark() {
        long m = stats.watermarkMillis.get();
        return m == Long.MIN_VALUE ? null : java.time.Instant.ofEpochMilli(m);
    }

    @Override
    public void close() {
        // Leaving the group hands this instance's registers over at once, instead of after the session timeout.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
