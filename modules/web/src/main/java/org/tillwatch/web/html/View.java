package org.tillwatch.web.html;

import static org.tillwatch.web.html.Html.esc;

import org.tillwatch.web.auth.Accounts.Principal;
import org.tillwatch.web.auth.Role;

/**
 * What every page needs: the language, the user, the session's CSRF token, the current path; and the page frame.
 *
 * @param user {@code null} on the login page
 */
public record View(Messages m, Principal user, String csrf, String path) {

    public String t(String key, Object... args) {
        return m.t(key, args);
    }

    /** A dictionary text in the page's language. */
    public String t(org.tillwatch.domain.model.OutcomeExplanation.Text text) {
        return m.t(text);
    }

    /** A hidden field carrying the CSRF token: every form that changes something has one. */
    public String csrfField() {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">";
    }

    public boolean can(Role role) {
        return user != null && user.role().atLeast(role);
    }

    /** The whole page: header with navigation, language switch and logout, then {@code body}. */
    public String page(String title, String body, String... scripts) {
        StringBuilder b = new StringBuilder(body.length() + 2048);
        b.append("<!DOCTYPE html><html lang=\"").append(m.lang()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" — tillwatch</title>")
                .append("<link rel=\"stylesheet\" href=\"/ui/static/app.css\"></head><body>");
        b.append("<header class=\"top\"><a class=\"brand\" href=\"/ui/\">tillwatch</a><nav>");
        if (user != null) {
            nav(b, "/ui/search", t("nav.search"));
            nav(b, "/ui/errors", t("nav.errors"));
            if (can(Role.SUPPORT)) nav(b, "/ui/stores", t("nav.stores"));
            if (can(Role.ADMIN)) nav(b, "/ui/audit", t("nav.audit"));
        }
        b.append("</nav><div class=\"who\">");
        String other = m.lang().equals("ru") ? "en" : "ru";
        b.append("<a class=\"lang\" id=\"lang-switch\" href=\"").append(esc(path)).append("?lang=").append(other).append("\">")
                .append(other.equals("en") ? "English" : "Русский").append("</a>");
        if (user != null) {
            b.append("<span class=\"user\" id=\"user\">").append(esc(user.name())).append(" · ").append(esc(t("role." + user.role().id()))).append("</span>")
                    .append("<form method=\"post\" action=\"/ui/logout\" class=\"inline\">").append(csrfField())
                    .append("<button type=\"submit\" id=\"logout\">").append(esc(t("nav.logout"))).append("</button></form>");
        }
        b.append("</div></header><main>").append(body).append("</main>");
        for (String s : scripts) b.append("<script src=\"").append(esc(s)).append("\"></script>");
        b.append("</body></html>");
        return b.toString();
    }

    private void nav(StringBuilder b, String href, String label) {
        b.append("<a href=\"").append(href).append("\"").append(path.startsWith(href) ? " class=\"active\"" : "").append(">")
                .append(esc(label)).append("</a>");
    }
}
