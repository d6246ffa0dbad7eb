package org.tillwatch.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.live.StoreStatus;
import org.tillwatch.web.audit.AuditLog;
import org.tillwatch.web.auth.Accounts;
import org.tillwatch.web.auth.Accounts.Principal;
import org.tillwatch.web.auth.Role;
import org.tillwatch.web.data.Incidents;
import org.tillwatch.web.data.UiData;
import org.tillwatch.web.html.Html;
import org.tillwatch.web.html.View;
import org.tillwatch.web.pages.AuditPage;
import org.tillwatch.web.pages.DictionaryPage;
import org.tillwatch.web.pages.LoginPage;
import org.tillwatch.web.pages.ReceiptPage;
import org.tillwatch.web.pages.SearchPage;
import org.tillwatch.web.pages.Situation;
import org.tillwatch.web.pages.StorePages;

/** The UI's pages: login, card search, receipt, dictionary, chain and store status, audit. Index reads run off the event loop. */
final class UiRoutes {
    private static final Logger LOG = Logger.getLogger(UiRoutes.class.getName());
    private static final int MAX_RANGE_DAYS = 366;

    private final Vertx vertx;
    private final Accounts accounts;
    private final UiData data;
    private final AuditLog audit;
    private final Incidents incidents;
    private final int minVolume;
    private final org.tillwatch.web.auth.LoginThrottle throttle;

    UiRoutes(Vertx vertx, Accounts accounts, UiData data, AuditLog audit, Incidents incidents, int minVolume,
             org.tillwatch.web.auth.LoginThrottle throttle) {
        this.throttle = throttle;
        this.vertx = vertx;
        this.accounts = accounts;
        this.data = data;
        this.audit = audit;
        this.incidents = incidents;
        this.minVolume = minVolume;
    }

    void mount(Router router) {
        router.post("/ui/*").handler(this::checkCsrf);
        router.get("/ui/login").handler(ctx -> send(ctx, 200, LoginPage.render(UiSession.view(ctx), null, !accounts.hasUsers())));
        router.post("/ui/login").handler(this::login);
        router.route("/ui*").handler(this::requireLogin);
        router.get("/ui").handler(ctx -> redirect(ctx, "/ui/search"));
        router.get("/ui/").handler(ctx -> redirect(ctx, "/ui/search"));
        router.post("/ui/logout").handler(ctx -> {
            ctx.session().destroy();
            redirect(ctx, "/ui/login");
        });
        router.get("/ui/search").handler(ctx -> send(ctx, 200, SearchPage.render(UiSession.view(ctx), "", "", "", null, null, this::storeName)));
        router.post("/ui/search").handler(this::search);
        router.get("/ui/receipts/:store/:register/:shift/:receipt/:date").handler(this::receipt);
        router.get("/ui/errors").handler(ctx -> send(ctx, 200, DictionaryPage.render(UiSession.view(ctx), ctx.request().getParam("q"))));
        router.get("/ui/stores").handler(ctx -> role(ctx, Role.SUPPORT, this::overview));
        router.get("/ui/stores/:store").handler(ctx -> role(ctx, Role.SUPPORT, this::store));
        router.get("/ui/audit").handler(ctx -> role(ctx, Role.ADMIN, v -> AuditPage.render(v, audit.tail(500))));
        router.route("/ui/*").handler(ctx -> problem(ctx, 404, "error.notfound"));
        router.route("/ui/*").failureHandler(ctx -> {
            LOG.log(Level.WARNING, "UI request failed: " + ctx.request().path(), ctx.failure());
            problem(ctx, ctx.statusCode() >= 400 && ctx.statusCode() < 500 ? ctx.statusCode() : 500,
                    ctx.statusCode() == 413 ? "error.toolarge" : "error.internal");
        });
    }

    private void checkCsrf(RoutingContext ctx) {
        if (UiSession.csrfOk(ctx)) ctx.next();
        else problem(ctx, 403, "error.csrf");
    }

    private void requireLogin(RoutingContext ctx) {
        if (UiSession.user(ctx) != null) ctx.next();
        else redirect(ctx, "/ui/login");
    }

