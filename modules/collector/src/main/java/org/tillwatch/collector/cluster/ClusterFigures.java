package org.tillwatch.collector.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    private final Map<RegisterKey, RegisterCounts> latest = new TreeMap<>();
    private final TopicFollower follower;

    ClusterFigures(String bootstrap, Topics topics) {
        this.follower = new TopicFollower(bootstrap, topics.figures(), "figures", LOG, "figures reader", this::add);
    }

    void start() {
        follower.start();
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

    private void add(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) return;
        RegisterCounts c = RegisterCounts.fromJson(r.value());
        synchronized (this) {
            latest.put(c.register(), c);
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
