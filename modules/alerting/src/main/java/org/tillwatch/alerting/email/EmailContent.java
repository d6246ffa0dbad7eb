package org.tillwatch.alerting.email;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.IncidentNotice.Type;
import org.tillwatch.alerting.Texts;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.StoreRegistry;

/**
 * One notice as an email: a subject that says what and where at a glance, with local times of the store
 * ({@code [CRITICAL] Лояльность: магазин 37S0 — доступность 41% (14:00–14:40)}), and a Russian then English body as
 * text and HTML with links to the store pages.
 */
public record EmailContent(String subject, String text, String html) {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '('VV')'");

    public static EmailContent of(IncidentNotice n, StoreRegistry registry, String publicUrl) {
        Incident i = n.incident();
        ZoneId zone = i.scope().equals(Incident.CHAIN) ? registry.defaultZone() : registry.store(i.scope()).zone();
        Texts.Title title = Texts.title(i);
        String range = i.resolved() == null ? "с " + HM.format(i.started().atZone(zone)) + " / since " + HM.format(i.started().atZone(zone))
                : HM.format(i.started().atZone(zone)) + "–" + HM.format(i.resolved().atZone(zone));
        String tag = switch (n.type()) {
            case RESOLVED -> "[RESOLVED]";
            case REPEATED -> "[" + i.severity() + "][REPEAT]";
            case ACKNOWLEDGED -> "[ACK]";
            default -> "[" + i.severity() + "]";
        };
        String subject = tag + " " + title.ru() + " (" + range + ")";
        List<String[]> ru = lines(n, i, zone, registry, true);
        List<String[]> en = lines(n, i, zone, registry, false);
        List<String> links = new ArrayList<>();
        for (String s : i.stores()) links.add(publicUrl + "/ui/stores/" + s);
        String api = publicUrl + "/api/v1/incidents/" + i.id();
        StringBuilder text = new StringBuilder();
        text.append(title.ru()).append("\n\n");
        for (String[] l : ru) text.append(l[0]).append(": ").append(l[1]).append('\n');
        text.append("Страница магазина: ").append(String.join(" ", links)).append('\n');
        text.append("Подтвердить: POST ").append(api).append("/acknowledge\n\n----\n\n");
        text.append(title.en()).append("\n\n");
        for (String[] l : en) text.append(l[0]).append(": ").append(l[1]).append('\n');
        text.append("Store page: ").append(String.join(" ", links)).append('\n');
        text.append("Acknowledge: POST ").append(api).append("/acknowledge\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        block(html, title.ru(), ru, links, "Страница магазина");
        html.append("<hr>");
        block(html, title.en(), en, links, "Store page");
        html.append("<p style=\"color:#666\">").append(esc(i.id())).append(" · <a href=\"").append(esc(api)).append("\">API</a></p>");
        html.append("</body></html>");
        return new EmailContent(subject, text.toString(), html.toString());
    }

    private static List<String[]> lines(IncidentNotice n, Incident i, ZoneId zone, StoreRegistry registry, boolean ru) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[]{ru ? "Что" : "What", what(n.type(), ru)});
        out.add(new String[]{ru ? "Где" : "Where", where(i, registry, ru)});
        out.add(new String[]{ru ? "Начало" : "Started", FULL.format(i.started().atZone(zone))});
        if (i.resolved() != null) {
            out.add(new String[]{ru ? "Окончание" : "Resolved", FULL.format(i.resolved().atZone(zone))});
            Texts.Title d = Texts.duration(Duration.between(i.started(), i.resolved()));
            out.add(new String[]{ru ? "Длительность" : "Duration", ru ? d.ru() : d.en()});
        }
        String impact = ru
                ? i.impact().failed() + " из " + i.impact().loyalty() + " транзакций лояльности с ошибкой, магазинов: " + i.stores().size()
                : i.impact().failed() + " of " + i.impact().loyalty() + " loyalty transactions failed, stores: " + i.stores().size();
        out.add(new String[]{ru ? "Последствия" : "Impact", impact + " (" + Texts.percent(Texts.availability(i)) + ")"});
        if (n.actor() != null) out.add(new String[]{ru ? "Кто" : "By", n.actor()});
        out.add(new String[]{ru ? "Правило" : "Rule", i.kind() + ", " + i.severity()});
        out.add(new String[]{ru ? "Инцидент" : "Incident", i.id()});
        return out;
    }

    private static String what(Type t, boolean ru) {
        return switch (t) {
            case OPENED -> ru ? "новый инцидент" : "new incident";
            case UPDATED -> ru ? "инцидент расширился" : "incident grew";
            case REPEATED -> ru ? "инцидент всё ещё открыт (повтор)" : "incident still open (repeat)";
            case ACKNOWLEDGED -> ru ? "инцидент взят в работу" : "incident acknowledged";
            case SILENCED -> ru ? "оповещения заглушены" : "notifications silenced";
            case RESOLVED -> ru ? "инцидент закрыт" : "incident resolved";
        };
    }

    private static String where(Incident i, StoreRegistry registry, boolean ru) {
        List<String> names = new ArrayList<>();
        for (String code : i.stores()) {
            Store s = registry.store(code);
            names.add(s.registered() && s.name() != null ? code + " (" + s.name() + ")" : code);
        }
        String stores = names.isEmpty() ? "" : ": " + String.join(", ", names);
        return (i.scope().equals(Incident.CHAIN) ? (ru ? "вся сеть" : "chain-wide") : (ru ? "магазин" : "store")) + stores;
    }

    private static void block(StringBuilder html, String title, List<String[]> lines, List<String> links, String linkLabel) {
        html.append("<h2>").append(esc(title)).append("</h2><table>");
        for (String[] l : lines) html.append("<tr><th align=\"left\">").append(esc(l[0])).append("</th><td>").append(esc(l[1])).append("</td></tr>");
        html.append("</table><p>").append(esc(linkLabel)).append(": ");
        for (String link : links) html.append("<a href=\"").append(esc(link)).append("\">").append(esc(link)).append("</a> ");
        html.append("</p>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
