package org.tillwatch.kafka.assembly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.kafka.CollectingWriter;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.kafka.RawChunk;
import org.tillwatch.kafka.SampleFleetKafka;
import org.tillwatch.kafka.TopicSetup;
import org.tillwatch.kafka.Topics;
import org.tillwatch.kafka.index.Indexer;
import org.tillwatch.kafka.index.IndexerSettings;

/**
 * Not in the suite (run with {@code -Dtest=AssemblyBench -Dbench.copies=N}): the sample day N times (each copy under
 * other store codes) produced to the raw topic first, then one instance assembles it and its indexer reads every
 * transaction back (into memory): MB/s of register log through Kafka, Streams and the parser on one instance.
 */
class AssemblyBench {
    private static long topicBytes(KafkaTestCluster kafka, String topic) throws Exception {
        try (var admin = kafka.admin()) {
            var nodes = admin.describeCluster().nodes().get().stream().map(org.apache.kafka.common.Node::id).toList();
            long sum = 0;
            for (var dirs : admin.describeLogDirs(nodes).allDescriptions().get().values()) {
                for (var dir : dirs.values()) {
                    for (var e : dir.replicaInfos().entrySet()) if (e.getKey().topic().equals(topic)) sum += e.getValue().size();
                }
            }
            return sum;
        }
    }

    @Test
    void throughputOfOneInstance() throws Exception {
        int copies = Integer.getInteger("bench.copies", 10);
        Topics topics = new Topics("bench.");
        List<SampleFleetKafka.RegisterFile> files = SampleFleetKafka.files();
        List<String> stores = files.stream().map(f -> f.register().store()).distinct().sorted().toList();
        long bytes = 0;
        try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
            String bootstrap = kafka.bootstrapServers();
            TopicSetup.ensure(bootstrap, topics, 4, 1);
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                    ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024), new StringSerializer(), new ByteArraySerializer())) {
                for (int c = 0; c < copies; c++) {
                    for (SampleFleetKafka.RegisterFile f : files) {
                        int store = stores.indexOf(f.register().store());
                        RegisterKey key = new RegisterKey("" + (char) ('A' + c % 26) + (char) ('A' + c / 26 % 26) + "0" + store,
                                f.register().register());
                        for (int off = 0; off < f.bytes().length; off += 256 * 1024) {
                            int len = Math.min(256 * 1024, f.bytes().length - off);
                            producer.send(new RawChunk(key, "bench", (long) off, f.name(), off + len == f.bytes().length,
                                    java.util.Arrays.copyOfRange(f.bytes(), off, off + len)).toRecord(topics.raw()));
                            bytes += len;
                        }
                    }
                }
            }
            StoreRegistry registry = StoreRegistry.empty(ZoneId.of("Europe/Moscow"));
            CollectingWriter writer = new CollectingWriter(t -> false);
            Path dir = Files.createTempDirectory("assembly-bench");
            long start = System.nanoTime();
            try (Assembly a = new Assembly(bootstrap, topics, registry, new AssemblySettings(dir, Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofMinutes(2), 0, 1, Duration.ofSeconds(10)));
                 Indexer indexer = new Indexer(bootstrap, topics, writer, IndexerSettings.defaults())) {
                a.start();
                indexer.start();
                long want = (long) copies * 2100;
                long last = -1;
                long lastChange = System.nanoTime();
                while (System.nanoTime() - lastChange < Duration.ofSeconds(5).toNanos()) {
                    long n = writer.stored.size();
                    if (n != last) {
                        last = n;
                        lastChange = System.nanoTime();
                    }
                    Thread.sleep(100);
                    if (a.state() == KafkaStreams.State.ERROR) throw new AssertionError("assembly failed");
                }
                double seconds = (lastChange - start) / 1e9;
                Thread.sleep(2000);
                System.out.printf("BENCH on the broker (lz4): raw %.2f bytes per byte of log, transactions %.0f bytes per transaction%n",
                        topicBytes(kafka, topics.raw()) / (double) bytes, topicBytes(kafka, topics.transactions()) / (double) last);
                System.out.printf("BENCH assembly+indexer, one instance: %d transactions (want >= %d), %.1f MB of log in %.1f s: %.2f MB/s, %.0f tx/s%n",
                        last, want, bytes / 1e6, seconds, bytes / 1e6 / seconds, last / seconds);
            }
        }
    }
}
