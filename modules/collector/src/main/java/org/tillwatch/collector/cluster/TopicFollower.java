package org.tillwatch.collector.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole (small) topic from its beginning on a daemon thread, every partition, committed records only, and hands
 * each record over, until closed. A record the handler cannot read is logged and skipped.
 */
final class TopicFollower implements AutoCloseable {
    interface Handler {
        void accept(ConsumerRecord<String, byte[]> record) throws IOException;
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Handler handler;
    private final Logger log;
    private final String name;
    private final Thread thread;
    private volatile boolean closing;

    /** {@code name} says what stopped if reading fails, in {@code log}; the thread is {@code tillwatch-<thread>}. */
    TopicFollower(String bootstrap, String topic, String thread, Logger log, String name, Handler handler) {
        this.topic = topic;
        this.handler = handler;
        this.log = log;
        this.name = name;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "tillwatch-" + thread);
        this.thread.setDaemon(true);
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
                        handler.accept(r);
                    } catch (IOException | RuntimeException e) {
                        log.warning(() -> "unreadable record in " + topic + " at " + r.partition() + "@" + r.offset());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.log(Level.WARNING, name + " stopped", e);
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
