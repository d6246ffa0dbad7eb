package org.tillwatch.cluster.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.tillwatch.cluster.ClusterTopics;

/**
 * Whether a task that said it had read its partitions up to some offsets had read all they hold: the last stable
 * offsets (read_committed, looked up at most every {@code refresh}) are at those offsets, or only control records
 * (transaction markers) lie between, which a read_committed consumer seeking there confirms by finding nothing.
 */
final class Backlog implements FactOrder.CaughtUp, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Backlog.class.getName());
    /** A gap this small may be transaction markers only: look. A larger one holds records. */
    private static final long MARKERS = 2;

    private record Checked(long next, long end, boolean onlyMarkers) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ClusterTopics topics;
    private final List<TopicPartition> all = new ArrayList<>();
    private final long refreshNanos;
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    private final Map<TopicPartition, Checked> checked = new HashMap<>();
    private long fetched = Long.MIN_VALUE;

    Backlog(Properties consumerProps, ClusterTopics topics, int partitions, Duration refresh) {
        this.consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.refreshNanos = refresh.toNanos();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(topics.transactions(), p));
            all.add(new TopicPartition(topics.activity(), p));
        }
    }

    @Override
    public boolean test(int partition, Long transactionsNext, Long activityNext) {
        if (transactionsNext == null || activityNext == null) return false;
        long now = System.nanoTime();
        try {
            if (fetched == Long.MIN_VALUE || now - fetched > refreshNanos) {
                ends.clear();
                ends.putAll(consumer.endOffsets(all, Duration.ofSeconds(5)));
                fetched = now;
            }
            return readAll(new TopicPartition(topics.transactions(), partition), transactionsNext)
                    && readAll(new TopicPartition(topics.activity(), partition), activityNext);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot tell the state application's backlog: " + e);
            fetched = Long.MIN_VALUE;
            return false;
        }
    }

    private boolean readAll(TopicPartition tp, long next) {
        Long end = ends.get(tp);
        if (end == null) return false;
        if (next >= end) return true;
        if (end - next > MARKERS) return false;
        Checked c = checked.get(tp);
        if (c != null && c.next() == next && c.end() == end) return c.onlyMarkers();
        consumer.assign(List.of(tp));
        consumer.seek(tp, next);
        boolean nothing = consumer.poll(Duration.ofMillis(200)).isEmpty() && consumer.position(tp) >= end;
        checked.put(tp, new Checked(next, end, nothing));
        return nothing;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
