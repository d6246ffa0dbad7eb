package org.tillwatch.bot.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.tillwatch.alerting.Incident;

import static org.tillwatch.bot.text.Html.b;
import static org.tillwatch.bot.text.Html.code;
import static org.tillwatch.bot.text.Html.esc;

/** The answers to the read-only commands, written once per language. */
public final class Views {
    private static final int WORST = 3;

    private Views() {
    }

    /** What /status needs, fetched before rendering; {@code incidents} null when the collector has no alerting. */
    public record StatusData(JsonNode chain, JsonNode stores, List<Incident> incidents, List<String> degraded) {
    }

    public static Reply status(StatusData d, Lang lang) {
        String text = lang.render(tr -> {
            StringBuilder s = new StringBuilder();
            s.append("📊 ").append(b(tr.t("Лояльность: сеть", "Loyalty: chain"))).append('\n');
            List<Map.Entry<String, JsonNode>> windows = Fmt.windows(d.chain().path("windows"));
            if (!windows.isEmpty()) {
                var now = windows.getFirst();
                var day = windows.getLast();
                s.append(Fmt.dot(now.getValue())).append(' ').append(tr.t("Сейчас", "Now")).append(" (").append(Fmt.window(now.getKey(), tr))
                        .append("): ").append(b(Fmt.availability(now.getValue(), tr))).append('\n');
                s.append(Fmt.dot(day.getValue())).append(' ').append(tr.t("За сутки", "Day")).append(" (").append(Fmt.window(day.getKey(), tr))
                        .append("): ").append(b(Fmt.availability(day.getValue(), tr))).append(" · ")
                        .append(day.getValue().path("failed").asLong()).append('/').append(day.getValue().path("loyalty").asLong())
                        .append(' ').append(tr.t("сбоев", "failed")).append('\n');
            }
            long silent = d.chain().path("silent_registers").asLong();
            if (silent > 0) s.append("🔇 ").append(tr.t("Молчащих касс: ", "Silent registers: ")).append(silent).append('\n');
            s.append("🕒 ").append(tr.t("Данные по ", "Data up to ")).append(Fmt.time(d.chain().path("watermark").asText(null))).append("\n\n");
            if (d.incidents() == null) {
                s.append("🚨 ").append(tr.t("Инциденты: недоступны у коллектора", "Incidents: not available from the collector")).append('\n');
            } else {
                s.append("🚨 ").append(b(tr.t("Открытые инциденты: ", "Open incidents: ") + d.incidents().size())).append('\n');
                d.incidents().stream().limit(5).forEach(i -> s.append("• ").append(Incidents.oneLine(i, tr)).append('\n'));
            }
            List<JsonNode> worst = worst(d.stores());
            if (!worst.isEmpty()) {
                s.append('\n').append("🏪 ").append(b(tr.t("Худшие магазины (сутки)", "Worst stores (day)"))).append('\n');
                for (JsonNode st : worst) {
                    var w = Fmt.windows(st.path("windows"));
                    s.append(Fmt.dot(w.getLast().getValue())).append(' ').append(code(st.path("store").asText())).append(' ')
                            .append(esc(st.path("name").asText(""))).append(": ").append(Fmt.availability(w.getLast().getValue(), tr)).append('\n');
                }
            }
            if (!d.degraded().isEmpty()) {
                s.append('\n').append("⚠️ ").append(b(tr.t("Бот работает с перебоями:", "Bot degraded:"))).append('\n');
                d.degraded().forEach(x -> s.append("• ").append(esc(x)).append('\n'));
            }
            return s.toString().strip();
        });
        Keyboard.Builder kb = Keyboard.builder().row(new Keyboard.Button(lang.label("🔄 Обновить", "🔄 Refresh"), "status"),
                new Keyboard.Button(lang.label("🚨 Инциденты", "🚨 Incidents"), "incidents"));
        List<Keyboard.Button> stores = new ArrayList<>();
        for (JsonNode st : worst(d.stores())) stores.add(new Keyboard.Button("🏪 " + st.path("store").asText(), "store:" + st.path("store").asText()));
        kb.row(stores);
        return new Reply(text, kb.build());
    }

    /** The stores with the lowest known day availability below 100%, worst first. */
    static List<JsonNode> worst(JsonNode stores) {
        List<JsonNode> known = new ArrayList<>();
        for (JsonNode st : stores) {
            var w = Fmt.windows(st.path("windows"));
            if (w.isEmpty()) continue;
            JsonNode day = w.getLast().getValue();
            if (day.path("known").asBoolean(false) && day.path("availability").asDouble(1) < 1) known.add(st);
        }
        known.sort(Comparator.comparingDouble(st -> Fmt.windows(st.path("windows")).getLast().getValue().path("availability").asDouble()));
        return known.subList(0, Math.min(WORST, known.size()));
    }

