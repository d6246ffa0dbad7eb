package org.tillwatch.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tillwatch.domain.model.OutcomeExplanation;
import org.tillwatch.domain.model.OutcomeExplanation.Text;
import org.tillwatch.domain.model.OutcomeExplanations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a loyalty outcome from the error dictionary: CardBlocked, 11, HTTP_502, TIMEOUT ...",
                "Объяснить код ответа программы лояльности по справочнику ошибок."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CODE", description = "Outcome name or processing code.")
    String code;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        OutcomeExplanation e = OutcomeExplanations.of(code);
        boolean listed = OutcomeExplanations.listed(e.outcome()) && !e.outcome().equals("Unknown") || OutcomeExplanations.listed(code);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outcome", e.outcome());
            m.put("code", e.code());
            m.put("listed", listed);
            m.put("critical", e.critical());
            m.put("category", e.category().id());
            m.put("escalate", e.escalation().escalate());
            m.put("line", e.escalation().line());
            m.put("title", e.title());
            m.put("meaning", e.meaning());
            m.put("tell_customer", e.tellCustomer());
            m.put("support", e.support());
            Json.print(out, m);
            return 0;
        }
        if (!listed) out.println("Нет в справочнике: неизвестный код / Not in the dictionary: unknown code");
        for (Locale l : new Locale[] {Locale.forLanguageTag("ru"), Locale.ENGLISH}) {
            boolean ru = l.getLanguage().equals("ru");
            out.println(e.title().in(l) + " (" + e.outcome() + (e.code() == null ? "" : " " + e.code()) + ")");
            out.println("  " + (ru ? "Категория: " : "Category: ") + OutcomeExplanations.categoryName(e.category()).in(l)
                    + (e.critical() ? (ru ? ", сбой сервиса" : ", service failure") : ""));
            line(out, ru ? "Что произошло: " : "What happened: ", e.meaning(), l);
            line(out, ru ? "Что сказать клиенту: " : "Tell the customer: ", e.tellCustomer(), l);
            out.println("  " + (ru ? "Эскалация: " : "Escalate: ") + (e.escalation().escalate()
                    ? (ru ? "да — " : "yes: ") + e.escalation().lineName().in(l) : (ru ? "не нужна" : "no")));
            line(out, ru ? "Что проверить поддержке: " : "What support checks: ", e.support(), l);
            if (ru) out.println();
        }
        out.flush();
        return 0;
    }

    private static void line(PrintWriter out, String label, Text t, Locale l) {
        out.println("  " + label + t.in(l));
    }
}
