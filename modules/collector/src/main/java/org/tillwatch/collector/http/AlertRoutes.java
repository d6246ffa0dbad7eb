package org.tillwatch.collector.http;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.tillwatch.alerting.AlertEngine;
import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentJson;
import org.tillwatch.alerting.Silence;
import org.tillwatch.alerting.rules.Rule;
import org.tillwatch.alerting.state.StateStore;
import org.tillwatch.domain.model.RegisterKey;

/** Incidents, acknowledgements and silences: {@code /api/v1/incidents}, {@code /api/v1/silences}. */
final class AlertRoutes {
    private static final long MAX_BODY = 16 * 1024;

    private final Vertx vertx;
    private final java.util.function.Supplier<AlertEngine> alerts;
    private volatile LeaderForward forward;

    AlertRoutes(Vertx vertx, java.util.function.Supplier<AlertEngine> alerts) {
        this.vertx = vertx;
        this.alerts = alerts;
    }

    /** Distributed mode: while another instance leads alerting, these routes are answered by it. */
    void forwardTo(java.util.function.Supplier<java.net.URI> leader, java.util.function.Supplier<java.net.URI> self) {
        forward = new LeaderForward(vertx, leader, self);
    }

    /** Here when this instance has the engine (or is not distributed), else from the leader. */
    private void gate(RoutingContext ctx) {
        LeaderForward f = forward;
        if (f == null || alerts.get() != null) ctx.next();
        else f.handle(ctx);
    }

    /** Leadership moved between the gate and the engine: the caller should come back shortly, like any 503 here. */
    private static void retryLater(RoutingContext ctx) {
        if (ctx.failure() instanceof BadRequest b && b.status == 503) {
            ctx.response().putHeader("Retry-After", Integer.toString(LeaderForward.RETRY_AFTER_SECONDS));
        }
        ctx.next();
    }

    /** The alert engine; in distributed mode only the instance leading alerting has one. */
    private AlertEngine alerts() {
        AlertEngine a = alerts.get();
        if (a == null) throw new BadRequest(503, "not_leader",
                "ведущий экземпляр оповещений сменился, повторите запрос / alerting moved to another instance just now: ask again");
        return a;
    }

