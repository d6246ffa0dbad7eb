package org.tillwatch.web.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens on {@code /api/*} when the security section lists tokens (otherwise the API stays open). Reading needs
 * any role; changes (push ingestion, acknowledging, silencing) need support or admin.
 */
public final class ApiAuth implements Handler<RoutingContext> {
    private final Accounts accounts;

    public ApiAuth(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!accounts.apiProtected()) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            deny(ctx, 401, "unauthorized", "this collector needs an API token: send Authorization: Bearer <token> (tillwatch: --token-file or TILLWATCH_TOKEN)");
            return;
        }
        var who = accounts.token(header.substring(7).strip());
        if (who.isEmpty()) {
            deny(ctx, 401, "unauthorized", "unknown API token");
            return;
        }
        boolean reading = ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD
                || ctx.request().path().equals("/api/v1/transactions/search");
        if (!reading && !who.get().role().atLeast(Role.SUPPORT)) {
            deny(ctx, 403, "forbidden", "the token's role '" + who.get().role().id() + "' may only read; changes need support or admin");
            return;
        }
        ctx.put("principal", who.get());
        ctx.next();
    }

    private static void deny(RoutingContext ctx, int status, String error, String reason) {
        if (status == 401) ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tillwatch\"");
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new io.vertx.core.json.JsonObject().put("error", error).put("reason", reason).encode());
    }
}
