package org.tillwatch.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka for tests: one KRaft node (broker and controller combined) in this JVM, on free ports, in a temp
 * directory deleted on close. Replication settings are for one broker; transactions (exactly-once) work.
 *
 * <pre>
 * try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
 *     kafka.createTopics(12, "tillwatch.raw", "tillwatch.transactions");
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * </pre>
 */
public final class KafkaTestCluster implements AutoCloseable {
    /** Kafka logs through SLF4J into java.util.logging: its INFO chatter would bury a test's own output. */
    private static final List<java.util.logging.Logger> QUIET = java.util.stream.Stream.of("org.apache.kafka", "kafka", "org.apache.zookeeper")
            .map(java.util.logging.Logger::getLogger).toList();

    static {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
    }

    private final KafkaClusterTestKit kit;

    private KafkaTestCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    public static KafkaTestCluster start() {
        try {
            Path dir = Files.createTempDirectory("kafka-test-");
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(dir)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "4")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setDeleteOnClose(true)
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaTestCluster(kit);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test Kafka cluster", e);
        }
    }

    /** host:port of the broker, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** An admin client on this cluster; close it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates the topics (replication 1) and waits until they exist. */
    public void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = java.util.Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList();
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + List.of(names), e);
        }
    }

    @Override
    public void close() {
        try {
            kit.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the test Kafka cluster", e);
        }
    }
}