    public static Reply store(JsonNode st, JsonNode transactions, Lang lang) {
        String code = st.path("store").asText();
        String text = lang.render(tr -> {
            StringBuilder s = new StringBuilder();
            s.append("🏪 ").append(b(code)).append(' ').append(esc(st.path("name").asText(""))).append('\n');
            if (!st.path("registered").asBoolean(true)) s.append(tr.t("⚠️ нет в реестре магазинов", "⚠️ not in the store registry")).append('\n');
            s.append(tr.t("Доступность лояльности:", "Loyalty availability:")).append('\n');
            List<Map.Entry<String, JsonNode>> windows = Fmt.windows(st.path("windows"));
            for (var w : windows) {
                s.append(Fmt.dot(w.getValue())).append(' ').append(Fmt.window(w.getKey(), tr)).append(": ").append(b(Fmt.availability(w.getValue(), tr)))
                        .append(" · ").append(w.getValue().path("failed").asLong()).append('/').append(w.getValue().path("loyalty").asLong()).append('\n');
            }
            JsonNode silent = st.path("silent_registers");
            if (silent.isEmpty()) {
                s.append("🔈 ").append(tr.t("Молчащих касс нет", "No silent registers")).append('\n');
            } else {
                s.append("🔇 ").append(tr.t("Молчат: ", "Silent: "));
                List<String> regs = new ArrayList<>();
                silent.forEach(r -> regs.add(r.path("register").asText() + " " + r.path("silent_minutes").asLong() + tr.t(" мин", "m")));
                s.append(esc(String.join(", ", regs))).append('\n');
            }
            if (!windows.isEmpty()) {
                JsonNode errors = windows.getLast().getValue().path("top_errors");
                if (!errors.isEmpty()) {
                    s.append('\n').append(b(tr.t("Частые ошибки (", "Top errors (") + Fmt.window(windows.getLast().getKey(), tr) + "):")).append('\n');
                    int n = 0;
                    for (JsonNode e : errors) {
                        if (n++ == 5) break;
                        s.append(e.path("critical").asBoolean() ? "❗ " : "• ").append(code(e.path("outcome").asText())).append(" × ").append(e.path("count").asLong()).append('\n');
                    }
                }
            }
            List<JsonNode> failures = new ArrayList<>();
            if (transactions != null) transactions.path("transactions").forEach(t -> { if (t.path("failed").asBoolean() && failures.size() < 5) failures.add(t); });
            if (!failures.isEmpty()) {
                s.append('\n').append(b(tr.t("Последние сбои:", "Last failures:"))).append('\n');
                for (JsonNode t : failures) {
                    List<String> outcomes = new ArrayList<>();
                    t.path("outcomes").forEach(o -> { if (!o.asText().equals("Ok")) outcomes.add(o.asText()); });
                    s.append("• ").append(esc(t.path("closed").asText("").replace('T', ' '))).append(' ').append(esc(t.path("register").asText()))
                            .append(": ").append(esc(String.join(", ", outcomes))).append('\n');
                }
            }
            s.append("🕒 ").append(tr.t("Последнее событие: ", "Last event: ")).append(Fmt.time(st.path("last_event").asText(null)));
            return s.toString();
        });
        return new Reply(text, Keyboard.builder().row(new Keyboard.Button(lang.label("🔄 Обновить", "🔄 Refresh"), "store:" + code),
                new Keyboard.Button(lang.label("📊 Сеть", "📊 Chain"), "status")).build());
    }

    public static Reply top(JsonNode chain, Lang lang) {
        List<Map.Entry<String, JsonNode>> windows = Fmt.windows(chain.path("windows"));
        List<String> codes = new ArrayList<>();
        String text = lang.render(tr -> {
            StringBuilder s = new StringBuilder("🔝 ").append(b(tr.t("Частые ошибки лояльности по сети", "Top loyalty errors, chain-wide"))).append('\n');
            for (var w : windows) {
                if (w.getValue().path("top_errors").isEmpty() || w == windows.getFirst() && windows.size() > 2) continue;
                s.append('\n').append(b(Fmt.window(w.getKey(), tr))).append('\n');
                int n = 0;
                for (JsonNode e : w.getValue().path("top_errors")) {
                    if (n++ == 5) break;
                    String o = e.path("outcome").asText();
                    if (!codes.contains(o) && codes.size() < 3) codes.add(o);
                    s.append(e.path("critical").asBoolean() ? "❗ " : "• ").append(code(o)).append(" × ").append(e.path("count").asLong()).append('\n');
                }
            }
            if (codes.isEmpty()) s.append(tr.t("Ошибок нет 🎉", "No errors 🎉"));
            return s.toString().strip();
        });
        List<Keyboard.Button> explain = codes.stream().map(c -> new Keyboard.Button("❓ " + c, "explain:" + c)).toList();
        return new Reply(text, Keyboard.builder().row(explain).row(new Keyboard.Button(lang.label("🔄 Обновить", "🔄 Refresh"), "top")).build());
    }

    public static Reply explain(JsonNode e, Lang lang) {
        return Reply.of(lang.render(tr -> "❓ " + b(e.path("outcome").asText()) + (e.path("critical").asBoolean() ? " ❗" + tr.t("критичная", "critical") : "")
                + " — " + esc(tr.of(e.get("title"))) + "\n\n"
                + esc(tr.of(e.get("meaning"))) + "\n\n"
                + b(tr.t("Что сказать покупателю: ", "Tell the customer: ")) + esc(tr.of(e.get("tellCustomer"))) + "\n\n"
                + b(tr.t("Что проверить: ", "What to check: ")) + esc(tr.of(e.get("support")))));
    }

    public static Reply help(Lang lang) {
        return Reply.of(lang.render(tr -> "🤖 " + b("tillwatch") + " — " + tr.t("здоровье программы лояльности", "loyalty program health") + "\n\n"
                + Commands.ALL.stream().map(c -> "/" + c.name() + (c.args().isEmpty() ? "" : " " + c.args()) + " — " + esc(tr.t(c.ru(), c.en())))
                .reduce((a, x) -> a + "\n" + x).orElse("")));
    }
}
