package org.tillwatch.web.pages;

import static org.tillwatch.web.html.Html.esc;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.domain.model.Store;
import org.tillwatch.live.ChainStatus;
import org.tillwatch.live.SilentRegister;
import org.tillwatch.live.StoreStatus;
import org.tillwatch.live.WindowFigures;
import org.tillwatch.web.data.DaySeries;
import org.tillwatch.web.html.Html;
import org.tillwatch.web.html.View;

/** The chain overview and a store's page: availability over the day against the target, failures by code, silent registers. */
public final class StorePages {
    /** The availability the chain aims for; hours below it are drawn against this line. */
    public static final double TARGET = 0.99;
    static final String[] SCRIPTS = {"/ui/static/vendor/chart.umd.min.js", "/ui/static/charts.js"};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private StorePages() {
    }

    public static String overview(View v, ChainStatus chain, List<StoreStatus> stores, Map<String, Store> registry, DaySeries day, int minVolume) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(v.t("stores.title"))).append("</h1>");
        b.append("<p class=\"muted\">").append(esc(v.t("stores.watermark", chain.watermark() == null ? "—" : chain.watermark()))).append("</p>");
        windows(v, b, chain.windows(), "chain-windows");
        chart(v, b, "chain-chart", day, minVolume, v.t("stores.chainday", day.day(), day.zone()));
        b.append("<div class=\"scroll\"><table id=\"stores\"><thead><tr><th>").append(esc(v.t("col.store"))).append("</th>");
        List<String> names = new ArrayList<>();
        if (!stores.isEmpty()) stores.get(0).windows().forEach(w -> names.add(window(w)));
        for (String n : names) b.append("<th class=\"num\">").append(esc(n)).append("</th>");
        b.append("<th class=\"num\">").append(esc(v.t("stores.silent"))).append("</th></tr></thead><tbody>");
        for (StoreStatus s : stores) {
            Store st = registry.get(s.store());
            b.append("<tr><td><a href=\"/ui/stores/").append(esc(Html.seg(s.store()))).append("\">").append(esc(s.store())).append("</a> <span class=\"muted\">")
                    .append(esc(st == null ? v.t("stores.unregistered") : st.name())).append("</span></td>");
            for (WindowFigures w : s.windows()) b.append("<td class=\"num\">").append(availability(v, w)).append("</td>");
            b.append("<td class=\"num\">").append(s.silentRegisters().size()).append("</td></tr>");
        }
        b.append("</tbody></table></div>");
        return v.page(v.t("stores.title"), b.toString(), SCRIPTS);
    }

    public static String store(View v, StoreStatus s, Store st, DaySeries day, int minVolume) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(v.t("store.title", s.store(), st.registered() ? st.name() : v.t("stores.unregistered")))).append("</h1>");
        b.append("<p class=\"muted\">").append(esc(v.t("store.zone", st.zone(), s.openNow() ? v.t("store.open") : v.t("store.closed"),
                s.lastEvent() == null ? "—" : CLOCK.format(s.lastEvent().atZone(st.zone()))))).append("</p>");
        b.append("<form method=\"get\" class=\"search\"><label>").append(esc(v.t("store.day"))).append("<input type=\"date\" name=\"date\" value=\"")
                .append(esc(day.day())).append("\"></label><button type=\"submit\">").append(esc(v.t("store.show"))).append("</button></form>");
        windows(v, b, s.windows(), "store-windows");
        chart(v, b, "store-chart", day, minVolume, v.t("store.chart", day.day()));

        b.append("<h2>").append(esc(v.t("store.failures"))).append("</h2>");
        if (day.errors().isEmpty()) {
            b.append("<p class=\"muted\">").append(esc(v.t("store.nofailures"))).append("</p>");
        } else {
            Map<String, Long> sorted = new LinkedHashMap<>();
            day.errors().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
            JsonObject data = new JsonObject().put("type", "bar").put("label", v.t("store.failures"))
                    .put("labels", new JsonArray(new ArrayList<>(sorted.keySet()))).put("values", new JsonArray(new ArrayList<>(sorted.values())));
            canvas(b, "errors-chart", data, v.t("store.failures"));
            b.append("<table id=\"failures\"><tbody>");
            sorted.forEach((code, n) -> b.append("<tr><td><a href=\"/ui/errors?q=").append(esc(Html.seg(code))).append("\"><code>").append(esc(code))
                    .append("</code></a> ").append(esc(v.t(OutcomeExplanations.of(code).title()))).append("</td><td class=\"num\">").append(n).append("</td></tr>"));
            b.append("</tbody></table>");
        }
        b.append("<h2>").append(esc(v.t("store.silent"))).append("</h2>");
        if (s.silentRegisters().isEmpty()) {
            b.append("<p class=\"muted\" id=\"no-silent\">").append(esc(v.t("store.nosilent"))).append("</p>");
        } else {
            b.append("<ul id=\"silent\">");
            for (SilentRegister r : s.silentRegisters()) {
                b.append("<li>").append(esc(r.register().register())).append(" — ").append(esc(v.t("store.silentfor", r.silentFor().toMinutes(),
                        CLOCK.format(r.lastEvent().atZone(st.zone()))))).append("</li>");
            }
            b.append("</ul>");
        }
        return v.page(v.t("store.title", s.store(), ""), b.toString(), SCRIPTS);
    }

    private static void windows(View v, StringBuilder b, List<WindowFigures> windows, String id) {
        b.append("<div class=\"cards\" id=\"").append(id).append("\">");
        for (WindowFigures w : windows) {
            b.append("<div class=\"card\"><div class=\"label\">").append(esc(v.t("stores.window", window(w)))).append("</div><div class=\"big\">")
                    .append(availability(v, w)).append("</div><div class=\"muted\">").append(esc(v.t("stores.counts", w.loyalty(), w.failed()))).append("</div></div>");
        }
        b.append("</div>");
    }

    private static void chart(View v, StringBuilder b, String id, DaySeries day, int minVolume, String title) {
        JsonArray labels = new JsonArray();
        JsonArray values = new JsonArray();
        JsonArray target = new JsonArray();
        JsonArray volume = new JsonArray();
        for (int h = 0; h < 24; h++) {
            labels.add(String.format("%02d:00", h));
            Double a = day.availability(h, Math.min(minVolume, 5));
            values.add(a == null ? null : Math.round(a * 10000) / 100.0);
            target.add(TARGET * 100);
            volume.add(day.loyalty()[h]);
        }
        JsonObject data = new JsonObject().put("type", "availability").put("labels", labels).put("values", values).put("target", target)
                .put("volume", volume).put("label", v.t("chart.availability")).put("targetLabel", v.t("chart.target", Math.round(TARGET * 1000) / 10.0))
                .put("volumeLabel", v.t("chart.volume"));
        b.append("<h2>").append(esc(title)).append("</h2>");
        canvas(b, id, data, title);
    }

    private static void canvas(StringBuilder b, String id, JsonObject data, String label) {
        b.append("<div class=\"chart\"><canvas id=\"").append(id).append("\" data-chart=\"").append(id).append("-data\" role=\"img\" aria-label=\"")
                .append(esc(label)).append("\"></canvas></div><script type=\"application/json\" id=\"").append(id).append("-data\">")
                .append(Html.jsonInScript(data.encode())).append("</script>");
    }

    private static String availability(View v, WindowFigures w) {
        if (w.availability().isEmpty()) return "<span class=\"muted\" title=\"" + esc(v.t("stores.unknown")) + "\">—</span>";
        double a = w.availability().getAsDouble();
        return "<span class=\"" + (a >= TARGET ? "good" : a >= 0.95 ? "warn" : "bad") + "\">" + String.format(java.util.Locale.ROOT, "%.1f%%", a * 100) + "</span>";
    }

    private static String window(WindowFigures w) {
        long s = w.window().toSeconds();
        if (s % 86_400 == 0) return s / 86_400 + "d";
        if (s % 3_600 == 0) return s / 3_600 + "h";
        return s / 60 + "m";
    }
}
