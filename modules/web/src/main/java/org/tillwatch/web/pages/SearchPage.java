package org.tillwatch.web.pages;

import static org.tillwatch.web.html.Html.esc;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.tillwatch.domain.model.Transaction;
import org.tillwatch.web.html.Html;
import org.tillwatch.web.html.View;

/** Finding a customer's purchases: card number and a date or date range. The card goes by POST, never in a URL. */
public final class SearchPage {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SearchPage() {
    }

    /**
     * @param card    the card searched for: shown masked only, the field starts empty again
     * @param results {@code null} before a search
     */
    public static String render(View v, String card, String from, String to, String error, List<Transaction> results,
                                java.util.function.Function<String, String> storeName) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(v.t("search.title"))).append("</h1>");
        b.append("<form method=\"post\" action=\"/ui/search\" class=\"search\" autocomplete=\"off\">").append(v.csrfField())
                .append("<label>").append(esc(v.t("search.card"))).append("<input type=\"text\" inputmode=\"numeric\" name=\"card\" id=\"card\" required maxlength=\"24\" value=\"\"></label>")
                .append("<label>").append(esc(v.t("search.from"))).append("<input type=\"date\" name=\"from\" id=\"from\" value=\"").append(esc(from)).append("\"></label>")
                .append("<label>").append(esc(v.t("search.to"))).append("<input type=\"date\" name=\"to\" id=\"to\" value=\"").append(esc(to)).append("\"></label>")
                .append("<button type=\"submit\" id=\"find\">").append(esc(v.t("search.find"))).append("</button></form>");
        b.append("<p class=\"hint\">").append(esc(v.t("search.hint"))).append("</p>");
        if (error != null) b.append("<p class=\"error\" id=\"error\">").append(esc(error)).append("</p>");
        if (results != null) {
            b.append("<h2 id=\"results-title\">").append(esc(v.t("search.results", Html.card(card), results.size()))).append("</h2>");
            if (results.isEmpty()) {
                b.append("<p id=\"no-results\">").append(esc(v.t("search.none"))).append("</p>");
            } else {
                b.append("<div class=\"scroll\"><table class=\"results\" id=\"results\"><thead><tr><th>").append(esc(v.t("col.store")))
                        .append("</th><th>").append(esc(v.t("col.time"))).append("</th><th class=\"num\">").append(esc(v.t("col.total")))
                        .append("</th><th class=\"num\">").append(esc(v.t("col.points"))).append("</th><th>").append(esc(v.t("col.status")))
                        .append("</th><th></th></tr></thead><tbody>");
                for (Transaction t : results) {
                    String why = Situation.whyNoPoints(t);
                    b.append("<tr data-id=\"").append(esc(t.id())).append("\"><td>").append(esc(t.store())).append(" <span class=\"muted\">")
                            .append(esc(storeName.apply(t.store()))).append("</span></td><td>").append(esc(TIME.format(t.opened())))
                            .append("</td><td class=\"num\">").append(esc(t.total())).append("</td><td class=\"num\">")
                            .append(esc(t.accrued()));
                    if (why != null) b.append("<div class=\"why\">").append(esc(v.t("why." + why))).append("</div>");
                    b.append("</td><td>").append(Badges.badge(v, t)).append("</td><td><a class=\"open\" href=\"/ui/receipts/")
                            .append(esc(ReceiptPage.path(t))).append("\">").append(esc(v.t("search.open"))).append("</a></td></tr>");
                }
                b.append("</tbody></table></div>");
            }
        }
        return v.page(v.t("search.title"), b.toString());
    }
}
