package org.tillwatch.collector.cluster;

import java.net.URI;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * In front of {@code /api/v1/tickets*} and {@code /api/v1/cases*} in distributed mode: answered here when this
 * instance holds the orchestrator role, else forwarded as it came (method, path, query, body, {@code Authorization})
 * to the instance that does, without blocking the event loop. 503 with {@code Retry-After} and the reason when no
 * instance holds the role or it does not answer; a forwarded request is never forwarded again.
 */
public final class TicketForwarding implements Handler<RoutingContext> {
    static final String FORWARDED = "X-Tillwatch-Forwarded";
    private static final List<String> COPIED = List.of("Authorization", "Content-Type", "Content-Length", "Accept", "Accept-Language");
    private static final List<String> RETURNED = List.of("Content-Type", "Retry-After", "WWW-Authenticate");

    private final OrchestratorRole role;
    private final BooleanSupplier local;
    private final HttpClient client;

    /** @param local true while this instance's orchestrator answers (it holds the role) */
    public TicketForwarding(Vertx vertx, OrchestratorRole role, BooleanSupplier local) {
        this.role = role;
        this.local = local;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setIdleTimeout(60)
                .setKeepAlive(true));
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (local.getAsBoolean()) {
            ctx.next();
            return;
        }
        HttpServerRequest in = ctx.request();
        if (in.getHeader(FORWARDED) != null) {
            unavailable(ctx, "orchestrator_moved", "оркестратор сейчас не на этом экземпляре, повторите запрос позже / "
                    + "this instance was asked as the orchestrator's but does not run it (any more): ask again in a moment");
            return;
        }
        OrchestratorRole.Holder h = role.holder();
        if (h == null) {
            unavailable(ctx, "no_orchestrator", "ни один экземпляр не запущен с оркестратором обращений / no instance runs the ticket "
                    + "orchestrator: start one with cluster.orchestrator: true (TILLWATCH_CLUSTER_ORCHESTRATOR=true)");
            return;
        }
        in.pause();
        URI base = h.url();
        String target = base.toString().replaceAll("/+$", "") + in.uri();
        client.request(new RequestOptions().setMethod(in.method()).setAbsoluteURI(target).setIdleTimeout(60_000))
                .compose(out -> {
                    for (String name : COPIED) {
                        String v = in.getHeader(name);
                        if (v != null) out.putHeader(name, v);
                    }
                    out.putHeader(FORWARDED, "1");
                    if (in.getHeader("Content-Length") == null && in.method().name().equals("POST")) out.setChunked(true);
                    return out.send(in);
                })
                .compose(res -> res.body().map(body -> {
                    ctx.response().setStatusCode(res.statusCode());
                    for (String name : RETURNED) {
                        String v = res.getHeader(name);
                        if (v != null) ctx.response().putHeader(name, v);
                    }
                    return body;
                }))
                .onComplete(ar -> {
                    if (ctx.response().ended()) return;
                    if (ar.succeeded()) {
                        ctx.response().end(ar.result());
                    } else {
                        in.resume();
                        unavailable(ctx, "orchestrator_unreachable", "экземпляр с оркестратором " + base + " не отвечает, повторите позже / "
                                + "the orchestrator's instance " + base + " does not answer (" + ar.cause().getMessage() + "): try again shortly");
                    }
                });
    }

    private static void unavailable(RoutingContext ctx, String error, String reason) {
        ctx.response().setStatusCode(503).putHeader("Retry-After", "5").putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", error).put("reason", reason).encode());
    }
}
