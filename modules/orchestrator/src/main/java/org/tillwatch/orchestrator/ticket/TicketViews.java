package org.tillwatch.orchestrator.ticket;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tillwatch.orchestrator.matching.Decision;
import org.tillwatch.orchestrator.proactive.ProactiveCase;

/** Tickets, decisions and cases as the API and the CLI show them: snake_case keys, no nulls, cards as last four. */
public final class TicketViews {
    private TicketViews() {
    }

    public static Map<String, Object> brief(Ticket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        TicketInfo i = t.info();
        m.put("id", i.id());
        m.put("created", i.created().toString());
        m.put("received", t.received().toString());
        m.put("channel", i.channel());
        m.put("topic", i.topic());
        if (i.cardLast4() != null) m.put("card", "*" + i.cardLast4());
        put(m, "store", i.store());
        m.put("status", t.status().name().toLowerCase());
        put(m, "category", t.category());
        put(m, "template", t.template());
        m.put("action", t.action());
        put(m, "line", t.line());
        put(m, "incident", t.incident());
        put(m, "escalation", t.escalation());
        if (!t.cases().isEmpty()) m.put("cases", t.cases());
        return m;
    }

    public static Map<String, Object> full(Ticket t) {
        Map<String, Object> m = brief(t);
        TicketInfo i = t.info();
        put(m, "register", i.register());
        put(m, "receipt", i.receipt());
        put(m, "date", i.date() == null ? null : i.date().toString());
        put(m, "from", i.from());
        put(m, "to", i.to());
        put(m, "text", i.text());
        m.put("language", i.language());
        m.put("transactions", t.transactions());
        if (t.waitingFor() != null) {
            m.put("waiting_for", Map.of("kind", t.waitingFor().kind(), "ref", t.waitingFor().ref(), "transaction", t.waitingFor().transaction()));
        }
        m.put("replies", t.replies().stream().map(r -> Map.of("ru", r.ru(), "en", r.en())).toList());
        put(m, "summary", t.summary());
        if (t.firstResponse() != null) {
            m.put("first_response", t.firstResponse().toString());
            m.put("first_response_seconds", Duration.between(t.received(), t.firstResponse()).toMillis() / 1000.0);
        }
        m.put("history", t.history().stream().map(e -> {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("at", e.at().toString());
            h.put("kind", e.kind());
            put(h, "template", e.template());
            put(h, "detail", e.detail());
            if (!e.facts().isEmpty()) h.put("facts", e.facts());
            return h;
        }).toList());
        return m;
    }

    /** A dry run's answer for one ticket: {@code id, template, category, action, line, reason}, plus the facts. */
    public static Map<String, Object> decision(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.ticket());
        m.put("template", d.templateName());
        m.put("category", d.category());
        m.put("action", d.action());
        m.put("line", d.line());
        m.put("reason", d.reason());
        m.put("transactions", d.transactions());
        m.put("facts", d.audit());
        return m;
    }

    public static Map<String, Object> proactiveCase(ProactiveCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("kind", c.kind());
        m.put("opened", c.opened() == null ? null : c.opened().toString());
        m.put("store", c.store());
        m.put("transaction", c.transaction());
        if (c.cardLast4() != null) m.put("card", "*" + c.cardLast4());
        if (c.points() != null) m.put("points", c.points().toPlainString());
        m.put("fix", Map.of("ru", c.fixRu(), "en", c.fixEn()));
        m.put("facts", c.facts());
        m.put("tickets", c.tickets());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    public static List<Map<String, Object>> briefs(List<Ticket> tickets) {
        return tickets.stream().map(TicketViews::brief).toList();
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
