package org.tillwatch.cluster;

import java.io.Closeable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import io.vertx.core.Vertx;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.tillwatch.cluster.alert.ClusterAlerting;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.live.LiveConfig;
import org.tillwatch.live.LiveView;

/**
 * The per-store state of one collector in distributed mode: the Kafka Streams application {@code P+state} (see
 * {@link StateTopology}), its {@link LiveView} for the HTTP API and the internal routes other instances ask. The view
 * and the routes exist from construction (answering "not started" until then); {@link #start} needs this instance's
 * URL, so call it once the HTTP server listens; close it before the server.
 *
 * <pre>
 * ClusterState state = new ClusterState(config, registry, dataDir.resolve("streams"), alerting, token);
 * LiveView live = state.view();        // for the routes
 * state.routes(vertx).mount(router);   // with the other /api/v1 routes, behind the same tokens
 * ... server listens ...
 * state.start(ClusterState.advertised(config, server.actualPort()));
 * ...
 * state.close();
 * </pre>
 */
public final class ClusterState implements Closeable {
    private static final Logger LOG = Logger.getLogger(ClusterState.class.getName());

    private final CollectorConfig config;
    private final ClusterTopics topics;
    private final StateTopology topology;
    private final Path stateDir;
    private final ClusterAlerting alerting;
    private final LocalLive local;
    private final ClusterLiveView view;
    private volatile KafkaStreams streams;
    private volatile URI advertised;
    private volatile int partitions;
    private volatile Admin admin;

    /**
     * @param stateDir where Kafka Streams keeps its local stores (e.g. {@code <data>/streams})
     * @param alerting the alert leader's side, or null for no alerting on this instance
     * @param token    an API token the other instances accept (null when the API is open)
     */
    public ClusterState(CollectorConfig config, StoreRegistry registry, Path stateDir, ClusterAlerting alerting, String token) {
        if (!config.cluster().distributed()) throw new IllegalArgumentException("cluster.kafka-bootstrap is not set: not distributed mode");
        this.config = config;
        this.topics = new ClusterTopics(config.cluster().topicPrefix());
        this.topology = new StateTopology(topics, registry, liveConfig(config));
        this.stateDir = stateDir;
        this.alerting = alerting;
        this.local = new LocalLive(() -> streams, topology);
        this.view = new ClusterLiveView(topology, local, () -> advertised, token, Duration.ofSeconds(30), () -> partitions);
    }

    /** With this instance's URL known up front (e.g. {@code cluster.advertised-url}): then {@link #start()}. */
    public ClusterState(CollectorConfig config, StoreRegistry registry, URI advertised, Path stateDir, ClusterAlerting alerting,
                        String token) {
        this(config, registry, stateDir, alerting, token);
        hostInfo(advertised); // fails now on a URL without a host
        this.advertised = advertised;
    }

    /** Starts with the URL given to the constructor. */
    public void start() {
        URI url = advertised;
        if (url == null) throw new IllegalStateException("no advertised URL: use start(URI)");
        start(url);
    }

