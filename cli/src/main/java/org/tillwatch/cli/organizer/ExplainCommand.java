package org.tillwatch.cli.organizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tillwatch.domain.model.OutcomeExplanation;
import org.tillwatch.domain.model.OutcomeExplanations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Что значит исход запроса лояльности или тег: простыми словами, что сказать покупателю, что проверить.",
                "What a loyalty outcome or a tag means in plain words, what to tell the customer, what support checks."},
        footerHeading = "%nExamples / примеры:%n",
        footer = {"  tillwatch explain CardBlocked", "  tillwatch explain HTTP_502", "  tillwatch explain 3 --json",
                "  tillwatch explain LOY_ERROR", "  tillwatch explain --list",
                "", "Exit codes: 0 explained, 2 usage, 3 not a known outcome or tag."})
final class ExplainCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CODE", description = "Outcome name (CardBlocked, TIMEOUT, HTTP_502), processing code number, or tag.")
    String code;

    @Option(names = "--list", description = "Every outcome, critical ones marked.")
    boolean list;

    @picocli.CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        var cl = spec.commandLine();
        var out = cl.getOut();
        OutputOptions.Format format = output.format(cl);
        if (list) {
            Rows rows = new Rows("outcome", "code", "critical", "title");
            for (OutcomeExplanation e : OutcomeExplanations.all()) {
                rows.add(record(e), e.outcome(), e.code(), Cell.of(e.critical() ? "critical" : "-", e.critical() ? Style.RED : Style.NONE),
                        e.title().ru() + " / " + e.title().en());
            }
            rows.print(out, format, output.colour());
            return 0;
        }
        if (code == null) throw new picocli.CommandLine.ParameterException(cl, "give an outcome CODE or --list");
        var tag = OutcomeExplanations.tags().get(code.strip().toUpperCase(java.util.Locale.ROOT));
        if (tag != null) {
            Map<String, Object> m = Rows.record("tag", code.strip().toUpperCase(java.util.Locale.ROOT), "meaning_ru", tag.ru(), "meaning_en", tag.en());
            if (format == OutputOptions.Format.TABLE) {
                out.println(Style.BOLD.apply("Тег / tag " + m.get("tag"), output.colour()));
                out.println("  " + tag.ru());
                out.println("  " + tag.en());
            } else {
                print(out, format, m);
            }
            out.flush();
            return 0;
        }
        OutcomeExplanation e = OutcomeExplanations.of(code);
        boolean known = !e.outcome().equals("Unknown") || code.strip().matches("\\d+") || code.strip().equalsIgnoreCase("Unknown");
        Map<String, Object> m = record(e);
        if (format == OutputOptions.Format.TABLE) {
            boolean c = output.colour();
            out.println(Style.BOLD.apply(e.outcome() + (e.code() == null ? "" : " (" + e.code() + ")") + ": " + e.title().ru() + " / " + e.title().en(), c));
            out.println("  " + (e.critical() ? Style.RED.apply("критическая ошибка сервиса лояльности / critical: the loyalty service failed", c)
                    : "не сбой сервиса / not a service failure"));
            out.println("  Категория / category: " + OutcomeExplanations.categoryName(e.category()).ru() + " / "
                    + OutcomeExplanations.categoryName(e.category()).en());
            out.println("  Эскалация / escalate: " + (e.escalation().escalate()
                    ? "да — " + e.escalation().lineName().ru() + " / yes: " + e.escalation().lineName().en() : "не нужна / no"));
            section(out, "Что произошло / what happened", e.meaning());
            section(out, "Что сказать покупателю / tell the customer", e.tellCustomer());
            section(out, "Что проверить / support checks", e.support());
        } else {
            print(out, format, m);
        }
        out.flush();
        if (!known) {
            cl.getErr().println("tillwatch: ничего не найдено / nothing found: '" + code + "' is not an outcome or tag of the spec");
            cl.getErr().flush();
            return 3;
        }
        return 0;
    }

    private static void print(java.io.PrintWriter out, OutputOptions.Format format, Map<String, Object> m) {
        if (format == OutputOptions.Format.JSON) {
            Rows.json(out, m);
            return;
        }
        Rows rows = new Rows(m.keySet().toArray(String[]::new));
        rows.add(m, m.values().toArray());
        rows.print(out, format, false);
    }

    private static void section(java.io.PrintWriter out, String title, OutcomeExplanation.Text text) {
        out.println();
        out.println(title + ":");
        out.println("  " + text.ru());
        out.println("  " + text.en());
    }

    static Map<String, Object> record(OutcomeExplanation e) {
        return Rows.record("outcome", e.outcome(), "code", e.code(), "critical", e.critical(),
                "category", e.category().id(), "escalate", e.escalation().escalate(), "line", e.escalation().line(),
                "title_ru", e.title().ru(), "title_en", e.title().en(), "meaning_ru", e.meaning().ru(), "meaning_en", e.meaning().en(),
                "tell_customer_ru", e.tellCustomer().ru(), "tell_customer_en", e.tellCustomer().en(),
                "support_ru", e.support().ru(), "support_en", e.support().en());
    }

    static List<String> names() {
        List<String> n = new ArrayList<>();
        for (OutcomeExplanation e : OutcomeExplanations.all()) n.add(e.outcome());
        return n;
    }
}
