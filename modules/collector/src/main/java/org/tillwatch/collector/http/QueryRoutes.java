package org.tillwatch.collector.http;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.query.ReceiptFilter;
import org.tillwatch.index.store.TransactionQueries;

/**
 * Transactions: by loyalty card (POST, so the card number stays out of URLs and access logs), by store, register
 * and time range, and one in full with its timeline of entries. Reads the store's queries (Lucene's
 * near-real-time index or OpenSearch).
 */
final class QueryRoutes {
    private static final int MAX_LIMIT = 1000;

    private final Vertx vertx;
    private final TransactionQueries queries;
    private final CardHasher hasher;
    private final StoreRegistry registry;
    QueryRoutes(Vertx vertx, TransactionQueries queries, CardHasher hasher, StoreRegistry registry) {
        this.vertx = vertx;
        this.queries = queries;
        this.hasher = hasher;
        this.registry = registry;
    }

    void mount(Router router) {
        router.post("/api/v1/transactions/search").handler(BodyHandler.create(false).setBodyLimit(4096))
                .handler(ctx -> Json.respond(vertx, ctx, () -> byCard(ctx)));
        router.get("/api/v1/transactions").handler(ctx -> Json.respond(vertx, ctx, () -> byStore(ctx)));
        router.get("/api/v1/transactions/:store/:register/:shift/:receipt/:date").handler(ctx -> Json.respond(vertx, ctx, () -> one(ctx)));
    }

    private Object byCard(RoutingContext ctx) throws IOException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body().asString());
        } catch (IOException | RuntimeException e) {
            throw new BadRequest("bad_json", "body must be JSON: {\"card\": \"7000...\", \"date\": \"2026-11-20\"}");
        }
        String card = body == null || body.get("card") == null ? null : body.get("card").asText().trim();
        if (card == null || !card.matches("\\d{8,24}")) throw new BadRequest("bad_card", "card must be the loyalty card number, 8 to 24 digits");
        LocalDate date = null;
        if (body.get("date") != null && !body.get("date").isNull()) {
            try {
                date = LocalDate.parse(body.get("date").asText());
            } catch (DateTimeParseException e) {
                throw new BadRequest("bad_date", "date must be YYYY-MM-DD, got '" + body.get("date").asText() + "'");
            }
        }
        LocalDate d = date;
        return queries.byCardHash(hasher.hash(card), d).stream().map(QueryRoutes::summary).toList();
    }

    private Object byStore(RoutingContext ctx) throws IOException {
        String store = ctx.request().getParam("store");
        if (store == null || !RegisterKey.isStoreCode(store)) throw new BadRequest("bad_store", "store is required: a 4-character store code");
        ZoneId zone = registry.store(store).zone();
        String register = ctx.request().getParam("register");
        if (register != null && !RegisterKey.isRegisterName(register)) throw new BadRequest("bad_register", "register must be POS plus two digits");
        Instant from = time(ctx.request().getParam("from"), zone, "from");
        Instant to = time(ctx.request().getParam("to"), zone, "to");
        int limit = limit(ctx.request().getParam("limit"));
        Map<String, Object> m = new LinkedHashMap<>();
        if (from != null && to != null && !from.isBefore(to)) {
            m.put("total", 0L);
            m.put("transactions", List.of());
            return m;
        }
        ReceiptFilter filter = new ReceiptFilter(store, register, from, to, null, null, null, null, null, null, null);
        m.put("total", queries.count(filter));
        m.put("transactions", queries.newest(filter, limit).stream().map(QueryRoutes::summary).toList());
        return m;
    }

    private Object one(RoutingContext ctx) throws IOException {
        String id = String.join("/", ctx.pathParam("store"), ctx.pathParam("register"), ctx.pathParam("shift"),
                ctx.pathParam("receipt"), ctx.pathParam("date"));
        Transaction t = queries.get(id).orElse(null);
        if (t == null) throw new BadRequest(404, "not_found", "no transaction " + id);
        Map<String, Object> m = summary(t);
        m.put("transaction", t);
        List<Map<String, Object>> explained = new ArrayList<>();
        for (LoyaltyRequest r : t.requests()) {
            if (!r.outcome().ok()) explained.add(StatusRoutes.explain(OutcomeExplanations.of(r.outcome())));
        }
        m.put("explanations", explained);
        return m;
    }

    /** The facts an operator needs first, as {@code tillwatch receipts} prints them. */
    static Map<String, Object> summary(Transaction t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id().toString());
        m.put("store", t.store());
        m.put("register", t.register().register());
        m.put("status", t.status().name());
        m.put("opened", t.opened());
        m.put("closed", t.closed());
        m.put("closed_utc", t.closedAt());
        m.put("total", t.total());
        m.put("positions", t.positions().size());
        m.put("promo_positions", t.promoPositions());
        m.put("outcomes", t.outcomeNames());
        m.put("loyalty", t.loyalty());
        m.put("failed", t.failed());
        m.put("accrued", t.accrued());
        m.put("pending", t.pending());
        m.put("bag", t.changedAfterCalculation());
        t.card().ifPresent(c -> m.put("card", c.card())); // stored transactions hold it masked
        return m;
    }

    private static Instant time(String value, ZoneId zone, String name) {
        if (value == null) return null;
        try {
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) return java.time.OffsetDateTime.parse(value).toInstant();
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest("bad_time", name + " must be ISO-8601: 2026-11-20T13:00 (store time) or 2026-11-20T10:00:00Z, got '" + value + "'");
        }
    }

    private static int limit(String value) {
        if (value == null) return 100;
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > MAX_LIMIT) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest("bad_limit", "limit must be 1.." + MAX_LIMIT + ", got '" + value + "'");
        }
    }
}
