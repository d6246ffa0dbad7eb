package org.tillwatch.collector.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tillwatch.collector.ingest.MalformedSamples;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.kafka.Topics;

/**
 * Every instance reads the whole malformed topic (it is small: lines the parser could not read): the latest lines for
 * {@code /api/v1/malformed} (their counts come with the register's figures, {@link ClusterFigures}).
 */
final class MalformedTally implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MalformedTally.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final MalformedSamples samples;
    private final Thread thread;
    private volatile boolean closing;

    MalformedTally(String bootstrap, Topics topics, MalformedSamples samples) {
        this.topic = topics.malformed();
        this.samples = samples;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "tillwatch-malformed");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (!closing) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        JsonNode n = JSON.readTree(r.value());
                        RegisterKey key = new RegisterKey(n.get("store").asText(), n.get("register").asText());
                        samples.add(key.store(), new MalformedLine(n.path("file").asText(), n.path("line").asLong(),
                                n.path("reason").asText(), n.path("text").asText()));
                    } catch (java.io.IOException | RuntimeException e) {
                        LOG.warning(() -> "unreadable record in " + topic + " at " + r.partition() + "@" + r.offset());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "malformed-line tally stopped", e);
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
