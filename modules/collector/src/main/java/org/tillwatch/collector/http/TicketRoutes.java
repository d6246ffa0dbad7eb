package org.tillwatch.collector.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.tillwatch.orchestrator.Orchestrator;
import org.tillwatch.orchestrator.template.TemplateException;
import org.tillwatch.orchestrator.template.TemplateSet;
import org.tillwatch.orchestrator.ticket.TicketException;
import org.tillwatch.orchestrator.ticket.TicketRequest;
import org.tillwatch.orchestrator.ticket.TicketStatus;
import org.tillwatch.orchestrator.ticket.TicketViews;

/**
 * Support tickets: take one (decided and acted on at once), list, show with its audit trail, the organizer export,
 * the summary, a dry run of templates over tickets, and the proactive cases.
 */
public final class TicketRoutes {
    private static final int MAX_BODY = 4 << 20;
    private static final int MAX_LIMIT = 1000;

    private final Vertx vertx;
    private final Orchestrator orchestrator;

    public TicketRoutes(Vertx vertx, Orchestrator orchestrator) {
        this.vertx = vertx;
        this.orchestrator = orchestrator;
    }

    /** Puts {@code gate} in front of every route {@link #mount} adds (mount it after this). */
    public static void gate(Router router, io.vertx.core.Handler<RoutingContext> gate) {
        router.route("/api/v1/tickets*").handler(gate);
        router.route("/api/v1/cases*").handler(gate);
    }

    public void mount(Router router) {
        router.post("/api/v1/tickets").handler(BodyHandler.create(false).setBodyLimit(64 * 1024)).handler(this::submit);
        router.post("/api/v1/tickets/test").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .handler(ctx -> Json.respond(vertx, ctx, () -> dryRun(ctx)));
        router.get("/api/v1/tickets").handler(ctx -> Json.respond(vertx, ctx, () -> list(ctx)));
        router.get("/api/v1/tickets/summary").handler(ctx -> Json.respond(vertx, ctx, orchestrator::summary));
        router.get("/api/v1/tickets/:id").handler(ctx -> Json.respond(vertx, ctx, () -> TicketViews.full(orchestrator.ticket(ctx.pathParam("id"))
                .orElseThrow(() -> new BadRequest(404, "not_found", "no ticket " + ctx.pathParam("id"))))));
        router.get("/api/v1/tickets/:id/export").handler(ctx -> Json.respond(vertx, ctx, () -> orchestrator.export(ctx.pathParam("id"))
                .orElseThrow(() -> new BadRequest(404, "not_found", "no ticket " + ctx.pathParam("id")))));
        router.get("/api/v1/cases").handler(ctx -> Json.respond(vertx, ctx, () -> Map.of("cases",
                orchestrator.cases().stream().map(TicketViews::proactiveCase).toList())));
        router.get("/api/v1/cases/:id").handler(ctx -> Json.respond(vertx, ctx, () -> TicketViews.proactiveCase(orchestrator.proactiveCase(ctx.pathParam("id"))
                .orElseThrow(() -> new BadRequest(404, "not_found", "no case " + ctx.pathParam("id"))))));
    }

    private void submit(RoutingContext ctx) {
        vertx.executeBlocking(() -> {
            Orchestrator.Submitted s = orchestrator.submit(request(body(ctx)));
            return s;
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Map<String, Object> m = TicketViews.full(ar.result().ticket());
            Json.send(ctx, ar.result().created() ? 201 : 200, m);
        });
    }

    private Object list(RoutingContext ctx) {
        String s = ctx.request().getParam("status");
        TicketStatus status = null;
        if (s != null) {
            try {
                status = TicketStatus.valueOf(s.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new BadRequest("bad_status", "status must be one of with_person, escalated, waiting, replied, resolved; got '" + s + "'");
            }
        }
        int limit = 100;
        String l = ctx.request().getParam("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
                if (limit < 1 || limit > MAX_LIMIT) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new BadRequest("bad_limit", "limit must be 1.." + MAX_LIMIT + ", got '" + l + "'");
            }
        }
        return Map.of("tickets", TicketViews.briefs(orchestrator.tickets(status, limit)));
    }

    private Object dryRun(RoutingContext ctx) throws IOException {
        JsonNode body = body(ctx);
        TemplateSet set = orchestrator.templates();
        if (body.hasNonNull("templates")) {
            try {
                set = TemplateSet.parse(body.get("templates"), "templates");
            } catch (TemplateException e) {
                throw new BadRequest("bad_templates", e.getMessage());
            }
        }
        if (!body.path("tickets").isArray()) throw new BadRequest("bad_tickets", "body must hold \"tickets\": [ticket, ...] and optionally \"templates\": {\"templates\": [...]}");
        List<TicketRequest> tickets = new ArrayList<>();
        int i = 0;
        for (JsonNode t : body.get("tickets")) {
            i++;
            try {
                tickets.add(TicketRequest.fromJson(t));
            } catch (TicketException e) {
                throw new BadRequest("bad_ticket", "ticket #" + i + ": " + e.getMessage());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("results", orchestrator.dryRun(tickets, set).stream().map(TicketViews::decision).toList());
        return m;
    }

    private static JsonNode body(RoutingContext ctx) {
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.body().asString());
            if (n == null) throw new BadRequest("bad_json", "the body is empty: send a JSON object");
            return n;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadRequest b) throw b;
            throw new BadRequest("bad_json", "body must be JSON: " + e.getMessage());
        }
    }

    private static TicketRequest request(JsonNode n) {
        try {
            return TicketRequest.fromJson(n);
        } catch (TicketException e) {
            throw new BadRequest("bad_ticket", e.getMessage());
        }
    }
}
