package org.tillwatch.kafka.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.kafka.CollectingWriter;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.kafka.SampleFleetKafka;
import org.tillwatch.kafka.TopicSetup;
import org.tillwatch.kafka.RegisterCounts;
import org.tillwatch.kafka.Topics;
import org.tillwatch.kafka.index.Indexer;
import org.tillwatch.kafka.index.IndexerSettings;

/**
 * The sample fleet through Kafka: raw chunks (re-sent in part), two assembly instances of which one stops half-way,
 * the indexer: each transaction is on the transactions topic exactly once and the figures are expected.json's.
 */
class AssemblyTest {
    @TempDir
    Path dir;

    @Test
    void theSampleFleetAssemblesExactlyOnceAcrossARebalance() throws Exception {
        Topics topics = new Topics("t.");
        StoreRegistry registry = StoreRegistry.parse(Files.readString(SampleFleetKafka.root().resolve("stores.csv")),
                java.time.ZoneId.of("Europe/Moscow"));
        try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
            String bootstrap = kafka.bootstrapServers();
            TopicSetup.ensure(bootstrap, topics, 4, 1);
            CollectingWriter writer = new CollectingWriter(t -> false);
            Assembly a = new Assembly(bootstrap, topics, registry, settings("a"));
            try (Assembly b = new Assembly(bootstrap, topics, registry, settings("b"));
                 Indexer indexer = new Indexer(bootstrap, topics, writer, new IndexerSettings(200, 3, Duration.ofMillis(50)))) {
                a.start();
                b.start();
                indexer.start();
                await(() -> a.state() == KafkaStreams.State.RUNNING && b.state() == KafkaStreams.State.RUNNING);
                SampleFleetKafka.produce(bootstrap, topics, 16 * 1024, 0, 0.5);
                await(() -> writer.stored.size() > 300);
                a.close();
                // A shipper that lost its checkpoint re-sends a stretch already sent: the assembler skips those bytes.
                SampleFleetKafka.produce(bootstrap, topics, 16 * 1024, 0.4, 1.0);
                Map<String, List<Long>> expected = SampleFleetKafka.expectedStores();
                awaitQuietly(() -> SampleFleetKafka.figures(writer.stored.values()).equals(expected));
                assertThat(SampleFleetKafka.figures(writer.stored.values())).isEqualTo(expected);
                assertThat(b.stats().duplicateChunks()).isPositive();
                assertThat(b.stats().gaps()).isZero();
            } finally {
                a.close();
            }
            Map<String, Integer> onTopic = transactionsOnTopic(bootstrap, topics);
            assertThat(onTopic).hasSize(writer.stored.size());
            assertThat(onTopic.values()).allMatch(n -> n == 1);
            assertThat(malformedOnTopic(bootstrap, topics)).isEqualTo(23);
            assertFiguresTopicHasTheExpectedCounts(bootstrap, topics, SampleFleetKafka.expectedStores());
        }
    }

    /**
     * The compacted figures topic, latest record per register, summed: every outcome and tag of expected.json (also
     * those of requests and tags between receipts, which no transaction carries), the stores' counts, 23 malformed lines.
     */
    private static void assertFiguresTopicHasTheExpectedCounts(String bootstrap, Topics topics, Map<String, List<Long>> stores)
            throws Exception {
        Map<String, RegisterCounts> latest = new java.util.TreeMap<>();
        consume(bootstrap, topics.figures(), v -> {
            RegisterCounts c = RegisterCounts.fromJson(v);
            latest.put(c.register().toString(), c);
        });
        Map<String, Long> outcomes = new java.util.TreeMap<>();
        Map<String, Long> tags = new java.util.TreeMap<>();
        Map<String, List<Long>> perStore = new java.util.TreeMap<>();
        long malformed = 0;
        for (RegisterCounts c : latest.values()) {
            c.outcomes().forEach((k, n) -> outcomes.merge(k, n, Long::sum));
            c.tags().forEach((k, n) -> tags.merge(k, n, Long::sum));
            malformed += c.malformed();
            perStore.merge(c.register().store(), List.of(c.receipts(), c.loyalty(), c.failed(), c.incomplete()),
                    (a, b) -> java.util.stream.IntStream.range(0, 4).mapToObj(i -> a.get(i) + b.get(i)).toList());
        }
        var expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SampleFleetKafka.root().resolve("expected.json").toFile());
        Map<String, Long> wantOutcomes = new java.util.TreeMap<>();
        expected.get("outcomes").properties().forEach(e -> wantOutcomes.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> wantTags = new java.util.TreeMap<>();
        expected.get("tags").properties().forEach(e -> wantTags.put(e.getKey(), e.getValue().asLong()));
        assertThat(outcomes).isEqualTo(wantOutcomes);
        assertThat(tags).isEqualTo(wantTags);
        assertThat(malformed).isEqualTo(expected.get("malformed_lines").asLong());
        assertThat(perStore).isEqualTo(stores);
    }

    private AssemblySettings settings(String name) {
        return new AssemblySettings(dir.resolve(name), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMinutes(2), 0, 1,
                Duration.ofSeconds(6));
    }

    static Map<String, Integer> transactionsOnTopic(String bootstrap, Topics topics) {
        Map<String, Integer> seen = new HashMap<>();
        consume(bootstrap, topics.transactions(), v -> seen.merge(TransactionCodec.decode(v).id().toString(), 1, Integer::sum));
        return seen;
    }

    static int malformedOnTopic(String bootstrap, Topics topics) {
        int[] n = {0};
        consume(bootstrap, topics.malformed(), v -> n[0]++);
        return n[0];
    }

    private static void consume(String bootstrap, String topic, java.util.function.Consumer<byte[]> each) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(1).toNanos() && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) quietSince = System.nanoTime();
                records.forEach(r -> each.accept(r.value()));
            }
        }
    }

    static void awaitQuietly(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.call() && System.nanoTime() < deadline) Thread.sleep(100);
    }

    static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met in 90 s");
            Thread.sleep(100);
        }
    }
}