    private Properties properties(HostInfo host) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.cluster().kafkaBootstrap());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.cluster().standbyReplicas());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.cluster().replication());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        return p;
    }

    static LiveConfig liveConfig(CollectorConfig config) {
        return new LiveConfig(config.live().windows(), config.live().minVolume(), config.live().registerSilence(), 5);
    }

    /** {@code cluster.advertised-url} when set, else {@code http://<server.host>:<port>} (a wildcard host: this host's name). */
    public static URI advertised(CollectorConfig config, int actualPort) {
        if (config.cluster().advertisedUrl() != null) return URI.create(config.cluster().advertisedUrl());
        String host = config.server().host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                host = java.net.InetAddress.getLocalHost().getCanonicalHostName();
            } catch (java.net.UnknownHostException e) {
                host = "localhost";
            }
        }
        return URI.create("http://" + host + ":" + actualPort);
    }

    /**
     * The API token the instances use with each other (internal live routes, forwarded UI calls): derived from the card
     * key every instance must share, so it is the same everywhere, secret, and never configured or stored.
     */
    public static String internalToken(org.tillwatch.index.CardHasher hasher) {
        return hasher.hash("tillwatch cluster-internal API token v1");
    }

    static HostInfo hostInfo(URI url) {
        if (url.getHost() == null) throw new IllegalArgumentException("advertised URL has no host: " + url);
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        return new HostInfo(url.getHost(), port);
    }

    /** Routes the other instances ask; mount them with the rest of the API. */
    public InternalLiveRoutes routes(Vertx vertx) {
        return new InternalLiveRoutes(vertx, local);
    }

    /**
     * Creates missing topics and starts the application; returns at once (the view retries until it runs).
     *
     * @param advertised this instance's base URL as the others reach it ({@link #advertised})
     */
    public synchronized void start(URI advertised) {
        if (streams != null) throw new IllegalStateException("already started");
        HostInfo host = hostInfo(advertised);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.cluster().kafkaBootstrap()));
        try {
            topics.ensure(admin, config.cluster());
            partitions = admin.describeTopics(java.util.List.of(topics.transactions())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topics.transactions()).partitions().size();
        } catch (Exception e) {
            admin.close();
            throw new IllegalStateException("cannot prepare the state topics on " + config.cluster().kafkaBootstrap() + ": " + e.getMessage(), e);
        }
        KafkaStreams s = new KafkaStreams(topology.build(alerting == null ? null : alerting.processor(topology.registry(), topics, config)),
                properties(host));
        s.setUncaughtExceptionHandler(e -> {
            LOG.log(java.util.logging.Level.SEVERE, "state stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.admin = admin;
        topology.admin(admin);
        this.advertised = advertised;
        this.streams = s;
        s.start();
    }

    /** Waits until the application runs (tests, readiness); false on timeout. */
    public boolean awaitRunning(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams s = streams;
            if (s != null && s.state() == KafkaStreams.State.RUNNING) return true;
            Thread.sleep(50);
        }
        return false;
    }

    public LiveView view() {
        return view;
    }

    /**
     * The base URL of the instance running the alert-facts task (the alert leader) as Kafka Streams' metadata says
     * now, in this instance's advertised scheme; null while no instance has it (starting, or a take-over under way).
     * Cheap (metadata in memory): fine on an event loop.
     */
    public URI alertLeader() {
        KafkaStreams s = streams;
        URI self = advertised;
        if (s == null || self == null) return null;
        KafkaStreams.State state = s.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) return null;
        org.apache.kafka.common.TopicPartition facts = new org.apache.kafka.common.TopicPartition(topics.alertFacts(), 0);
        for (org.apache.kafka.streams.StreamsMetadata m : s.metadataForAllStreamsClients()) {
            if (m.topicPartitions().contains(facts)) {
                HostInfo h = m.hostInfo();
                return h.equals(hostInfo(self)) ? self : URI.create(self.getScheme() + "://" + h.host() + ":" + h.port());
            }
        }
        return null;
    }

    /** For readiness: the application runs (not starting, rebalancing or failed). */
    public boolean running() {
        KafkaStreams s = streams;
        return s != null && s.state() == KafkaStreams.State.RUNNING;
    }

    /** Kafka Streams' own metrics (lag, rates, restoration) into the collector's registry; call after {@link #start}. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        KafkaStreams s = streams;
        if (s == null) throw new IllegalStateException("start() first");
        new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(s).bindTo(registry);
    }

    /** The running application, null before {@link #start}. */
    public KafkaStreams streams() {
        return streams;
    }

    /** Leaves the group at once, so the others take over this instance's stores (and alerting) without waiting. */
    @Override
    public synchronized void close() {
        KafkaStreams streams = this.streams;
        if (streams == null) return;
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
        admin.close(Duration.ofSeconds(5));
    }
}