    void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY);
        router.route("/api/v1/incidents*").handler(body).handler(this::gate).failureHandler(AlertRoutes::retryLater);
        router.route("/api/v1/silences*").handler(body).handler(this::gate).failureHandler(AlertRoutes::retryLater);
        router.get("/api/v1/incidents").handler(ctx -> respond(ctx, () -> list(ctx)));
        router.get("/api/v1/incidents/:id").handler(ctx -> respond(ctx, () -> json(found(alerts().incident(ctx.pathParam("id")), ctx))));
        router.post("/api/v1/incidents/:id/acknowledge").handler(body).handler(ctx -> {
            String by = requiredText(body(ctx), "by");
            respond(ctx, () -> json(found(alerts().acknowledge(ctx.pathParam("id"), by), ctx)));
        });
        router.get("/api/v1/silences").handler(ctx -> Json.respond(vertx, ctx,
                () -> Map.of("silences", alerts().silences().stream().map(AlertRoutes::json).toList())));
        router.post("/api/v1/silences").handler(body).handler(this::silence);
        router.delete("/api/v1/silences/:id").handler(ctx -> vertx.executeBlocking(() -> alerts().unsilence(ctx.pathParam("id")), false)
                .onComplete(ar -> {
                    if (ar.failed()) ctx.fail(ar.cause());
                    else if (ar.result()) ctx.response().setStatusCode(204).end();
                    else Json.error(ctx, 404, "unknown_silence", "no silence '" + ctx.pathParam("id") + "'");
                }));
    }

    /** As {@link Json#respond}, but keeping nulls: the contract has {@code "resolved": null} while open. */
    private void respond(RoutingContext ctx, Json.Work work) {
        vertx.executeBlocking(work::get, false).onComplete(ar -> {
            if (ar.succeeded()) send(ctx, 200, ar.result());
            else ctx.fail(ar.cause());
        });
    }

    private static void send(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(StateStore.JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private Map<String, Object> list(RoutingContext ctx) {
        String state = ctx.request().getParam("state", "all").toLowerCase(Locale.ROOT);
        if (!List.of("open", "resolved", "all").contains(state)) {
            throw new BadRequest("bad_state", "state must be open, resolved or all, got '" + state + "'");
        }
        String store = ctx.request().getParam("store");
        if (store != null && !RegisterKey.isStoreCode(store)) {
            throw new BadRequest("bad_store", "store code must be 4 characters [0-9A-Z], got '" + store + "'");
        }
        String atText = ctx.request().getParam("at");
        Instant at = null;
        if (atText != null) {
            try {
                at = Instant.parse(atText);
            } catch (DateTimeParseException e) {
                throw new BadRequest("bad_at", "at must be an ISO-8601 instant such as 2026-11-20T11:05:00Z, got '" + atText + "'");
            }
        }
        return Map.of("incidents", alerts().incidents(state, store, at).stream().map(AlertRoutes::json).toList());
    }

    private void silence(RoutingContext ctx) {
        JsonObject b = body(ctx);
        String store = optionalText(b, "store");
        String kind = optionalText(b, "kind");
        String by = requiredText(b, "by");
        if (store != null && !RegisterKey.isStoreCode(store)) {
            throw new BadRequest("bad_store", "store code must be 4 characters [0-9A-Z], got '" + store + "'");
        }
        if (kind != null && Rule.ofKind(kind) == null) {
            throw new BadRequest("bad_kind", "kind must be a rule such as store_availability, chain_availability, device_missing, got '" + kind + "'");
        }
        if (store == null && kind == null) throw new BadRequest("bad_silence", "a silence needs a store, a kind, or both");
        Duration d;
        try {
            d = Duration.parse(requiredText(b, "duration"));
        } catch (DateTimeParseException e) {
            throw new BadRequest("bad_duration", "duration must be ISO-8601 such as PT1H or PT30M, got '" + b.getValue("duration") + "'");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(30)) > 0) {
            throw new BadRequest("bad_duration", "duration must be positive and at most 30 days, got " + d);
        }
        Duration duration = d;
        vertx.executeBlocking(() -> alerts().silence(store, kind, duration, by), false).onComplete(ar -> {
            if (ar.succeeded()) send(ctx, 201, json(ar.result()));
            else ctx.fail(ar.cause());
        });
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject o = ctx.body().asJsonObject();
            if (o == null) throw new BadRequest("bad_body", "expected a JSON object body");
            return o;
        } catch (DecodeException | ClassCastException e) {
            throw new BadRequest("bad_body", "expected a JSON object body: " + e.getMessage());
        }
    }

    private static String optionalText(JsonObject o, String key) {
        Object v = o.getValue(key);
        if (v == null) return null;
        if (!(v instanceof String s)) throw new BadRequest("bad_" + key, key + " must be a string or null");
        return s.isBlank() ? null : s.strip();
    }

    private static String requiredText(JsonObject o, String key) {
        String s = optionalText(o, key);
        if (s == null) throw new BadRequest("missing_" + key, key + " is required");
        if (s.length() > 200) throw new BadRequest("bad_" + key, key + " must be at most 200 characters");
        return s;
    }

    private static Incident found(Incident i, RoutingContext ctx) {
        if (i == null) throw new BadRequest(404, "unknown_incident", "no incident '" + ctx.pathParam("id") + "'");
        return i;
    }

    static Map<String, Object> json(Incident i) {
        return IncidentJson.of(i);
    }

    static Map<String, Object> json(Silence s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("store", s.store());
        m.put("kind", s.kind());
        m.put("by", s.by());
        m.put("created", s.created().toString());
        m.put("expires", s.expires().toString());
        return m;
    }
}
