package org.tillwatch.bot.text;

import java.time.Duration;
import java.util.List;

import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;

import static org.tillwatch.bot.text.Html.b;
import static org.tillwatch.bot.text.Html.code;
import static org.tillwatch.bot.text.Html.esc;

/** Incident cards (pushed and listed), the digest of a burst, and their buttons. */
public final class Incidents {
    private Incidents() {
    }

    public static String icon(Incident i) {
        if (!i.open()) return "✅";
        if (i.state() == Incident.IncidentState.ACKNOWLEDGED) return "👀";
        return i.severity() == Incident.Severity.CRITICAL ? "🔴" : "🟠";
    }

    public static String where(Incident i, Tr tr) {
        if (Incident.CHAIN.equals(i.scope())) return tr.t("вся сеть", "chain-wide") + (i.stores().isEmpty() ? "" : " (" + i.stores().size() + tr.t(" маг.", " stores") + ")");
        return i.scope();
    }

    public static String oneLine(Incident i, Tr tr) {
        return icon(i) + " " + code(i.id()) + " " + esc(where(i, tr)) + " · " + esc(i.kind())
                + (i.acknowledgedBy() != null ? " · 👤 " + esc(i.acknowledgedBy()) : "");
    }

    /** The full card: what, where, since when, impact, who acknowledged; {@code actor} names who just acted. */
    public static String card(IncidentNotice.Type type, Incident i, String actor, Tr tr) {
        StringBuilder s = new StringBuilder();
        s.append(icon(i)).append(' ').append(b(headline(type, i, tr))).append('\n');
        if (!i.summary().isBlank()) s.append(esc(summary(i.summary(), tr))).append('\n');
        s.append(tr.t("Где: ", "Where: ")).append(esc(where(i, tr)));
        if (Incident.CHAIN.equals(i.scope()) && !i.stores().isEmpty()) s.append(" — ").append(esc(String.join(", ", i.stores().stream().limit(12).toList())))
                .append(i.stores().size() > 12 ? "…" : "");
        s.append('\n');
        s.append(tr.t("Правило: ", "Rule: ")).append(code(i.kind())).append(" · ").append(i.severity() == Incident.Severity.CRITICAL
                ? tr.t("критично", "critical") : tr.t("предупреждение", "warning")).append('\n');
        s.append(tr.t("С ", "Since ")).append(Fmt.time(i.started()));
        if (i.resolved() != null) {
            Duration d = Duration.between(i.started(), i.resolved());
            s.append(tr.t(" до ", " until ")).append(Fmt.time(i.resolved())).append(" (").append(d.toHours() > 0 ? d.toHours() + tr.t(" ч ", "h ") : "")
                    .append(d.toMinutesPart()).append(tr.t(" мин)", "m)"));
        }
        s.append('\n');
        if (i.impact().loyalty() > 0) {
            s.append(tr.t("Ущерб: ", "Impact: ")).append(i.impact().failed()).append('/').append(i.impact().loyalty())
                    .append(tr.t(" операций лояльности со сбоем", " loyalty transactions failed")).append('\n');
        }
        if (i.acknowledgedBy() != null) s.append("👤 ").append(tr.t("Принял: ", "Acknowledged by ")).append(esc(i.acknowledgedBy())).append('\n');
        if (type == IncidentNotice.Type.SILENCED && actor != null) s.append("🔕 ").append(tr.t("Заглушил: ", "Silenced by ")).append(esc(actor)).append('\n');
        s.append(tr.t("ID: ", "ID: ")).append(code(i.id()));
        return s.toString();
    }

    /** A summary written "ru / en" or "ru\nen" shows the half of the chosen language. */
    static String summary(String summary, Tr tr) {
        for (String sep : new String[] {" / ", "\n", " | "}) {
            int at = summary.indexOf(sep);
            if (at > 0) return tr == Tr.RU ? summary.substring(0, at).strip() : summary.substring(at + sep.length()).strip();
        }
        return summary;
    }

