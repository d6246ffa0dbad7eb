package org.tillwatch.kafka.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.kafka.RawChunk;
import org.tillwatch.kafka.SampleFleetKafka;
import org.tillwatch.kafka.ShipMark;
import org.tillwatch.kafka.TopicSetup;
import org.tillwatch.kafka.Topics;

/**
 * A shipper's marks through the assembly: each reaches every transactions and activity partition, after the
 * transactions of the bytes before it, with the oldest entry the assembly still holds back (a register's last entry, until it goes quiet); the
 * transactions and activity say which round read their bytes.
 */
class ShipMarkAssemblyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void marksReachEveryActivityPartitionWithWhatTheAssemblyStillHoldsBack() throws Exception {
        Topics topics = new Topics("m.");
        StoreRegistry registry = StoreRegistry.parse(Files.readString(SampleFleetKafka.root().resolve("stores.csv")),
                java.time.ZoneId.of("Europe/Moscow"));
        RegisterKey register = new RegisterKey("AX1B", "POS01");
        byte[] all = SampleFleetKafka.files().stream().filter(f -> f.register().equals(register)).findFirst().orElseThrow().bytes();
        byte[] head = java.util.Arrays.copyOf(all, lineEnd(all, 12 * 1024));
        try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
            String bootstrap = kafka.bootstrapServers();
            TopicSetup.ensure(bootstrap, topics, 3, 1);
            try (Assembly assembly = new Assembly(bootstrap, topics, registry, new AssemblySettings(dir, Duration.ofMillis(200),
                    Duration.ofSeconds(2), Duration.ofMinutes(2), 0, 1, Duration.ofSeconds(6)));
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                         new StringSerializer(), new ByteArraySerializer())) {
                assembly.start();
                AssemblyTest.await(() -> assembly.state() == KafkaStreams.State.RUNNING);
                ProducerRecord<String, byte[]> chunk = new RawChunk(register, "ship:test", 0L, "pos.log", false, head).toRecord(topics.raw());
                chunk.headers().add(ShipMark.EPOCH, ShipMark.epochBytes(1000));
                producer.send(chunk).get();
                for (int p = 0; p < 3; p++) producer.send(new ShipMark("ship:test", 1000, 3).toRecord(topics.raw(), p)).get();
                List<ConsumerRecord<String, byte[]>> first = read(bootstrap, topics.activity(), 9);
                // the register's last entry stays in the assembly until it goes quiet (2 s): a later mark has no floor
                Thread.sleep(3000);
                for (int p = 0; p < 3; p++) producer.send(new ShipMark("ship:test", 2000, 3).toRecord(topics.raw(), p)).get();
                List<ConsumerRecord<String, byte[]>> marks = read(bootstrap, topics.activity(), 18).stream()
                        .filter(r -> AssemblyProcessor.MARK_KEY.equals(r.key())).toList();

                List<JsonNode> round1 = marks.stream().map(ShipMarkAssemblyTest::json).filter(n -> n.get("mark").asLong() == 1000).toList();
                assertThat(round1).as("one per raw partition, on each of the 3 activity partitions").hasSize(9);
                assertThat(marks.stream().filter(r -> json(r).get("mark").asLong() == 1000).map(ConsumerRecord::partition).distinct())
                        .containsExactlyInAnyOrder(0, 1, 2);
                int raw = partitionOf(register.store());
                for (JsonNode n : round1) {
                    assertThat(n.get("source").asText()).isEqualTo("ship:test");
                    assertThat(n.get("of").asInt()).isEqualTo(3);
                    if (n.get("raw").asInt() == raw) {
                        assertThat(n.hasNonNull("floor")).as("the register's last entry is held back: " + n).isTrue();
                    } else {
                        assertThat(n.hasNonNull("floor")).as("nothing held back on another raw partition: " + n).isFalse();
                    }
                }
                assertThat(marks.stream().map(ShipMarkAssemblyTest::json).filter(n -> n.get("mark").asLong() == 2000))
                        .as("after the quiet flush nothing is held back").hasSize(9).noneMatch(n -> n.hasNonNull("floor"));
                List<JsonNode> activity = first.stream().filter(r -> !AssemblyProcessor.MARK_KEY.equals(r.key())).map(ShipMarkAssemblyTest::json).toList();
                assertThat(activity).isNotEmpty().allMatch(n -> n.get("epoch").asLong() == 1000);
                List<ConsumerRecord<String, byte[]>> transactions = read(bootstrap, topics.transactions(), 18);
                assertThat(transactions.stream().filter(r -> AssemblyProcessor.MARK_KEY.equals(r.key())))
                        .as("the same marks on every transactions partition").hasSize(18)
                        .extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
                assertThat(transactions.stream().filter(r -> !AssemblyProcessor.MARK_KEY.equals(r.key())))
                        .isNotEmpty().allMatch(r -> Long.valueOf(1000).equals(ShipMark.epochOf(r.headers())));
            }
        }
    }

    private static int partitionOf(String store) {
        // the raw topic's default partitioner, as the shipper's producer uses it
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(store.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> r) {
        try {
            return JSON.readTree(r.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] == '\n') return i + 1;
        return bytes.length;
    }

    /** The records of a topic (read committed) once at least {@code marks} of them are ship marks, or after 30 s. */
    private static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic, int marks) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && out.stream().filter(r -> AssemblyProcessor.MARK_KEY.equals(r.key())).count() < marks) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            long settle = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < settle) consumer.poll(Duration.ofMillis(100)).forEach(out::add);
        }
        return out;
    }
}
