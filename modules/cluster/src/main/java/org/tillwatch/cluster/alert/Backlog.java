package org.tillwatch.cluster.alert;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.tillwatch.cluster.ClusterTopics;

/**
 * Whether the state application has read everything in a transactions partition (and its activity partition): its
 * committed position (exactly-once commits every 100 ms) at or past the last stable offset. Asked often, it looks at
 * most every {@code refresh}: a record produced since counts as late, as it would embedded.
 */
final class Backlog implements FactOrder.CaughtUp, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Backlog.class.getName());

    private final Admin admin;
    private final ClusterTopics topics;
    private final int partitions;
    private final long refreshNanos;
    private final Map<TopicPartition, Long> behind = new HashMap<>();
    private long fetched = Long.MIN_VALUE;

    Backlog(Admin admin, ClusterTopics topics, int partitions, Duration refresh) {
        this.admin = admin;
        this.topics = topics;
        this.partitions = partitions;
        this.refreshNanos = refresh.toNanos();
    }

    @Override
    public boolean test(int partition) {
        long now = System.nanoTime();
        if (fetched == Long.MIN_VALUE || now - fetched > refreshNanos) {
            fetched = now;
            refresh();
        }
        Long tx = behind.get(new TopicPartition(topics.transactions(), partition));
        Long act = behind.get(new TopicPartition(topics.activity(), partition));
        return tx != null && tx <= 0 && (act == null || act <= 0);
    }

    private void refresh() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topics.transactions(), p), OffsetSpec.latest());
            latest.put(new TopicPartition(topics.activity(), p), OffsetSpec.latest());
        }
        behind.clear();
        try {
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(topics.applicationId())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            ends.forEach((tp, end) -> {
                OffsetAndMetadata c = committed.get(tp);
                behind.put(tp, end.offset() - (c == null ? 0 : c.offset()));
            });
        } catch (Exception e) {
            // unknown: nothing counts as caught up, partitions hold until heard from or for the hold time
            LOG.log(Level.FINE, "cannot read the state application's backlog: " + e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
