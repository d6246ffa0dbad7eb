package org.tillwatch.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the distributed mode's topics that do not exist yet (an existing topic is left as it is). */
public final class TopicSetup {
    private TopicSetup() {
    }

    public static void ensure(String bootstrap, Topics topics, int partitions, int replication) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : List.of(topics.raw(), topics.transactions(), topics.activity(), topics.requests(), topics.malformed(),
                    topics.deadLetter())) {
                if (!existing.contains(name)) missing.add(new NewTopic(name, partitions, (short) replication));
            }
            if (!existing.contains(topics.figures())) {
                missing.add(new NewTopic(topics.figures(), partitions, (short) replication)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            if (!existing.contains(topics.roles())) {
                missing.add(new NewTopic(topics.roles(), 1, (short) replication)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            if (missing.isEmpty()) return;
            for (var f : admin.createTopics(missing).values().values()) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the topics on " + bootstrap + ": " + e.getMessage(), e);
        }
    }
}
