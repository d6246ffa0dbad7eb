package org.tillwatch.web.pages;

import static org.tillwatch.web.html.Html.esc;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tillwatch.domain.model.LineAccrual;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.OutcomeExplanation;
import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.RawEntry;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.web.auth.Role;
import org.tillwatch.web.data.Incidents;
import org.tillwatch.web.html.Html;
import org.tillwatch.web.html.View;

/** One receipt in plain words: what happened first, then basket, payments, the loyalty exchange and (support) raw entries. */
public final class ReceiptPage {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ReceiptPage() {
    }

    /** The receipt's id as a URL path below {@code /ui/receipts/}. */
    public static String path(Transaction t) {
        return String.join("/", Html.seg(t.store()), Html.seg(t.register().register()), Html.seg(t.id().shift()),
                Html.seg(t.id().receipt()), Html.seg(t.id().opened().toString()));
    }

    public static String render(View v, Transaction t, String storeName, List<Incidents.Link> incidents) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(v.t("receipt.title", t.id().receipt()))).append(" ").append(Badges.badge(v, t)).append("</h1>");
        b.append("<dl class=\"facts\">");
        fact(b, v.t("col.store"), t.store() + " " + storeName);
        fact(b, v.t("receipt.register"), t.register().register() + " · " + v.t("receipt.shift") + " " + t.id().shift());
        fact(b, v.t("receipt.opened"), SearchPage.TIME.format(t.opened()) + " – " + CLOCK.format(t.closed()));
        fact(b, v.t("receipt.cashier"), t.cashier());
        fact(b, v.t("receipt.card"), t.card().map(c -> Html.card(c.card())).orElse(v.t("receipt.nocard")));
        fact(b, v.t("col.total"), t.total());
        fact(b, v.t("receipt.accrued"), t.accrued());
        fact(b, v.t("receipt.redeemed"), t.redeemed());
        b.append("</dl>");

        List<Situation> situations = Situation.of(t);
        if (!situations.isEmpty()) {
            b.append("<section class=\"situations\" id=\"situations\"><h2>").append(esc(v.t("receipt.what"))).append("</h2>");
            for (Situation s : situations) {
                b.append("<div class=\"situation s-").append(s.kind()).append("\" data-situation=\"").append(s.kind()).append("\"><h3>")
                        .append(esc(v.t("sit." + s.kind() + ".title"))).append("</h3><p>");
                switch (s.kind()) {
                    case "card" -> b.append(esc(v.t(OutcomeExplanations.of(s.detail()).meaning()))).append(" ")
                            .append(esc(v.t("sit.card.text")));
                    case "promo" -> b.append(esc(v.t("sit.promo.text", s.detail())));
                    case "changed" -> b.append(esc(v.t(s.detail().isEmpty() ? "sit.changed.text" : "sit.changed.confirm")));
                    default -> b.append(esc(v.t("sit." + s.kind() + ".text")));
                }
                b.append("</p>");
                if (s.kind().equals("service")) {
                    if (incidents.isEmpty()) {
                        b.append("<p class=\"muted\" id=\"no-incident\">").append(esc(v.t("sit.service.noincident"))).append("</p>");
                    }
                    for (Incidents.Link i : incidents) {
                        b.append("<p><a class=\"incident\" href=\"/api/v1/incidents/").append(esc(Html.seg(i.id()))).append("\">")
                                .append(esc(v.t("sit.service.incident", i.id()))).append("</a> ").append(esc(i.summary())).append("</p>");
                    }
                }
                b.append("</div>");
            }
            b.append("</section>");
        }

        basket(v, t, b);
        payments(v, t, b);
        exchange(v, t, b);
        if (!t.tags().isEmpty()) {
            b.append("<h2>").append(esc(v.t("receipt.tags"))).append("</h2><ul class=\"tags\">");
            for (TagEvent tag : t.tags()) {
                var text = OutcomeExplanations.tags().get(tag.tag());
                b.append("<li><code>").append(esc(tag.tag())).append("</code> ").append(esc(CLOCK.format(tag.time()))).append(" — ")
                        .append(esc(text == null ? v.t("receipt.unknowntag") : v.t(text))).append("</li>");
            }
            b.append("</ul>");
        }
        if (v.can(Role.SUPPORT)) {
            b.append("<details class=\"raw\" id=\"raw\"><summary>").append(esc(v.t("receipt.raw", t.raw().size()))).append("</summary><pre>");
            for (RawEntry e : t.raw()) b.append(esc(e.text())).append('\n');
            b.append("</pre></details>");
        }
        return v.page(v.t("receipt.title", t.id().receipt()), b.toString());
    }

    private static void basket(View v, Transaction t, StringBuilder b) {
        Map<Integer, LineAccrual> accruals = new HashMap<>();
        for (LoyaltyRequest r : t.requests()) {
            for (LineAccrual a : r.lineAccruals()) accruals.put(a.posId(), a);
        }
        java.time.LocalDateTime calculated = t.requests().stream().filter(r -> r.operation() == org.tillwatch.domain.model.Operation.CALCULATE)
                .map(LoyaltyRequest::time).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        b.append("<h2>").append(esc(v.t("receipt.basket"))).append("</h2><div class=\"scroll\"><table id=\"basket\"><thead><tr><th>#</th><th>")
                .append(esc(v.t("col.item"))).append("</th><th class=\"num\">").append(esc(v.t("col.qty"))).append("</th><th class=\"num\">")
                .append(esc(v.t("col.price"))).append("</th><th class=\"num\">").append(esc(v.t("col.amount"))).append("</th><th>")
                .append(esc(v.t("col.lineaccrual"))).append("</th></tr></thead><tbody>");
        for (Position p : t.positions()) {
            LineAccrual a = accruals.get(p.pos());
            b.append("<tr").append(p.promo() ? " class=\"promo\"" : "").append("><td>").append(p.pos()).append("</td><td class=\"item\">")
                    .append(esc(p.name()));
            if (p.promo()) b.append(" <span class=\"badge b-promo\">").append(esc(v.t("receipt.promo"))).append("</span>");
            if (t.changedAfterCalculation() && calculated != null && p.time() != null && p.time().isAfter(calculated)) {
                b.append(" <span class=\"badge b-changed\" data-late=\"true\">").append(esc(v.t("receipt.late"))).append("</span>");
            }
            b.append("</td><td class=\"num\">").append(esc(p.qty())).append("</td><td class=\"num\">").append(esc(p.price()))
                    .append("</td><td class=\"num\">").append(esc(p.amount())).append("</td><td>");
            if (a != null) b.append(esc(a.accrued())).append(a.reason() == null ? "" : " (" + esc(a.reason()) + ")");
            b.append("</td></tr>");
        }
        for (Position p : t.removed()) {
            b.append("<tr class=\"removed\"><td>").append(p.pos()).append("</td><td>").append(esc(p.name())).append(" <span class=\"muted\">")
                    .append(esc(v.t("receipt.removed"))).append("</span></td><td class=\"num\">").append(esc(p.qty()))
                    .append("</td><td class=\"num\">").append(esc(p.price())).append("</td><td class=\"num\">").append(esc(p.amount()))
                    .append("</td><td></td></tr>");
        }
        b.append("</tbody></table></div>");
    }

    private static void payments(View v, Transaction t, StringBuilder b) {
        if (t.payments().isEmpty()) return;
        b.append("<h2>").append(esc(v.t("receipt.payments"))).append("</h2><ul class=\"payments\" id=\"payments\">");
        for (Payment p : t.payments()) {
            b.append("<li>").append(esc(p.tender())).append(" ").append(esc(p.amount()));
            if (p.pan() != null) b.append(" · ").append(esc(Html.card(p.pan())));
            if (p.bank() != null) b.append(" · ").append(esc(p.bank()));
            b.append(p.approved() ? "" : " · <span class=\"badge b-service\">" + esc(v.t("receipt.declined", p.rc())) + "</span>");
            b.append("</li>");
        }
        b.append("</ul>");
    }

    private static void exchange(View v, Transaction t, StringBuilder b) {
        b.append("<h2>").append(esc(v.t("receipt.exchange"))).append("</h2>");
        if (t.requests().isEmpty()) {
            b.append("<p class=\"muted\">").append(esc(v.t("receipt.norequests"))).append("</p>");
            return;
        }
        b.append("<ol class=\"timeline\" id=\"timeline\">");
        for (LoyaltyRequest r : t.requests()) {
            OutcomeExplanation e = OutcomeExplanations.of(r.outcome());
            String cls = r.outcome().ok() ? "ok" : r.outcome().critical() ? "service" : "card";
            b.append("<li class=\"t-").append(cls).append("\"><span class=\"time\">").append(r.time() == null ? "" : esc(CLOCK.format(r.time())))
                    .append("</span> <strong>").append(esc(v.t("op." + r.operation().name()))).append("</strong> → <span class=\"badge b-")
                    .append(cls).append("\">").append(esc(r.outcome().name())).append("</span>");
            if (r.latencyMs() != null) b.append(" <span class=\"muted\">").append(r.latencyMs()).append(" ms</span>");
            if (r.bonus() != null && r.bonus().accrued() != null) b.append(" <span class=\"muted\">").append(esc(v.t("receipt.bonus", r.bonus().accrued()))).append("</span>");
            if (r.cashierMessage() != null) b.append("<div class=\"msg\">").append(esc(r.cashierMessage())).append("</div>");
            if (!r.outcome().ok()) b.append(DictionaryPage.explanation(v, e, "h4"));
            b.append("</li>");
        }
        b.append("</ol>");
    }

    private static void fact(StringBuilder b, String label, Object value) {
        b.append("<div><dt>").append(esc(label)).append("</dt><dd>").append(esc(value == null ? "—" : value)).append("</dd></div>");
    }
}
