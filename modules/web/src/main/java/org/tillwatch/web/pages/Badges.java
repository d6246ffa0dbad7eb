package org.tillwatch.web.pages;

import static org.tillwatch.web.html.Html.esc;

import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.web.html.View;

/** The status badge of a receipt: one word and a colour an operator reads at a glance. */
final class Badges {
    private Badges() {
    }

    static String kind(Transaction t) {
        if (!t.status().closed()) return "incomplete";
        if (t.status() == ReceiptStatus.CANCELLED) return "cancelled";
        if (t.failed()) return "service";
        for (Situation s : Situation.of(t)) {
            if (s.kind().equals("card")) return "card";
            if (s.kind().equals("pending")) return "pending";
            if (s.kind().equals("changed") && t.accrued().signum() == 0) return "changed";
        }
        if (t.card().isEmpty()) return "nocard";
        return t.accrued().signum() > 0 ? "ok" : "nopoints";
    }

    static String badge(View v, Transaction t) {
        String k = kind(t);
        return "<span class=\"badge b-" + k + "\" data-badge=\"" + k + "\">" + esc(v.t("badge." + k)) + "</span>";
    }
}
