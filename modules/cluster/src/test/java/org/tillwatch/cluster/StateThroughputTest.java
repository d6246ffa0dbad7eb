package org.tillwatch.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.config.ClusterConfig;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.ingest.FleetIngest;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.live.LiveFigures;
import org.tillwatch.live.ReceiptFact;
import org.tillwatch.simulator.FleetSimulator;
import org.tillwatch.simulator.SimulationConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not run by default (surefire excludes it): a simulated day of {@code tillwatch.measure.stores} stores
 * x 10 registers x 200 receipts already in P+transactions, one state instance (no alerting) started on it: how fast
 * it catches up, and that it ends with the embedded figures.
 * {@code ./mvnw -pl modules/cluster verify -Dtest=StateThroughputTest -Dtillwatch.measure.stores=100}
 */
class StateThroughputTest {
    @TempDir
    Path tmp;

    @Test
    void oneInstanceCatchesUpWithASimulatedDay() throws Exception {
        int stores = Integer.getInteger("tillwatch.measure.stores", 50);
        new FleetSimulator().simulate(SimulationConfig.builder().stores(stores).registersPerStore(10).receiptsPerRegister(200)
                .noScenarios().build(), tmp.resolve("fleet"));
        StoreRegistry registry = StoreRegistry.parse(Files.readString(tmp.resolve("fleet/stores.csv")), ZoneId.of("Europe/Moscow"));
        List<Transaction> day = Collections.synchronizedList(new ArrayList<>());
        new FleetIngest(registry, ReferenceDialect::new, 2, 10).run(tmp.resolve("fleet/logs"), day::add);
        List<Transaction> sorted = new ArrayList<>(day);
        sorted.sort(Comparator.comparing(Transaction::closedAt));
        try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
            CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data"))
                    .withCluster(new ClusterConfig(kafka.bootstrapServers(), "m.", 8, 1, "http://127.0.0.1:9200", "tillwatch-tx-", 31, 0, null));
            LiveFigures embedded = new LiveFigures(registry, ClusterState.liveConfig(cfg));
            ClusterTopics topics = new ClusterTopics("m.");
            kafka.createTopics(8, topics.transactions(), topics.activity());
            long bytes = 0;
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                for (Transaction t : sorted) {
                    byte[] v = TransactionCodec.encode(t);
                    bytes += v.length;
                    producer.send(new ProducerRecord<>(topics.transactions(), t.store(), v));
                    embedded.receipt(ReceiptFact.of(t));
                }
            }
            ClusterState state = new ClusterState(cfg, registry, URI.create("http://127.0.0.1:1"), tmp.resolve("streams"), null, null);
            long t0 = System.nanoTime();
            state.start();
            while (!embedded.chain().equals(safeChain(state))) {
                assertThat(System.nanoTime() - t0).as("caught up within 5 minutes").isLessThan(Duration.ofMinutes(5).toNanos());
                Thread.sleep(100);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("MEASURE %d transactions (%d stores, %.1f MB of TransactionCodec JSON) caught up in %.1f s: %.0f tx/s, %.2f MB/s%n",
                    sorted.size(), stores, bytes / 1e6, s, sorted.size() / s, bytes / 1e6 / s);
            assertThat(state.view().stores()).isEqualTo(embedded.stores());
            state.close();
        }
    }

    private static Object safeChain(ClusterState state) {
        try {
            return state.view().chain();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
