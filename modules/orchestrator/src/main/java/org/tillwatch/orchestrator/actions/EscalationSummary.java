package org.tillwatch.orchestrator.actions;

import java.util.StringJoiner;

import org.tillwatch.orchestrator.matching.Decision;
import org.tillwatch.orchestrator.matching.TxFacts;
import org.tillwatch.orchestrator.ticket.TicketInfo;

/** The text a support line reads first: who, what, which receipt, what the logs say, why it came to them. Russian first. */
public final class EscalationSummary {
    private EscalationSummary() {
    }

    public static String of(TicketInfo t, Decision d, int line, String extra) {
        TxFacts f = d.facts();
        StringJoiner s = new StringJoiner("\n");
        s.add("Линия " + line + " / Line " + line + " · " + (d.category() == null ? "" : d.category()) + " · обращение " + t.id()
                + " (" + t.channel() + ", " + t.topic() + ")" + (t.cardLast4() == null ? "" : " · карта *" + t.cardLast4()));
        if (f != null) {
            String store = f.store().name() == null ? f.tx().store() : f.tx().store() + " " + f.store().name();
            s.add("Чек / Receipt " + f.tx().id() + " · " + store + " · " + f.closed() + " · сумма / total " + f.tx().total()
                    + " · " + f.tx().status());
            s.add("Ответы процессинга / Outcomes: " + String.join(", ", f.outcomes()) + " · теги / tags: " + f.tags()
                    + " · баллы / points: " + f.points().toPlainString()
                    + (f.expectedPoints() == null ? "" : " (расчёт / calculated " + f.expectedPoints().toPlainString() + ")")
                    + (f.tx().changedAfterCalculation() ? " · позиция после расчёта / position added after calculation" : "")
                    + (f.tx().pending() ? " · подтверждение в офлайн-очереди / confirm queued offline" : ""));
            if (f.incidents() != null && !f.incidents().isEmpty()) s.add("Инцидент / Incident: " + f.incidents().get(0).id());
        }
        s.add("Почему / Why: " + d.reason());
        if (extra != null) s.add(extra);
        if (t.text() != null) s.add("Текст клиента / Customer wrote: " + t.text());
        s.add("Выгрузка для организатора / Organizer export: GET /api/v1/tickets/" + t.id() + "/export");
        return s.toString();
    }
}
