package org.tillwatch.collector.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.apache.kafka.streams.KafkaStreams;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.alerting.Notifiers;
import org.tillwatch.cluster.ClusterState;
import org.tillwatch.cluster.alert.ClusterAlerting;
import org.tillwatch.collector.Serving;
import org.tillwatch.collector.http.CollectorServer;
import org.tillwatch.collector.ingest.MalformedSamples;
import org.tillwatch.config.ClusterConfig;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.CardKeys;
import org.tillwatch.kafka.TopicSetup;
import org.tillwatch.kafka.Topics;
import org.tillwatch.kafka.assembly.Assembly;
import org.tillwatch.kafka.assembly.AssemblySettings;
import org.tillwatch.kafka.index.Indexer;
import org.tillwatch.kafka.index.IndexerSettings;
import org.tillwatch.metrics.Metrics;
import org.tillwatch.opensearch.IndexLayout;
import org.tillwatch.opensearch.IndexRetention;
import org.tillwatch.opensearch.OpenSearchAccess;
import org.tillwatch.opensearch.OpenSearchTransactionStore;
import org.tillwatch.orchestrator.Orchestrator;
import org.tillwatch.orchestrator.Orchestrators;

/**
 * One instance of a distributed collector ({@code cluster.kafka-bootstrap} set): pushes go to Kafka, this instance
 * assembles and indexes the partitions it owns into OpenSearch, holds the live state of its stores (state's
 * {@link ClusterState}) and serves the same HTTP API as the embedded collector, reading OpenSearch and the
 * cluster's live view. No local index, tailing or spool.
 */
public final class DistributedCollector implements Serving {
    private static final Logger LOG = Logger.getLogger(DistributedCollector.class.getName());

    private final List<AutoCloseable> parts;
    private final int port;
    private final Assembly assembly;
    private final Indexer indexer;
    private final ClusterState state;
    private final ClusterAlerting alerting;
    private final Orchestrator orchestrator;
    private final OrchestratorFeed feed;

    private DistributedCollector(List<AutoCloseable> parts, int port, Assembly assembly, Indexer indexer, ClusterState state,
                                 ClusterAlerting alerting, Orchestrator orchestrator, OrchestratorFeed feed) {
        this.orchestrator = orchestrator;
        this.feed = feed;
        this.parts = parts;
        this.port = port;
        this.assembly = assembly;
        this.indexer = indexer;
        this.state = state;
        this.alerting = alerting;
    }

