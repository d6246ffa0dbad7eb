package org.tillwatch.web.pages;

import static org.tillwatch.web.html.Html.esc;

import java.util.List;
import java.util.Locale;

import org.tillwatch.domain.model.OutcomeExplanation;
import org.tillwatch.domain.model.OutcomeExplanation.Category;
import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.web.html.Html;
import org.tillwatch.web.html.View;

/** The error dictionary: look a code up directly, or browse every outcome by category. */
public final class DictionaryPage {
    private DictionaryPage() {
    }

    public static String render(View v, String query) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(v.t("dict.title"))).append("</h1>");
        b.append("<form method=\"get\" action=\"/ui/errors\" class=\"search\"><label>").append(esc(v.t("dict.code")))
                .append("<input type=\"text\" name=\"q\" id=\"q\" maxlength=\"60\" value=\"").append(esc(query)).append("\"></label>")
                .append("<button type=\"submit\" id=\"lookup\">").append(esc(v.t("dict.find"))).append("</button></form>");
        if (query != null && !query.isBlank()) {
            String q = query.strip();
            List<OutcomeExplanation> hits = OutcomeExplanations.all().stream().filter(e -> matches(e, q)).toList();
            b.append("<section id=\"lookup-result\">");
            if (hits.isEmpty()) {
                b.append("<p class=\"badge b-unknown\" id=\"unknown\">").append(esc(v.t("dict.unknown"))).append("</p>");
                b.append(explanation(v, OutcomeExplanations.of(q), "h2"));
            } else {
                for (OutcomeExplanation e : hits) b.append(explanation(v, e, "h2"));
            }
            b.append("</section>");
        } else {
            for (Category c : Category.values()) {
                List<OutcomeExplanation> in = OutcomeExplanations.all().stream().filter(e -> e.category() == c).toList();
                if (in.isEmpty()) continue;
                b.append("<h2>").append(esc(v.t(OutcomeExplanations.categoryName(c)))).append("</h2><ul class=\"codes\">");
                for (OutcomeExplanation e : in) {
                    b.append("<li><a href=\"/ui/errors?q=").append(esc(Html.seg(e.outcome()))).append("\"><code>").append(esc(e.outcome()))
                            .append("</code>").append(e.code() == null ? "" : " (" + e.code() + ")").append(" — ").append(esc(v.t(e.title())))
                            .append("</a></li>");
                }
                b.append("</ul>");
            }
        }
        return v.page(v.t("dict.title"), b.toString());
    }

    private static boolean matches(OutcomeExplanation e, String q) {
        String lower = q.toLowerCase(Locale.ROOT);
        return e.outcome().equalsIgnoreCase(q) || (e.code() != null && String.valueOf(e.code()).equals(q))
                || (q.length() >= 3 && (e.title().ru().toLowerCase(Locale.ROOT).contains(lower) || e.title().en().toLowerCase(Locale.ROOT).contains(lower)));
    }

    /** One outcome explained: what happened, what to tell the customer, whether to escalate and to whom. */
    static String explanation(View v, OutcomeExplanation e, String heading) {
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"explanation\" data-outcome=\"").append(esc(e.outcome())).append("\"><").append(heading).append(">")
                .append(esc(v.t(e.title()))).append(" <code>").append(esc(e.outcome())).append(e.code() == null ? "" : " " + e.code()).append("</code> ")
                .append("<span class=\"badge b-cat\">").append(esc(v.t(OutcomeExplanations.categoryName(e.category())))).append("</span>");
        if (e.critical()) b.append(" <span class=\"badge b-service\">").append(esc(v.t("dict.critical"))).append("</span>");
        b.append("</").append(heading).append("><dl>");
        b.append("<dt>").append(esc(v.t("dict.meaning"))).append("</dt><dd class=\"meaning\">").append(esc(v.t(e.meaning()))).append("</dd>");
        b.append("<dt>").append(esc(v.t("dict.tell"))).append("</dt><dd class=\"tell\">").append(esc(v.t(e.tellCustomer()))).append("</dd>");
        b.append("<dt>").append(esc(v.t("dict.escalate"))).append("</dt><dd class=\"escalate\">")
                .append(esc(e.escalation().escalate() ? v.t("dict.yes") + ": " + v.t(e.escalation().lineName()) : v.t("dict.no"))).append("</dd>");
        b.append("<dt>").append(esc(v.t("dict.support"))).append("</dt><dd class=\"support\">").append(esc(v.t(e.support()))).append("</dd>");
        b.append("</dl></div>");
        return b.toString();
    }
}
