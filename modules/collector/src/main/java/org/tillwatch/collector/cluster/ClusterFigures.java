package org.tillwatch.collector.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tillwatch.collector.ingest.RegisterFigures;
import org.tillwatch.collector.ingest.StreamFigures;
import org.tillwatch.collector.ingest.StreamKey;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.kafka.RegisterCounts;
import org.tillwatch.kafka.Topics;

/**
 * Distributed mode's "everything ingested", the same figures the embedded collector keeps per register stream: every
 * instance reads the compacted figures topic (one latest record per register, counted exactly once by the assembly,
 * requests and tags between receipts included) and keeps the latest counts of each register. A status answer sums
 * them: O(registers), no scan of the stored transactions.
 */
final class ClusterFigures implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ClusterFigures.class.getName());

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Map<RegisterKey, RegisterCounts> latest = new TreeMap<>();
    private final Thread thread;
    private volatile boolean closing;

    ClusterFigures(String bootstrap, Topics topics) {
        this.topic = topics.figures();
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "tillwatch-figures");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Each register's latest counts, as the status API reads stream figures. */
    List<StreamFigures> get() {
        List<RegisterCounts> all;
        synchronized (this) {
            all = List.copyOf(latest.values());
        }
        List<StreamFigures> out = new ArrayList<>(all.size());
        for (RegisterCounts c : all) {
            out.add(new StreamFigures(new StreamKey(StreamKey.Input.PUSH, c.register()), new RegisterFigures.Snapshot(
                    c.receipts(), c.loyalty(), c.failed(), c.incomplete(), c.malformed(), c.outcomes(), c.tags(),
                    c.lastEvent() == null ? null : c.lastEvent().toString(), 0), c.lastEvent(), 0));
        }
        return out;
    }

    private void run() {
        try {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (!closing) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) continue;
                    try {
                        RegisterCounts c = RegisterCounts.fromJson(r.value());
                        synchronized (this) {
                            latest.put(c.register(), c);
                        }
                    } catch (RuntimeException e) {
                        LOG.warning(() -> "unreadable record in " + topic + " at " + r.partition() + "@" + r.offset());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "figures reader stopped", e);
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
