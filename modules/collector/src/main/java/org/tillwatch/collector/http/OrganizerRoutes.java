package org.tillwatch.collector.http;

import java.io.IOException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.query.FilterRequest;
import org.tillwatch.index.query.Page;
import org.tillwatch.index.query.ReceiptFilter;
import org.tillwatch.index.query.ReceiptSearch;
import org.tillwatch.index.query.TransactionJson;
import org.tillwatch.index.store.TransactionQueries;

/**
 * What {@code tillwatch receipt|receipts|items|keys|errors|grep|export|tail --server} ask: the same filters as a local
 * data directory, resolved with this collector's registry and card key. POST, so card numbers stay out of URLs.
 * <ul>
 * <li>{@code POST /api/v1/organizer/receipts} {@code {filter..., offset | after, limit, newest_first}} -> {@code {total,
 * transactions}} (whole transactions, cards masked); {@code after} is the previous page's last receipt
 * {@code {closed_at (epoch ms), store, register}}: the next page starts strictly after it even while the index grows</li>
 * <li>{@code POST /api/v1/organizer/outcomes} {@code {filter...}} -> {@code {receipts, outcomes: {name: receipts}}}</li>
 * </ul>
 */
final class OrganizerRoutes {
    static final int MAX_LIMIT = 2000;

    private final Vertx vertx;
    private final TransactionQueries queries;
    private final CardHasher hasher;
    private final StoreRegistry registry;

    OrganizerRoutes(Vertx vertx, TransactionQueries queries, CardHasher hasher, StoreRegistry registry) {
        this.vertx = vertx;
        this.queries = queries;
        this.hasher = hasher;
        this.registry = registry;
    }

    void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(256 * 1024);
        router.post("/api/v1/organizer/receipts").handler(body).handler(ctx -> Json.respond(vertx, ctx, () -> receipts(ctx)));
        router.post("/api/v1/organizer/outcomes").handler(body).handler(ctx -> Json.respond(vertx, ctx, () -> outcomes(ctx)));
    }

    private Object receipts(RoutingContext ctx) throws IOException {
        JsonNode body = body(ctx);
        ReceiptFilter filter = filter(body);
        int offset = number(body, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = number(body, "limit", 0, MAX_LIMIT, 100);
        boolean newestFirst = body.path("newest_first").asBoolean(false);
        ReceiptSearch.Cursor after = cursor(body.get("after"));
        if (after != null && offset != 0) throw new BadRequest("bad_after", "give offset or after, not both");
        Page page = after == null ? queries.page(filter, offset, limit, newestFirst)
                : queries.pageAfter(filter, after, limit, newestFirst);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", page.total());
        m.put("transactions", page.transactions());
        return m;
    }

    /** {@code {"closed_at": epoch millis, "store", "register"}} of the previous page's last receipt. */
    private static ReceiptSearch.Cursor cursor(JsonNode after) {
        if (after == null || after.isNull()) return null;
        if (!after.path("closed_at").canConvertToLong() || !after.path("store").isTextual() || !after.path("register").isTextual()) {
            throw new BadRequest("bad_after", "after must be {\"closed_at\": epoch millis, \"store\": \"AX1B\", \"register\": \"POS01\"}");
        }
        return new ReceiptSearch.Cursor(after.get("closed_at").asLong(), after.get("store").asText(), after.get("register").asText());
    }

    private Object outcomes(RoutingContext ctx) throws IOException {
        ReceiptFilter filter = filter(body(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receipts", queries.count(filter));
        m.put("outcomes", queries.outcomeCounts(filter));
        return m;
    }

    private static JsonNode body(RoutingContext ctx) {
        try {
            JsonNode n = TransactionJson.MAPPER.readTree(ctx.body().asString());
            if (n == null || !n.isObject()) throw new IOException("not an object");
            return n;
        } catch (IOException | RuntimeException e) {
            throw new BadRequest("bad_json", "body must be a JSON object: {\"store\": \"AX1B\", \"from\": \"2026-11-20T13:00\", ...}");
        }
    }

    private ReceiptFilter filter(JsonNode body) {
        try {
            FilterRequest req = TransactionJson.MAPPER.treeToValue(body.path("filter"), FilterRequest.class);
            if (req == null) req = new FilterRequest(null, null, null, null, null, null, null, null, null, null, null);
            return req.resolve(this::zone, hasher::hash);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad_filter", e.getMessage());
        } catch (IOException e) {
            throw new BadRequest("bad_filter", "filter must be an object of store, register, from, to, card, status, outcome, tag, has_promo, min_total, ids");
        }
    }

    private ZoneId zone(String store) {
        return store == null ? registry.defaultZone() : registry.store(store).zone();
    }

    private static int number(JsonNode body, String name, int min, int max, int dflt) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return dflt;
        if (!n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
            throw new BadRequest("bad_" + name, name + " must be a number " + min + ".." + max + ", got " + n);
        }
        return n.asInt();
    }
}