    private void login(RoutingContext ctx) {
        String name = ctx.request().getFormAttribute("name");
        String password = ctx.request().getFormAttribute("password");
        String remote = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        String user = name == null ? "" : name;
        java.time.Duration locked = throttle.wait(user);
        if (!locked.isZero()) {
            vertx.executeBlocking(() -> {
                audit.record(user, "login_locked", Map.of("remote", remote));
                return null;
            }, false).onComplete(ar -> {
                View v = UiSession.view(ctx);
                send(ctx, 429, LoginPage.render(v, v.t("login.locked", Math.max(1, (locked.toSeconds() + 59) / 60)), !accounts.hasUsers()));
            });
            return;
        }
        vertx.executeBlocking(() -> {
            var who = name == null || password == null ? java.util.Optional.<Principal>empty() : accounts.login(name, password.toCharArray());
            audit.record(user, who.isPresent() ? "login" : "login_failed", Map.of("remote", remote));
            if (who.isPresent()) throttle.succeeded(user);
            else throttle.failed(user);
            return who;
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isPresent()) {
                UiSession.login(ctx, ar.result().get());
                redirect(ctx, "/ui/search");
            } else {
                View v = UiSession.view(ctx);
                send(ctx, 401, LoginPage.render(v, v.t("login.failed"), !accounts.hasUsers()));
            }
        });
    }

    private void search(RoutingContext ctx) {
        View v = UiSession.view(ctx);
        String card = value(ctx, "card").replaceAll("[\\s-]", "");
        String fromText = value(ctx, "from");
        String toText = value(ctx, "to");
        String error = null;
        LocalDate from = null;
        LocalDate to = null;
        try {
            from = fromText.isEmpty() ? null : LocalDate.parse(fromText);
            to = toText.isEmpty() ? from : LocalDate.parse(toText);
            if (from == null && to != null) from = to;
        } catch (DateTimeParseException e) {
            error = v.t("search.baddate");
        }
        if (!card.matches("\\d{8,24}")) error = v.t("search.badcard");
        else if (from != null && to.isBefore(from)) error = v.t("search.badrange");
        else if (from != null && from.plusDays(MAX_RANGE_DAYS).isBefore(to)) error = v.t("search.toolong", MAX_RANGE_DAYS);
        if (error != null) {
            send(ctx, 400, SearchPage.render(v, "", fromText, toText, error, null, this::storeName));
            return;
        }
        LocalDate f = from;
        LocalDate t = to;
        vertx.executeBlocking(() -> {
            List<Transaction> found = data.byCard(card, f, t);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("role", v.user().role().id());
            details.put("card", Html.card(card));
            details.put("card_hash", data.cardHash(card));
            details.put("from", f == null ? null : f.toString());
            details.put("to", t == null ? null : t.toString());
            details.put("results", found.size());
            audit.record(v.user().name(), "card_lookup", details);
            return SearchPage.render(v, card, fromText, toText, null, found, this::storeName);
        }, false).onComplete(ar -> respond(ctx, ar.succeeded() ? ar.result() : null, ar.cause()));
    }

    private void receipt(RoutingContext ctx) {
        View v = UiSession.view(ctx);
        String id = String.join("/", ctx.pathParam("store"), ctx.pathParam("register"), ctx.pathParam("shift"),
                ctx.pathParam("receipt"), ctx.pathParam("date"));
        vertx.executeBlocking(() -> {
            Transaction t = data.transaction(id).orElse(null);
            if (t != null) audit.record(v.user().name(), "receipt_view", Map.of("role", v.user().role().id(), "receipt", id));
            return t;
        }, false).compose(t -> {
            if (t == null) return Future.succeededFuture((String) null);
            boolean service = Situation.of(t).stream().anyMatch(s -> s.kind().equals("service"));
            Future<List<Incidents.Link>> links = service ? incidents.openAt(t.store(), t.closedAt()) : Future.succeededFuture(List.of());
            return links.map(l -> ReceiptPage.render(v, t, storeName(t.store()), l));
        }).onComplete(ar -> {
            if (ar.succeeded() && ar.result() == null) problem(ctx, 404, "error.noreceipt");
            else respond(ctx, ar.succeeded() ? ar.result() : null, ar.cause());
        });
    }

    private String overview(View v) throws Exception {
        ZoneId zone = data.registry().defaultZone();
        var chain = data.live().chain();
        LocalDate day = chain.watermark() == null ? LocalDate.now(zone) : chain.watermark().atZone(zone).toLocalDate();
        return StorePages.overview(v, chain, data.live().stores(), data.registry().stores(), data.day(null, day, zone), minVolume);
    }

    private String store(View v, RoutingContext ctx) throws Exception {
        String code = ctx.pathParam("store");
        StoreStatus s = data.live().store(code);
        if (s == null) return null;
        var st = data.registry().store(code);
        LocalDate day;
        String asked = ctx.request().getParam("date");
        try {
            day = asked != null && !asked.isBlank() ? LocalDate.parse(asked)
                    : s.lastEvent() == null ? LocalDate.now(st.zone()) : s.lastEvent().atZone(st.zone()).toLocalDate();
        } catch (DateTimeParseException e) {
            day = s.lastEvent() == null ? LocalDate.now(st.zone()) : s.lastEvent().atZone(st.zone()).toLocalDate();
        }
        return StorePages.store(v, s, st, data.day(code, day, st.zone()), minVolume);
    }

    private interface Page {
        String render(View v) throws Exception;
    }

    private interface ContextPage {
        String render(View v, RoutingContext ctx) throws Exception;
    }

    private void role(RoutingContext ctx, Role needed, ContextPage page) {
        View v = UiSession.view(ctx);
        if (!v.can(needed)) {
            problem(ctx, 403, "error.forbidden");
            return;
        }
        Callable<String> work = () -> page.render(v, ctx);
        vertx.executeBlocking(work, false).onComplete(ar -> {
            if (ar.succeeded() && ar.result() == null) problem(ctx, 404, "error.nostore");
            else respond(ctx, ar.succeeded() ? ar.result() : null, ar.cause());
        });
    }

    private void role(RoutingContext ctx, Role needed, Page page) {
        role(ctx, needed, (v, c) -> page.render(v));
    }

    private String storeName(String code) {
        var s = data.registry().store(code);
        return s.registered() ? s.name() : "";
    }

    private static String value(RoutingContext ctx, String name) {
        String v = ctx.request().getFormAttribute(name);
        return v == null ? "" : v.strip();
    }

    private static void respond(RoutingContext ctx, String html, Throwable failure) {
        if (failure != null) ctx.fail(failure);
        else send(ctx, 200, html);
    }

    private static void problem(RoutingContext ctx, int status, String key) {
        if (ctx.response().ended()) return;
        View v = UiSession.view(ctx);
        send(ctx, status, v.page(v.t(key), "<h1 class=\"error\" id=\"problem\">" + Html.esc(v.t(key)) + "</h1><p><a href=\"/ui/search\">"
                + Html.esc(v.t("nav.search")) + "</a></p>"));
    }

    static void send(RoutingContext ctx, int status, String html) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(html);
    }

    private static void redirect(RoutingContext ctx, String to) {
        ctx.response().setStatusCode(303).putHeader("Location", to).end();
    }
}
