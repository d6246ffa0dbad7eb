package org.tillwatch.collector.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a push body of known length straight into one array of exactly that size. BodyHandler starts a buffer at
 * 64 KiB at most and doubles it (a 1 MiB chunk allocated 2 MiB on the way), and the route then copied the bytes out
 * of it again: together a tenth of everything the collector allocated while ingesting. A body without
 * Content-Length (chunked), over the limit, or a request already read goes to BodyHandler as before (413 and all).
 */
final class PushBody implements Handler<RoutingContext> {
    private static final String KEY = "tillwatch.push.body";

    private final long limit;
    private final BodyHandler fallback;

    PushBody(long limit) {
        this.limit = limit;
        this.fallback = BodyHandler.create(false).setBodyLimit(limit);
    }

    /** The body this handler read, or the one BodyHandler read. */
    static byte[] of(RoutingContext ctx) {
        byte[] own = ctx.get(KEY);
        if (own != null) return own;
        return ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        long length = contentLength(req.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length < 0 || length > limit || req.headers().contains(HttpHeaders.TRANSFER_ENCODING) || req.isEnded()) {
            fallback.handle(ctx);
            return;
        }
        byte[] body = new byte[(int) length];
        int[] at = {0};
        boolean[] failed = {false};
        req.handler(chunk -> {
            int n = chunk.length();
            if (failed[0]) return;
            if (at[0] + n > body.length) { // HTTP/1.1 framing forbids it; refuse rather than overrun
                failed[0] = true;
                Json.error(ctx, 400, "bad_body", "the body is longer than its Content-Length");
                return;
            }
            chunk.getBytes(0, n, body, at[0]);
            at[0] += n;
        });
        req.exceptionHandler(e -> {
            if (!failed[0]) {
                failed[0] = true;
                ctx.fail(e);
            }
        });
        req.endHandler(v -> {
            if (failed[0]) return;
            if (at[0] != body.length) {
                Json.error(ctx, 400, "bad_body", "the body is shorter than its Content-Length");
                return;
            }
            ctx.put(KEY, body);
            ctx.next();
        });
        req.resume();
    }

    private static long contentLength(String header) {
        if (header == null || header.isEmpty() || header.length() > 18) return -1;
        long n = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
