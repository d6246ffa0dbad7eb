package org.tillwatch.cluster.alert;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.tillwatch.alerting.AlertEngine;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.cluster.ClusterTopics;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.StoreRegistry;

/**
 * Alerting once across the cluster. The state application has a one-partition sub-topology reading
 * {@code P+alert-facts}; Kafka Streams runs its one task on exactly one instance: that instance leads. On taking
 * the task it restores the last saved alert state from {@code P+alert-state}, replays the facts of the longest alert
 * window before where the task resumes into a fresh {@link AlertEngine}, and from then on feeds it the facts in event
 * order; the engine saves its state to {@code P+alert-state} (acks=all) before any notice goes out. On losing the
 * task it closes the engine (delivering what it can, saving what is left). See {@code docs} in the module's README
 * section for what this guarantees.
 */
public final class ClusterAlerting {
    private final Supplier<List<Notifier>> notifiers;
    private final Path workDir;
    private final Clock clock;
    private volatile AlertLeader leader;
    private final java.util.concurrent.atomic.AtomicLong late = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param notifiers the channels of a new leadership term (called each time this instance becomes leader)
     * @param workDir   local scratch space of the leader's engine (its state is in Kafka)
     */
    public ClusterAlerting(Supplier<List<Notifier>> notifiers, Path workDir, Clock clock) {
        this.notifiers = notifiers;
        this.workDir = workDir;
        this.clock = clock;
    }

    /** The leader's engine while this instance leads alerting, else null. */
    public AlertEngine engine() {
        AlertLeader l = leader;
        return l == null ? null : l.engine();
    }

    /** Receipts this instance's leadership terms got after the rules had seen a later instant (logged one by one). */
    public long lateReceipts() {
        return late.get();
    }

    void late() {
        late.incrementAndGet();
    }

    public boolean leading() {
        return engine() != null;
    }

    public ProcessorSupplier<String, byte[], Void, Void> processor(StoreRegistry registry, ClusterTopics topics, CollectorConfig config) {
        return () -> new AlertLeader(this, registry, topics, config, notifiers, workDir, clock);
    }

    void leading(AlertLeader l) {
        leader = l;
    }

    void stepped(AlertLeader l) {
        if (leader == l) leader = null;
    }
}
