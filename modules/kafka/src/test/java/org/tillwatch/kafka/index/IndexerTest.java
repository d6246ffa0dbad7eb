package org.tillwatch.kafka.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.kafka.CollectingWriter;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.kafka.SampleFleetKafka;
import org.tillwatch.kafka.TopicSetup;
import org.tillwatch.kafka.Topics;

class IndexerTest {
    @Test
    void refusedItemsAreParkedWithTheReasonAndAnOutageLosesNothing() throws Exception {
        List<Transaction> transactions = oneRegister();
        Transaction refused = transactions.get(7);
        Topics topics = new Topics("i.");
        try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
            String bootstrap = kafka.bootstrapServers();
            TopicSetup.ensure(bootstrap, topics, 2, 1);
            CollectingWriter writer = new CollectingWriter(t -> t.id().equals(refused.id()));
            writer.down = true;
            try (Indexer indexer = new Indexer(bootstrap, topics, writer, new IndexerSettings(50, 2, Duration.ofMillis(20)))) {
                indexer.start();
                produce(bootstrap, topics, transactions.subList(0, 100));
                Thread.sleep(1500);
                assertThat(writer.stored).isEmpty();
                assertThat(indexer.parked()).isZero();
                writer.down = false;
                produce(bootstrap, topics, transactions.subList(100, transactions.size()));
                await(() -> writer.stored.size() == transactions.size() - 1);
                assertThat(writer.stored).doesNotContainKey(refused.id().toString());
                assertThat(indexer.parked()).isEqualTo(1);
                // An outage after the store has worked: a batch written again later, nothing parked.
                long before = indexer.indexed();
                writer.down = true;
                produce(bootstrap, topics, transactions.subList(0, 5));
                Thread.sleep(1500);
                assertThat(indexer.indexed()).isEqualTo(before);
                writer.down = false;
                await(() -> indexer.indexed() == before + 5);
                assertThat(indexer.parked()).isEqualTo(1);
                assertThat(indexer.failure()).isNull();
            }
            List<ConsumerRecord<String, byte[]>> dead = read(bootstrap, topics.deadLetter(), 1);
            assertThat(dead).hasSize(1);
            ConsumerRecord<String, byte[]> d = dead.get(0);
            assertThat(TransactionCodec.decode(d.value()).id()).isEqualTo(refused.id());
            assertThat(header(d, "reason")).contains("mapping rejected " + refused.id());
            assertThat(header(d, "source-topic")).isEqualTo(topics.transactions());
            assertThat(header(d, "source-partition")).matches("[01]");
            assertThat(Long.parseLong(header(d, "source-offset"))).isNotNegative();
        }
    }

    private static List<Transaction> oneRegister() throws Exception {
        List<Transaction> out = new ArrayList<>();
        SampleFleetKafka.RegisterFile f = SampleFleetKafka.files().stream().filter(r -> r.register().store().equals("AX1B"))
                .findFirst().orElseThrow();
        RegisterPipeline p = new RegisterPipeline(f.register(), Store.unregistered("AX1B", ZoneId.of("Europe/Moscow")),
                new ReferenceDialect(), out::add, line -> { });
        p.startFile(f.name());
        p.feed(f.bytes(), 0, f.bytes().length);
        p.endOfFile();
        p.finish();
        assertThat(out).hasSizeGreaterThan(120);
        return out;
    }

    private static void produce(String bootstrap, Topics topics, List<Transaction> batch) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Transaction t : batch) producer.send(new ProducerRecord<>(topics.transactions(), t.store(), TransactionCodec.encode(t)));
            producer.flush();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic, int atLeast) throws Exception {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met in 60 s");
            Thread.sleep(100);
        }
    }
}
