package org.tillwatch.cluster;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.live.StoreStatus;

/**
 * What one instance answers the others (under {@code /api/v1}, so behind the same API tokens): the stores it holds and
 * its share of the chain, at the watermark the asker gives ({@code at}, ISO instant; absent: none yet), so that every
 * part of one answer is taken at one watermark.
 * <ul>
 *   <li>{@code GET /api/v1/internal/live/stores/{code}?at=&stale=true}: one store, 404 {@code not_here} when this
 *       instance holds nothing of it ({@code stale}: a standby copy will do)</li>
 *   <li>{@code GET /api/v1/internal/live/stores?at=}: the stores of this instance's active tasks</li>
 *   <li>{@code GET /api/v1/internal/live/chain?at=}: their sums, a {@code ChainTally.Part}</li>
 * </ul>
 */
public final class InternalLiveRoutes {
    public static final String BASE = "/api/v1/internal/live";

    private final Vertx vertx;
    private final LocalLive local;

    InternalLiveRoutes(Vertx vertx, LocalLive local) {
        this.vertx = vertx;
        this.local = local;
    }

    public void mount(Router router) {
        router.get(BASE + "/stores/:store").handler(ctx -> respond(ctx, () -> {
            String code = ctx.pathParam("store");
            if (!RegisterKey.isStoreCode(code)) return error(400, "bad_store", "a store code is 4 characters [0-9A-Z], got '" + code + "'");
            StoreStatus s = local.store(code, at(ctx), "true".equals(ctx.request().getParam("stale")));
            return s == null ? error(404, "not_here", "this instance holds nothing of store " + code) : s;
        }));
        router.get(BASE + "/stores").handler(ctx -> respond(ctx, () -> local.stores(at(ctx))));
        router.get(BASE + "/chain").handler(ctx -> respond(ctx, () -> local.chain(at(ctx))));
    }

    private record Failure(int status, Map<String, String> body) {
    }

    private static Failure error(int status, String error, String reason) {
        return new Failure(status, Map.of("error", error, "reason", reason));
    }

    private static Instant at(RoutingContext ctx) {
        String at = ctx.request().getParam("at");
        if (at == null || at.isBlank()) return null;
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at must be an ISO instant, got '" + at + "'");
        }
    }

    private void respond(RoutingContext ctx, Callable<Object> work) {
        vertx.executeBlocking(() -> {
            try {
                return work.call();
            } catch (IllegalArgumentException e) {
                return error(400, "bad_request", e.getMessage());
            } catch (org.apache.kafka.streams.errors.InvalidStateStoreException | LocalLive.NotStarted e) {
                return error(503, "rebalancing", "the state is moving between instances, ask again: " + e.getMessage());
            }
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                send(ctx, 500, Map.of("error", "internal", "reason", String.valueOf(ar.cause())));
            } else if (ar.result() instanceof Failure f) {
                send(ctx, f.status(), f.body());
            } else {
                send(ctx, 200, ar.result());
            }
        });
    }

    private static void send(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended()) return;
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(Buffer.buffer(Wire.write(body)));
    }
}
