package org.tillwatch.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import org.tillwatch.web.auth.Accounts.Principal;
import org.tillwatch.web.auth.Role;
import org.tillwatch.web.html.Messages;
import org.tillwatch.web.html.View;

/** The session's user and CSRF token, and the language (a cookie, so it survives logging out). */
final class UiSession {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String LANG_COOKIE = "tillwatch_lang";

    private UiSession() {
    }

    static Principal user(RoutingContext ctx) {
        Session s = ctx.session();
        if (s == null || s.get("user") == null) return null;
        return new Principal(s.get("user"), Role.of(s.get("role")));
    }

    static void login(RoutingContext ctx, Principal p) {
        ctx.session().regenerateId();
        ctx.session().put("user", p.name());
        ctx.session().put("role", p.role().id());
        ctx.session().put("csrf", token());
    }

    static String csrf(RoutingContext ctx) {
        if (ctx.session() == null) return "";
        String t = ctx.session().get("csrf");
        if (t == null) {
            t = token();
            ctx.session().put("csrf", t);
        }
        return t;
    }

    static boolean csrfOk(RoutingContext ctx) {
        String expected = ctx.session() == null ? null : ctx.session().get("csrf");
        String got = ctx.request().getFormAttribute("csrf");
        return expected != null && got != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), got.getBytes(StandardCharsets.UTF_8));
    }

    /** Russian unless the user chose English ({@code ?lang=en} on any page sets the cookie). */
    static Messages messages(RoutingContext ctx) {
        String asked = ctx.request().getParam("lang");
        if ("ru".equals(asked) || "en".equals(asked)) {
            ctx.response().addCookie(Cookie.cookie(LANG_COOKIE, asked).setPath("/ui").setMaxAge(365L * 86_400).setSameSite(CookieSameSite.LAX));
            return Messages.of(asked);
        }
        Cookie c = ctx.request().getCookie(LANG_COOKIE);
        return Messages.of(c == null ? "ru" : c.getValue());
    }

    static View view(RoutingContext ctx) {
        return new View(messages(ctx), user(ctx), csrf(ctx), ctx.request().path());
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
