package org.tillwatch.collector;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.tillwatch.alerting.AlertEngine;
import org.tillwatch.alerting.Notifiers;
import org.tillwatch.collector.http.CollectorServer;
import org.tillwatch.collector.http.Json;
import org.tillwatch.collector.ingest.IngestEngine;
import org.tillwatch.collector.ingest.IngestObserver;
import org.tillwatch.collector.ingest.MalformedSamples;
import org.tillwatch.collector.ingest.StreamKey;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.CardKeys;
import org.tillwatch.index.TransactionIndexReader;
import org.tillwatch.index.TransactionIndexWriter;
import org.tillwatch.live.LiveConfig;
import org.tillwatch.live.LiveFigures;
import org.tillwatch.live.ReceiptFact;
import org.tillwatch.metrics.AvailabilityRow;
import org.tillwatch.metrics.Metrics;
import org.tillwatch.orchestrator.Orchestrator;
import org.tillwatch.orchestrator.Orchestrators;

/** A running collector: index, ingestion, live figures, metrics and the HTTP server, started and stopped together. */
public final class Collector implements Serving {
    private static final Logger LOG = Logger.getLogger(Collector.class.getName());

    private final CollectorConfig config;
    private final TransactionIndexWriter writer;
    private final SearcherManager searchers;
    private final Metrics metrics;
    private final LiveFigures live;
    private final IngestEngine engine;
    private final Vertx vertx;
    private final HttpServer server;
    private final ScheduledExecutorService timer;
    private final AlertEngine alerts;
    private final Orchestrator orchestrator;

    private Collector(CollectorConfig config, TransactionIndexWriter writer, SearcherManager searchers, Metrics metrics,
                      LiveFigures live, IngestEngine engine, Vertx vertx, HttpServer server, ScheduledExecutorService timer,
                      AlertEngine alerts, Orchestrator orchestrator) {
        this.alerts = alerts;
        this.config = config;
        this.writer = writer;
        this.searchers = searchers;
        this.metrics = metrics;
        this.live = live;
        this.engine = engine;
        this.vertx = vertx;
        this.server = server;
        this.timer = timer;
        this.orchestrator = orchestrator;
    }

    public static Collector start(CollectorConfig config, Map<String, String> env) throws IOException {
        return start(config, env, List.of());
    }