    public static DistributedCollector start(CollectorConfig config, Map<String, String> env, List<Notifier> channels)
            throws IOException {
        ClusterConfig c = config.cluster();
        if (!c.distributed()) throw new IllegalArgumentException("cluster.kafka-bootstrap is not set");
        Path data = config.data().dir();
        Files.createDirectories(data);
        StoreRegistry registry = config.stores().registry() == null ? StoreRegistry.empty(config.stores().zone())
                : StoreRegistry.parse(Files.readString(config.stores().registry()), config.stores().zone());
        // Every instance must hash cards with the same key: give it through TILLWATCH_CARD_KEY(_FILE).
        CardHasher hasher = CardKeys.forDataDir(data, env, true);
        String bootstrap = c.kafkaBootstrap();
        Topics topics = new Topics(c.topicPrefix());
        TopicSetup.ensure(bootstrap, topics, c.partitions(), c.replication());
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            OpenSearchAccess access = OpenSearchAccess.of(c.opensearchUsername(), c.opensearchPasswordFile(), c.opensearchCaFile(),
                    env, ClusterConfig.PASSWORD_ENV);
            OpenSearchTransactionStore store = OpenSearchTransactionStore.open(c.opensearchUris(), access,
                    new IndexLayout(c.indexPrefix(), c.indexShards(), c.indexReplicas()), hasher);
            parts.add(store);
            // Retention: days older than cluster.retention-days are dropped (idempotent: every instance may run it).
            java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "index-retention");
                t.setDaemon(true);
                return t;
            });
            parts.add(timer::shutdownNow);
            IndexRetention retention = new IndexRetention(store.client(), store.layout(), c.retentionDays(), Clock.systemUTC());
            timer.scheduleWithFixedDelay(() -> {
                try {
                    retention.run();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "index retention failed", e);
                }
            }, 1, 360, java.util.concurrent.TimeUnit.MINUTES);
            Metrics metrics = new Metrics();
            metrics.registerStores(registry.stores().values());
            MalformedSamples samples = new MalformedSamples(data, Clock.systemUTC());
            MalformedTally malformed = new MalformedTally(bootstrap, topics, samples);
            parts.add(malformed);
            Assembly assembly = new Assembly(bootstrap, topics, registry, new AssemblySettings(data.resolve("kafka/assembly"),
                    Duration.ofSeconds(1), config.ingest().idleFlush(), config.ingest().silenceExpiry(), c.standbyReplicas(),
                    c.replication(), Duration.ofSeconds(10)));
            parts.add(assembly);
            Indexer indexer = new Indexer(bootstrap, topics, store, IndexerSettings.defaults());
            parts.add(indexer);
            bindMetrics(metrics, assembly, indexer);
            ClusterFigures figures = new ClusterFigures(bootstrap, topics);
            parts.add(figures);
            KafkaIngest ingest = new KafkaIngest(bootstrap, topics, config.ingest().maxBacklogBytes(), figures::get,
                    () -> assembly.state() == KafkaStreams.State.RUNNING && indexer.failure() == null,
                    () -> indexer.failure() != null ? indexer.failure()
                            : assembly.state() == KafkaStreams.State.ERROR ? new IllegalStateException("assembly failed") : null);
            parts.add(ingest);
            Vertx vertx = Vertx.vertx();
            parts.add(() -> vertx.close().await());
            ClusterAlerting alerting = new ClusterAlerting(() -> {
                List<Notifier> n = new ArrayList<>(Notifiers.fromConfig(config.alerting(), registry, env, vertx));
                n.addAll(channels);
                return n;
            }, data.resolve("alert-leader"), Clock.systemUTC());
            DeferredLiveView live = new DeferredLiveView();
            String internalToken = ClusterState.internalToken(hasher);
            OrchestratorRole role = new OrchestratorRole(bootstrap, topics);
            parts.add(role);
            role.start();
            // One orchestrator for the cluster, on the instance configured for it; the others forward tickets to it.
            java.util.concurrent.atomic.AtomicReference<OrchestratorFeed> feed = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicReference<ClusterState> stateRef = new java.util.concurrent.atomic.AtomicReference<>();
            Orchestrator orchestrator = null;
            if (c.orchestrator()) {
                orchestrator = Orchestrators.forCollector(data, registry, store, hasher::hash, metrics.registry(),
                        () -> feed.get() == null ? null : feed.get().watermark(),
                        new LeaderIncidents(alerting::engine, stateRef::get, c.topicPrefix(),
                                c.advertisedUrl() == null ? "http" : URI.create(c.advertisedUrl()).getScheme(), internalToken));
                parts.add(orchestrator);
            }
            boolean runsOrchestrator = orchestrator != null;
            CollectorServer http = new CollectorServer(vertx, config, ingest, live, registry, store, hasher, metrics, samples,
                    alerting::engine, orchestrator, internalToken, new TicketForwarding(vertx, role, () -> runsOrchestrator && role.mine()));
            HttpServer server;
            try {
                server = http.listen().await();
            } catch (RuntimeException e) {
                throw new IOException("cannot listen on " + config.server().host() + ":" + config.server().port() + ": " + e.getMessage(), e);
            }
            URI me = ClusterState.advertised(config, server.actualPort());
            ClusterState state = new ClusterState(config, registry, me, data.resolve("kafka/state"), alerting, internalToken);
            stateRef.set(state);
            state.routes(vertx).mount(http.router());
            http.forwardAlertsTo(state::alertLeader, () -> me);
            state.start();
            parts.add(state);
            live.set(state.view());
            if (orchestrator != null) {
                role.claim(me, Clock.systemUTC());
                feed.set(new OrchestratorFeed(bootstrap, topics, orchestrator, role::mine, Duration.ofSeconds(30), Clock.systemUTC()));
                parts.add(feed.get());
                bindFeedMetrics(metrics, feed.get());
                feed.get().start();
            }
            malformed.start();
            figures.start();
            assembly.start();
            indexer.start();
            return new DistributedCollector(parts, server.actualPort(), assembly, indexer, state, alerting, orchestrator, feed.get());
        } catch (IOException | RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    /** The orchestrator's reading (on its instance only; its lag is the consumer group {@code P+orchestrator}'s). */
    private static void bindFeedMetrics(Metrics metrics, OrchestratorFeed feed) {
        var r = metrics.registry();
        FunctionCounter.builder("tillwatch_orchestrator_records", feed, f -> f.applied()).description("records the orchestrator has read").register(r);
        FunctionCounter.builder("tillwatch_orchestrator_unreadable_records", feed, f -> f.unreadable())
                .description("records the orchestrator skipped as unreadable").register(r);
        io.micrometer.core.instrument.Gauge.builder("tillwatch_orchestrator_caught_up", feed, f -> f.caughtUp() ? 1 : 0)
                .description("1 while the orchestrator has read every partition to its end").register(r);
        io.micrometer.core.instrument.Gauge.builder("tillwatch_orchestrator_reading", feed, f -> f.failure() == null ? 1 : 0)
                .description("0 once the orchestrator stopped reading (see the log)").register(r);
    }

    /** This instance's share of the pipeline on /metrics (the chain's totals are the sum over instances). */
    private static void bindMetrics(Metrics metrics, Assembly assembly, Indexer indexer) {
        var r = metrics.registry();
        var a = assembly.stats();
        FunctionCounter.builder("tillwatch_assembly_bytes", a, s -> s.bytes()).description("register log bytes assembled here").register(r);
        FunctionCounter.builder("tillwatch_assembly_transactions", a, s -> s.transactions()).description("transactions assembled here").register(r);
        FunctionCounter.builder("tillwatch_assembly_malformed_lines", a, s -> s.malformedLines())
                .description("lines the parser could not read, kept in the malformed topic").register(r);
        FunctionCounter.builder("tillwatch_assembly_duplicate_chunks", a, s -> s.duplicateChunks())
                .description("raw chunks skipped: their bytes were already assembled").register(r);
        FunctionCounter.builder("tillwatch_assembly_gaps", a, s -> s.gaps()).description("raw chunks that started past their stream: bytes lost before Kafka").register(r);
        FunctionCounter.builder("tillwatch_indexer_transactions", indexer, i -> i.indexed()).description("transactions written to the store here").register(r);
        FunctionCounter.builder("tillwatch_indexer_parked", indexer, i -> i.parked()).description("transactions parked in the dead-letter topic").register(r);
    }

    @Override
    public int port() {
        return port;
    }

    public Assembly assembly() {
        return assembly;
    }

    public Indexer indexer() {
        return indexer;
    }

    public ClusterState state() {
        return state;
    }

    /** The cluster's orchestrator when this instance runs it ({@code cluster.orchestrator}), else null. */
    public Orchestrator orchestrator() {
        return orchestrator;
    }

    /** What feeds this instance's orchestrator, or null. */
    public OrchestratorFeed orchestratorFeed() {
        return feed;
    }

    /** The alert engine while this instance leads alerting, else null. */
    public org.tillwatch.alerting.AlertEngine alerts() {
        return alerting.engine();
    }

    /** Stops in reverse order of start; leaves the consumer groups at once so the others take over. */
    @Override
    public void close() {
        closeAll(parts);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "stopping " + parts.get(i).getClass().getSimpleName() + " failed", e);
            }
        }
        parts.clear();
    }
}
