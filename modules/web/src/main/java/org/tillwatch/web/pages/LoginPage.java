package org.tillwatch.web.pages;

import static org.tillwatch.web.html.Html.esc;

import org.tillwatch.web.html.View;

/** The login form. */
public final class LoginPage {
    private LoginPage() {
    }

    public static String render(View v, String error, boolean noAccounts) {
        StringBuilder b = new StringBuilder("<section class=\"login\"><h1>").append(esc(v.t("login.title"))).append("</h1>");
        if (noAccounts) b.append("<p class=\"error\" id=\"no-accounts\">").append(esc(v.t("login.noaccounts"))).append("</p>");
        if (error != null) b.append("<p class=\"error\" id=\"error\">").append(esc(error)).append("</p>");
        b.append("<form method=\"post\" action=\"/ui/login\">").append(v.csrfField())
                .append("<label>").append(esc(v.t("login.name"))).append("<input type=\"text\" name=\"name\" id=\"name\" autocomplete=\"username\" required maxlength=\"64\"></label>")
                .append("<label>").append(esc(v.t("login.password"))).append("<input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\" required maxlength=\"200\"></label>")
                .append("<button type=\"submit\" id=\"login\">").append(esc(v.t("login.submit"))).append("</button></form></section>");
        return v.page(v.t("login.title"), b.toString());
    }
}
