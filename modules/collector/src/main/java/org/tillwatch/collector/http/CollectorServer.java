package org.tillwatch.collector.http;

import java.util.Map;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tillwatch.collector.ingest.Ingest;
import org.tillwatch.collector.ingest.MalformedSamples;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.index.CardHasher;
import org.tillwatch.live.LiveView;
import org.tillwatch.metrics.Metrics;
import org.tillwatch.web.WebUi;
import org.tillwatch.web.data.UiData;

/** The collector's HTTP side: push ingestion, the query and status API under /api/v1, health, metrics. */
public final class CollectorServer {
    private final Vertx vertx;
    private final Router router;
    private final CollectorConfig config;
    private final WebUi web;
    private final AlertRoutes alertRoutes;

    public CollectorServer(Vertx vertx, CollectorConfig config, Ingest engine, LiveView live, StoreRegistry registry,
                           org.tillwatch.index.store.TransactionQueries queries, CardHasher hasher, Metrics metrics, MalformedSamples samples,
                           org.tillwatch.alerting.AlertEngine alerts, org.tillwatch.orchestrator.Orchestrator orchestrator) {
        this(vertx, config, engine, live, registry, queries, hasher, metrics, samples, () -> alerts, orchestrator);
    }

    /** @param alerts the alert engine, or null while another instance leads alerting (distributed mode) */
    public CollectorServer(Vertx vertx, CollectorConfig config, Ingest engine, LiveView live, StoreRegistry registry,
                           org.tillwatch.index.store.TransactionQueries queries, CardHasher hasher, Metrics metrics, MalformedSamples samples,
                           java.util.function.Supplier<org.tillwatch.alerting.AlertEngine> alerts,
                           org.tillwatch.orchestrator.Orchestrator orchestrator) {
        this(vertx, config, engine, live, registry, queries, hasher, metrics, samples, alerts, orchestrator, null, null);
    }

    /**
     * @param internalToken the API token of the UI's and the instances' own calls (distributed mode), null for a random one
     * @param ticketsGate   distributed mode: runs before every ticket and case route (forwards to the orchestrator's
     *                      instance, or lets this one's orchestrator answer); null in embedded mode
     */
    public CollectorServer(Vertx vertx, CollectorConfig config, Ingest engine, LiveView live, StoreRegistry registry,
                           org.tillwatch.index.store.TransactionQueries queries, CardHasher hasher, Metrics metrics, MalformedSamples samples,
                           java.util.function.Supplier<org.tillwatch.alerting.AlertEngine> alerts,
                           org.tillwatch.orchestrator.Orchestrator orchestrator, String internalToken,
                           io.vertx.core.Handler<RoutingContext> ticketsGate) {
        this.vertx = vertx;
        this.config = config;
        this.router = Router.router(vertx);
        this.web = new WebUi(vertx, config, new UiData(queries, hasher, registry, live), java.time.Clock.systemUTC(), internalToken);
        web.mount(router);
        new IngestRoutes(vertx, engine, config.ingest().maxChunkBytes()).mount(router);
        StatusRoutes status = new StatusRoutes(vertx, engine, live, registry, samples);
        status.mount(router);
        new QueryRoutes(vertx, queries, hasher, registry).mount(router);
        alertRoutes = new AlertRoutes(vertx, alerts);
        alertRoutes.mount(router);
        new OrganizerRoutes(vertx, queries, hasher, registry).mount(router);
        if (ticketsGate != null) TicketRoutes.gate(router, ticketsGate);
        new TicketRoutes(vertx, orchestrator).mount(router);
        router.get("/health/live").handler(ctx -> Json.send(ctx, 200, Map.of("status", "UP")));
        router.get("/health/ready").handler(ctx -> {
            if (engine.ready()) {
                Json.send(ctx, 200, Map.of("status", "UP", "streams", engine.streamCount()));
            } else {
                String reason = engine.notReadyReason();
                Json.error(ctx, 503, "not_ready", reason != null ? reason : "restoring or stopping");
            }
        });
        router.get("/metrics").handler(ctx -> vertx.executeBlocking(metrics::scrape, false).onComplete(ar -> {
            if (ar.succeeded()) ctx.response().putHeader("Content-Type", metrics.contentType()).end(ar.result());
            else ctx.fail(ar.cause());
        }));
        router.route().last().handler(ctx -> Json.error(ctx, 404, "not_found", "no such endpoint: " + ctx.request().method() + " " + ctx.request().path()));
        router.route().failureHandler(CollectorServer::failure);
    }

    static void failure(RoutingContext ctx) {
        Throwable f = ctx.failure();
        if (f instanceof BadRequest b) {
            Json.error(ctx, b.status, b.error, b.getMessage());
        } else if (f instanceof org.tillwatch.orchestrator.data.IncidentsUnavailable u) {
            ctx.response().putHeader("Retry-After", "5");
            Json.error(ctx, 503, "incidents_unavailable", u.getMessage());
        } else if (ctx.statusCode() == 413) {
            Json.error(ctx, 413, "too_large", "body exceeds the collector's ingest.max-chunk-bytes: send smaller chunks");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            Json.error(ctx, ctx.statusCode(), "bad_request", f == null ? "bad request" : f.getMessage());
        } else {
            java.util.logging.Logger.getLogger(CollectorServer.class.getName()).log(java.util.logging.Level.WARNING, "request failed", f);
            Json.error(ctx, 500, "internal", f == null ? "internal error" : f.toString());
        }
    }

    /** Distributed mode: the alerting API is answered by the alert leader while this instance does not lead. */
    public void forwardAlertsTo(java.util.function.Supplier<java.net.URI> leader, java.util.function.Supplier<java.net.URI> self) {
        alertRoutes.forwardTo(leader, self);
    }

    /** Where more routes are mounted (distributed mode: the instances' internal routes); a catch-all 404 stays last. */
    public Router router() {
        return router;
    }

    public Future<HttpServer> listen() {
        return vertx.createHttpServer().requestHandler(router).listen(config.server().port(), config.server().host())
                .onSuccess(s -> web.listening(s.actualPort()));
    }
}
