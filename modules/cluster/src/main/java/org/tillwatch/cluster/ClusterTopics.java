package org.tillwatch.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.tillwatch.config.ClusterConfig;

/**
 * The topics of the per-store state, all named from {@code cluster.topic-prefix} P: it reads {@code P+transactions}
 * and {@code P+activity} (keyed by store), and owns {@code P+alert-facts} (one partition: what the alert leader
 * reads), {@code P+watermarks} (compacted: each partition's latest event time, read by every instance) and
 * {@code P+alert-state} (compacted: the alert leader's saved state).
 */
public record ClusterTopics(String prefix) {
    public String transactions() {
        return prefix + "transactions";
    }

    public String activity() {
        return prefix + "activity";
    }

    public String alertFacts() {
        return prefix + "alert-facts";
    }

    public String watermarks() {
        return prefix + "watermarks";
    }

    public String alertState() {
        return prefix + "alert-state";
    }

    public String applicationId() {
        return prefix + "state";
    }

    /** Creates the topics this side reads or owns when missing (an existing one is left as it is). */
    public void ensure(Admin admin, ClusterConfig cluster) {
        short rf = (short) cluster.replication();
        Map<String, String> compact = Map.of("cleanup.policy", "compact");
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(transactions(), cluster.partitions(), rf));
        topics.add(new NewTopic(activity(), cluster.partitions(), rf));
        // the leader replays the longest alert window after a take-over: a week is plenty
        topics.add(new NewTopic(alertFacts(), 1, rf).configs(Map.of("retention.ms", Long.toString(TimeUnit.DAYS.toMillis(7)))));
        topics.add(new NewTopic(watermarks(), 1, rf).configs(compact));
        topics.add(new NewTopic(alertState(), 1, rf).configs(compact));
        for (NewTopic t : topics) {
            try {
                admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) throw new IllegalStateException("cannot create topic " + t.name() + ": " + e.getCause(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted creating topic " + t.name(), e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not create topic " + t.name() + " within 30 s", e);
            }
        }
    }
}
