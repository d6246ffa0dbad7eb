package org.tillwatch.cluster.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.tillwatch.cluster.ClusterTopics;

/**
 * Whether a task that said it had read its partitions up to some offsets had read all they hold: the last stable
 * offsets (read_committed, looked up at most every {@code refresh}) are at those offsets, or only control records
 * (transaction markers) lie between, which a read_committed consumer seeking there confirms by finding nothing.
 * Its source too: the assembly application must have read all of the raw partition its transactions come from (same
 * key, same partition count), else an idle task is only waiting for receipts older than what the others sent (a
 * moving assembly task after a kill). {@link #drained} asks the same of a task not heard from, from the state
 * application's committed offsets.
 */
final class Backlog implements FactOrder.CaughtUp, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Backlog.class.getName());
    /** A gap this small may be transaction markers only: look. A larger one holds records. */
    private static final long MARKERS = 2;

    private record Checked(long next, long end, boolean onlyMarkers) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Admin admin;
    private final ClusterTopics topics;
    private final String raw;
    private final String assembly;
    private final int partitions;
    private final int rawPartitions;
    private final List<TopicPartition> all = new ArrayList<>();
    private final long refreshNanos;
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    /** Where the state application's group (transactions, activity) and the assembly's (raw) will read next. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Map<TopicPartition, Checked> checked = new HashMap<>();
    private long fetched = Long.MIN_VALUE;

    /** @param rawPartitions the partitions of {@code P+raw} (0: no such topic: nothing upstream to wait for) */
    Backlog(Properties consumerProps, ClusterTopics topics, int partitions, int rawPartitions, Duration refresh) {
        this.consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, consumerProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)));
        this.topics = topics;
        this.raw = topics.prefix() + "raw";
        this.assembly = topics.prefix() + "assembly";
        this.partitions = partitions;
        this.rawPartitions = rawPartitions;
        this.refreshNanos = refresh.toNanos();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(topics.transactions(), p));
            all.add(new TopicPartition(topics.activity(), p));
        }
        for (int p = 0; p < rawPartitions; p++) all.add(new TopicPartition(raw, p));
    }

    @Override
    public boolean test(int partition, Long transactionsNext, Long activityNext) {
        if (transactionsNext == null || activityNext == null) return false;
        try {
            refresh();
            return readAll(new TopicPartition(topics.transactions(), partition), transactionsNext)
                    && readAll(new TopicPartition(topics.activity(), partition), activityNext)
                    && assembled(partition);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot tell the state application's backlog: " + e);
            fetched = Long.MIN_VALUE;
            return false;
        }
    }

    @Override
    public boolean drained(int partition) {
        try {
            refresh();
            TopicPartition t = new TopicPartition(topics.transactions(), partition);
            TopicPartition a = new TopicPartition(topics.activity(), partition);
            return readAll(t, committed.getOrDefault(t, 0L)) && readAll(a, committed.getOrDefault(a, 0L)) && assembled(partition);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot tell the state application's backlog: " + e);
            fetched = Long.MIN_VALUE;
            return false;
        }
    }

    /** The assembly has read the raw partition of this partition's stores (all raw partitions when the counts differ). */
    private boolean assembled(int partition) {
        if (rawPartitions == 0) return true;
        for (int p = 0; p < rawPartitions; p++) {
            if (rawPartitions == partitions && p != partition) continue;
            TopicPartition tp = new TopicPartition(raw, p);
            if (!readAll(tp, committed.getOrDefault(tp, 0L))) return false;
        }
        return true;
    }

    private void refresh() {
        long now = System.nanoTime();
        if (fetched != Long.MIN_VALUE && now - fetched <= refreshNanos) return;
        ends.clear();
        ends.putAll(consumer.endOffsets(all, Duration.ofSeconds(5)));
        committed.clear();
        committed(topics.applicationId());
        if (rawPartitions > 0) committed(assembly);
        fetched = now;
    }

    private void committed(String group) {
        try {
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS)
                    .forEach((tp, o) -> {
                        if (o != null) committed.put(tp, o.offset());
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the offsets of " + group, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + group + ": " + e.getMessage(), e);
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
        admin.close(Duration.ofSeconds(5));
    }
}
