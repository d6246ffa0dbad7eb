package org.tillwatch.web;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.core.http.CookieSameSite;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.web.audit.AuditLog;
import org.tillwatch.web.auth.Accounts;
import org.tillwatch.web.auth.ApiAuth;
import org.tillwatch.web.auth.PasswordHasher;
import org.tillwatch.web.data.ApiIncidents;
import org.tillwatch.web.data.UiData;

/**
 * The Parser UI under {@code /ui} and the API's bearer-token check, mounted on the collector's router with
 * {@link #mount} before its own routes. Pages are rendered on the server; log content is escaped everywhere.
 */
public final class WebUi {
    /** Chart.js as its webjar ships it (the version is pinned in the parent POM). */
    static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist";

    private final Vertx vertx;
    private final CollectorConfig config;
    private final Accounts accounts;
    private final AtomicInteger port = new AtomicInteger();
    private final UiRoutes routes;

    public WebUi(Vertx vertx, CollectorConfig config, UiData data, Clock clock) {
        this(vertx, config, data, clock, null);
    }

    /**
     * @param internalToken the token of the UI's own API calls, or null for a fresh random one; distributed mode gives
     *                      every instance the same one, so an instance's call forwarded to another is accepted there
     */
    public WebUi(Vertx vertx, CollectorConfig config, UiData data, Clock clock, String internalToken) {
        this.vertx = vertx;
        this.config = config;
        if (internalToken == null) internalToken = PasswordHasher.newToken();
        this.accounts = new Accounts(config.security(), internalToken);
        AuditLog audit = new AuditLog(config.data().dir(), clock);
        this.routes = new UiRoutes(vertx, accounts, data, audit, new ApiIncidents(vertx, port::get, internalToken), config.live().minVolume(),
                new org.tillwatch.web.auth.LoginThrottle(clock));
    }

    /** Adds the API token check on {@code /api/*} and the UI's routes. Call before the collector's own routes. */
    public void mount(Router router) {
        router.route("/api/*").handler(new ApiAuth(accounts));
        router.route("/ui/*").handler(SecurityHeaders::apply);
        router.route("/ui/static/vendor/*").handler(StaticHandler.create(CHART_JS).setCachingEnabled(true).setMaxAgeSeconds(86_400));
        router.route("/ui/static/*").handler(StaticHandler.create("org/tillwatch/web/static").setCachingEnabled(true).setMaxAgeSeconds(3600));
        router.route("/ui*").handler(SessionHandler.create(LocalSessionStore.create(vertx))
                .setSessionCookieName("tillwatch_session").setSessionCookiePath("/ui").setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.STRICT).setSessionTimeout(config.security().sessionTimeout().toMillis()));
        router.post("/ui/*").handler(BodyHandler.create(false).setBodyLimit(16 * 1024));
        routes.mount(router);
    }

    /** Tells the UI the port the collector listens on, for its calls to the collector's own API. */
    public void listening(int actualPort) {
        port.set(actualPort);
    }
}
