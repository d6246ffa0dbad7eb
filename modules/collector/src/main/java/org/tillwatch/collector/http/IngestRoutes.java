package org.tillwatch.collector.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tillwatch.collector.ingest.Ingest;
import org.tillwatch.collector.ingest.PushRejected;
import org.tillwatch.domain.model.RegisterKey;

/**
 * {@code POST /api/v1/ingest/{store}/{register}}: raw log bytes of one register, in order; a chunk may end mid-line.
 * Headers: {@code X-Tillwatch-Offset} (where the chunk starts in the register's pushed stream: makes retries safe),
 * {@code X-Tillwatch-File} (the file the bytes come from), {@code X-Tillwatch-End-Of-File: true} (the chunk ends it).
 */
final class IngestRoutes {
    private final Vertx vertx;
    private final Ingest engine;
    private final long maxChunk;

    IngestRoutes(Vertx vertx, Ingest engine, long maxChunk) {
        this.vertx = vertx;
        this.engine = engine;
        this.maxChunk = maxChunk;
    }

    void mount(Router router) {
        router.post("/api/v1/ingest/:store/:register").handler(new PushBody(maxChunk)).handler(this::push);
        router.get("/api/v1/ingest/:store/:register").handler(this::offset);
    }

    private void push(RoutingContext ctx) {
        RegisterKey key = register(ctx);
        Long offset = header(ctx, "X-Tillwatch-Offset");
        String file = ctx.request().getHeader("X-Tillwatch-File");
        if (file != null && !file.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new BadRequest("bad_file", "X-Tillwatch-File must be a plain file name ([A-Za-z0-9._-], up to 100 characters)");
        }
        boolean eof = "true".equalsIgnoreCase(ctx.request().getHeader("X-Tillwatch-End-Of-File"));
        byte[] body = PushBody.of(ctx);
        vertx.executeBlocking(() -> engine.push(key, body, offset, file, eof), false).onComplete(ar -> {
            if (ar.succeeded()) {
                // by hand, the hottest answer of the API: store and register are [0-9A-Z] and POS plus digits, nothing to escape
                String json = "{\"store\":\"" + key.store() + "\",\"register\":\"" + key.register() + "\",\"accepted_bytes\":"
                        + ar.result().acceptedBytes() + ",\"offset\":" + ar.result().offset() + "}";
                ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json; charset=utf-8").end(json);
            } else if (ar.cause() instanceof PushRejected.Saturated s) {
                ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, (s.retryAfterMillis() + 999) / 1000)));
                // Retry-After counts whole seconds; a shipper that knows this header can come back sooner
                ctx.response().putHeader("X-Tillwatch-Retry-After-Ms", Long.toString(s.retryAfterMillis()));
                Json.error(ctx, 503, s.code(), s.getMessage());
            } else if (ar.cause() instanceof PushRejected.OffsetMismatch m) {
                Map<String, Object> body409 = new LinkedHashMap<>();
                body409.put("error", "offset_mismatch");
                body409.put("reason", m.getMessage());
                body409.put("expected_offset", m.expected());
                Json.send(ctx, 409, body409);
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    private void offset(RoutingContext ctx) {
        RegisterKey key = register(ctx);
        Json.send(ctx, 200, Map.of("store", key.store(), "register", key.register(), "offset", engine.pushedOffset(key)));
    }

    static RegisterKey register(RoutingContext ctx) {
        String store = ctx.pathParam("store");
        String register = ctx.pathParam("register");
        if (!RegisterKey.isStoreCode(store)) {
            throw new BadRequest("bad_store", "store code must be 4 characters [0-9A-Z], got '" + store + "'");
        }
        if (!RegisterKey.isRegisterName(register)) {
            throw new BadRequest("bad_register", "register must be POS plus two digits (POS01..POS99), got '" + register + "'");
        }
        return new RegisterKey(store, register);
    }

    private static Long header(RoutingContext ctx, String name) {
        String v = ctx.request().getHeader(name);
        if (v == null) return null;
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest("bad_offset", name + " must be a non-negative integer, got '" + v + "'");
        }
    }
}