    static String headline(IncidentNotice.Type type, Incident i, Tr tr) {
        return switch (type) {
            case OPENED -> tr.t("Новый инцидент", "New incident");
            case UPDATED -> tr.t("Инцидент изменился", "Incident updated");
            case REPEATED -> tr.t("Инцидент всё ещё открыт", "Incident still open");
            case ACKNOWLEDGED -> tr.t("Инцидент принят", "Incident acknowledged");
            case SILENCED -> tr.t("Оповещения заглушены", "Alerts silenced");
            case RESOLVED -> tr.t("Инцидент закрыт", "Incident resolved");
        } + (Incident.CHAIN.equals(i.scope()) ? tr.t(" — вся сеть", " — chain-wide") : " — " + i.scope());
    }

    public static Reply card(IncidentNotice.Type type, Incident i, String actor, Lang lang) {
        return new Reply(lang.render(tr -> card(type, i, actor, tr)), buttons(i, lang));
    }

    public static Keyboard buttons(Incident i, Lang lang) {
        if (!i.open()) return Keyboard.NONE;
        Keyboard.Builder kb = Keyboard.builder();
        if (i.acknowledgedBy() == null) kb.row(new Keyboard.Button(lang.label("✅ Принять", "✅ Acknowledge"), "ack:" + i.id()));
        kb.row(new Keyboard.Button(lang.label("🔕 1 ч", "🔕 1 h"), "sil:1h:" + i.id()), new Keyboard.Button(lang.label("🔕 4 ч", "🔕 4 h"), "sil:4h:" + i.id()));
        if (!Incident.CHAIN.equals(i.scope())) kb.row(new Keyboard.Button("🏪 " + i.scope(), "store:" + i.scope()));
        return kb.build();
    }

    /** Several notices for one chat at once: one message, a line each. */
    public static Reply digest(List<IncidentNotice> notices, Lang lang) {
        String text = lang.render(tr -> {
            StringBuilder s = new StringBuilder("🚨 ").append(b(tr.t("Изменения по инцидентам: ", "Incident changes: ") + notices.size())).append('\n');
            int n = 0;
            for (IncidentNotice x : notices) {
                if (n++ == 30) {
                    s.append(tr.t("… и ещё ", "… and ")).append(notices.size() - 30).append(tr.t("", " more")).append('\n');
                    break;
                }
                s.append(verb(x.type(), tr)).append(' ').append(oneLine(x.incident(), tr)).append('\n');
            }
            return s.toString().strip();
        });
        return new Reply(text, Keyboard.builder().row(new Keyboard.Button(lang.label("🚨 Открытые", "🚨 Open ones"), "incidents"),
                new Keyboard.Button(lang.label("📊 Статус", "📊 Status"), "status")).build());
    }

    static String verb(IncidentNotice.Type type, Tr tr) {
        return switch (type) {
            case OPENED -> tr.t("новый", "new");
            case UPDATED -> tr.t("изменён", "updated");
            case REPEATED -> tr.t("открыт", "still open");
            case ACKNOWLEDGED -> tr.t("принят", "acknowledged");
            case SILENCED -> tr.t("заглушен", "silenced");
            case RESOLVED -> tr.t("закрыт", "resolved");
        } + ":";
    }

    /** The /incidents answer: open ones with acknowledge and silence buttons for the first few. */
    public static Reply list(List<Incident> open, Lang lang) {
        String text = lang.render(tr -> {
            if (open.isEmpty()) return "✅ " + tr.t("Открытых инцидентов нет", "No open incidents");
            StringBuilder s = new StringBuilder("🚨 ").append(b(tr.t("Открытые инциденты: ", "Open incidents: ") + open.size())).append('\n');
            open.stream().limit(20).forEach(i -> s.append("• ").append(oneLine(i, tr)).append(tr.t(" с ", " since ")).append(Fmt.time(i.started())).append('\n'));
            return s.toString().strip();
        });
        Keyboard.Builder kb = Keyboard.builder();
        for (Incident i : open.stream().limit(5).toList()) {
            kb.row(i.acknowledgedBy() == null ? new Keyboard.Button("✅ " + i.id(), "ack:" + i.id()) : new Keyboard.Button("👀 " + i.id(), "inc:" + i.id()),
                    new Keyboard.Button("🔕 1h", "sil:1h:" + i.id()), new Keyboard.Button("🔕 4h", "sil:4h:" + i.id()));
        }
        kb.row(new Keyboard.Button(lang.label("🔄 Обновить", "🔄 Refresh"), "incidents"));
        return new Reply(text, kb.build());
    }
}