    /** @param channels more notifiers (the Telegram bot in serve), registered before the engine makes its first notice */
    public static Collector start(CollectorConfig config, Map<String, String> env, List<org.tillwatch.alerting.Notifier> channels)
            throws IOException {
        StoreRegistry registry = config.stores().registry() == null ? StoreRegistry.empty(config.stores().zone())
                : StoreRegistry.parse(Files.readString(config.stores().registry()), config.stores().zone());
        Files.createDirectories(config.data().dir());
        CardHasher hasher = CardKeys.forDataDir(config.data().dir(), env, true);
        TransactionIndexWriter writer = TransactionIndexWriter.open(config.data().dir(), hasher, 32, config.data().minFreeBytes());
        SearcherManager searchers = writer.searcherManager();
        org.tillwatch.index.store.TransactionQueries queries = org.tillwatch.index.store.LuceneTransactionQueries.over(searchers);
        Metrics metrics = new Metrics();
        metrics.registerStores(registry.stores().values());
        LiveFigures live = new LiveFigures(registry, new LiveConfig(config.live().windows(), config.live().minVolume(),
                config.live().registerSilence(), 5));
        MalformedSamples samples = new MalformedSamples(config.data().dir(), Clock.systemUTC());
        AlertEngine alerts = new AlertEngine(config.alerting(), registry, config.data().dir(), Clock.systemUTC(),
                metrics.registry(), Duration.ofSeconds(1));
        Orchestrator orchestrator;
        try {
            orchestrator = Orchestrators.forCollector(config.data().dir(), registry, queries, hasher::hash,
                    metrics.registry(), live::watermark, new EngineIncidents(alerts));
        } catch (IOException | RuntimeException e) {
            alerts.close();
            searchers.close();
            writer.close();
            throw e;
        }
        IngestEngine engine = new IngestEngine(config, registry, writer, config.data().dir(), observer(live, metrics, alerts, orchestrator),
                live::watermark, samples);
        // Live windows come back from the committed index: the searcher is taken before ingestion adds anything new.
        IndexSearcher committed = searchers.acquire();
        // two threads: the index refresh keeps its cadence while an availability update or a ticket recheck runs
        AtomicInteger timers = new AtomicInteger();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "collector-timer-" + timers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            engine.start();
            rebuildLive(live, committed, config.live().windows());
            rebuildLive(alerts.live(), committed, alerts.windows());
        } finally {
            searchers.release(committed);
        }
        bindGauges(metrics, engine, writer, live);
        long refresh = config.ingest().refreshInterval().toMillis();
        // at a fixed rate: a receipt waits for the next refresh to start, not for a pause after the last one ended
        timer.scheduleAtFixedRate(() -> {
            try {
                // a refresh writes the pending documents out as a segment: not while the data directory is full
                if (engine.dataDirWritable()) searchers.maybeRefresh();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "index refresh failed", e);
            }
        }, refresh, refresh, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> updateAvailability(metrics, live), 1, 5, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> recheckTickets(orchestrator), 30, 30, TimeUnit.SECONDS);
        Vertx vertx = Vertx.vertx();
        Notifiers.fromConfig(config.alerting(), registry, env, vertx).forEach(alerts::addNotifier);
        channels.forEach(alerts::addNotifier);
        alerts.busyProbes(engine::busyProbe);
        alerts.dataDirectory(engine::dataDirProblem);
        alerts.start();
        CollectorServer http = new CollectorServer(vertx, config, engine, live, registry, queries, hasher, metrics, samples, alerts,
                orchestrator);
        HttpServer server;
        try {
            server = http.listen().await();
        } catch (RuntimeException e) {
            vertx.close();
            engine.close();
            alerts.close();
            orchestrator.close();
            writer.close();
            throw new IOException("cannot listen on " + config.server().host() + ":" + config.server().port() + ": " + e.getMessage(), e);
        }
        return new Collector(config, writer, searchers, metrics, live, engine, vertx, server, timer, alerts, orchestrator);
    }

    private static void recheckTickets(Orchestrator orchestrator) {
        try {
            orchestrator.recheck();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ticket re-check failed", e);
        }
    }

    private static IngestObserver observer(LiveFigures live, Metrics metrics, AlertEngine alerts, Orchestrator orchestrator) {
        return new IngestObserver() {
            @Override
            public void transaction(Transaction t) {
                ReceiptFact fact = ReceiptFact.of(t);
                live.receipt(fact);
                metrics.transactions().record(t);
                alerts.receipt(fact);
                orchestrator.transaction(t);
            }

            @Override
            public void registerRequest(RegisterKey register, LoyaltyRequest request) {
                metrics.transactions().recordRegisterRequest(register.store(), request);
                orchestrator.registerRequest(register, request);
            }

            @Override
            public void beforeCheckpoint() {
                orchestrator.commit();
            }

            @Override
            public void malformed(String store, MalformedLine line) {
                metrics.ingest().malformed(store);
            }

            @Override
            public void opened(RegisterKey register) {
                alerts.expect(register);
            }

            @Override
            public void activity(RegisterKey register, Instant lastEvent) {
                live.activity(register, lastEvent);
                alerts.activity(register, lastEvent);
            }

            @Override
            public void bytes(StreamKey stream, long n) {
                metrics.ingest().bytes(stream.register().store(), stream.input().name().toLowerCase(), n);
            }

            @Override
            public void refused(String reason) {
                metrics.ingest().refused(reason);
            }
        };
    }

    private static void rebuildLive(LiveFigures live, IndexSearcher committed, List<Duration> windows) throws IOException {
        Instant mark = live.watermark();
        if (mark == null) return;
        Duration longest = windows.stream().max(Duration::compareTo).orElseThrow();
        TransactionIndexReader.over((DirectoryReader) committed.getIndexReader()).forEachReceipt(mark.minus(longest), row -> {
            List<String> errors = new ArrayList<>();
            List<Boolean> critical = new ArrayList<>();
            for (String o : row.outcomes()) {
                if (o.equals("Ok")) continue;
                errors.add(o);
                critical.add(org.tillwatch.domain.model.OutcomeExplanations.of(o).critical());
            }
            live.receipt(new ReceiptFact(row.store(), row.register(), row.closedAt(), !row.status().equals("INCOMPLETE"),
                    row.loyalty(), row.failed(), errors, critical));
        });
    }

    private static void bindGauges(Metrics metrics, IngestEngine engine, TransactionIndexWriter writer, LiveFigures live) {
        metrics.ingest().bindLag(() -> {
            Instant w = live.watermark();
            return w == null ? Double.NaN : Duration.between(w, Instant.now()).toMillis() / 1000.0;
        });
        metrics.ingest().bindQueue("push_backlog_bytes", engine::backlogBytes);
        metrics.ingest().bindQueue("streams_waiting", engine::queuedStreams);
        metrics.ingest().bindIndexDocuments(writer::documents);
        metrics.ingest().bindDataDir(engine::dataDirWritable, engine::dataDirFreeBytes);
        metrics.ingest().bindDroppedContinuationLines(engine::droppedContinuationLines);
        metrics.ingest().bindLastCommit(() -> engine.lastCommit() == null ? Double.NaN : engine.lastCommit().toEpochMilli() / 1000.0);
    }

    private static void updateAvailability(Metrics metrics, LiveFigures live) {
        try {
            List<AvailabilityRow> rows = new ArrayList<>();
            for (var s : live.stores()) {
                for (var w : s.windows()) {
                    rows.add(new AvailabilityRow(s.store(), Json.window(w.window()), w.loyalty(), w.failed(),
                            w.availability().isPresent() ? w.availability().getAsDouble() : null, s.silentRegisters().size()));
                }
            }
            var chain = live.chain();
            for (var w : chain.windows()) {
                rows.add(new AvailabilityRow(null, Json.window(w.window()), w.loyalty(), w.failed(),
                        w.availability().isPresent() ? w.availability().getAsDouble() : null, chain.silentRegisters()));
            }
            metrics.availability().update(rows);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "availability gauges not updated", e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    public IngestEngine engine() {
        return engine;
    }

    public LiveFigures live() {
        return live;
    }

    /** The alert engine: incidents, silences, and {@link AlertEngine#addNotifier} for other channels (the bot). */
    public AlertEngine alerts() {
        return alerts;
    }

    public Orchestrator orchestrator() {
        return orchestrator;
    }

    /** Graceful stop: no new requests, ingestion drains and commits, the index closes. */
    @Override
    public void close() throws IOException {
        try {
            server.close().await();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "server close", e);
        }
        // Not shutdownNow(): an interrupt in the middle of Lucene I/O closes its file channels, the write lock's included.
        timer.shutdown();
        try {
            timer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close(Duration.ofSeconds(20));
        alerts.close();
        orchestrator.close();
        searchers.close();
        writer.close();
        metrics.close();
        vertx.close();
    }
}
