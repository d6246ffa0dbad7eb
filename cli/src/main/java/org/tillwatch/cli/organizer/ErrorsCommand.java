package org.tillwatch.cli.organizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.tillwatch.domain.model.OutcomeExplanation;
import org.tillwatch.domain.model.OutcomeExplanations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "errors", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Главные ошибки лояльности магазина, кассы или сети за период: сначала критические, с числом чеков и пояснением.",
                "Top loyalty outcome codes for a store, a register or the chain over a range: critical first, with receipt counts and meaning."},
        footerHeading = "%nExamples / примеры:%n",
        footer = {"  tillwatch errors --data ./data --date 2026-11-20",
                "  tillwatch errors --data ./data --store AX1B --from 2026-11-20T14:00 --to 2026-11-20T15:00",
                "  tillwatch errors --server http://127.0.0.1:8080 --store KY9A --register POS02 --json",
                "",
                "Counts are receipts that met the outcome (one receipt counts once per outcome). Exit codes: 0, 1, 2, 3 no errors in the range."})
final class ErrorsCommand extends OrganizerCommand {
    @Mixin
    FilterOptions filters;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "At most N outcomes (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "ru", description = "Language of the meaning in the table: ru or en (JSON has both).")
    String lang;

    @Override
    int run() throws Exception {
        if (!lang.equals("ru") && !lang.equals("en")) throw new IllegalArgumentException("--lang must be ru or en");
        if (top < 1) throw new IllegalArgumentException("--top must be at least 1");
        Source.OutcomeCounts counts;
        try (Source s = source.open(spec.commandLine())) {
            counts = s.outcomes(filters.request());
        }
        record Line(OutcomeExplanation e, String name, long receipts) {
        }
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, Long> c : counts.outcomes().entrySet()) {
            if (c.getKey().equals("Ok")) continue;
            lines.add(new Line(OutcomeExplanations.of(c.getKey()), c.getKey(), c.getValue()));
        }
        lines.sort(Comparator.comparing((Line l) -> !l.e().critical()).thenComparing(Line::receipts, Comparator.reverseOrder()).thenComparing(Line::name));
        if (lines.size() > top) lines = lines.subList(0, top);
        Rows rows = new Rows("outcome", "critical", "receipts", "share", "meaning");
        for (Line l : lines) {
            String share = counts.receipts() == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * l.receipts() / counts.receipts());
            Map<String, Object> rec = Rows.record("outcome", l.name(), "code", l.e().code(), "critical", l.e().critical(), "receipts", l.receipts(),
                    "of_receipts", counts.receipts(), "title_ru", l.e().title().ru(), "title_en", l.e().title().en(),
                    "meaning_ru", l.e().meaning().ru(), "meaning_en", l.e().meaning().en());
            rows.add(rec, Cell.of(l.name(), l.e().critical() ? Style.BOLD_RED : Style.YELLOW), l.e().critical() ? "critical" : "-",
                    l.receipts(), share, lang.equals("ru") ? l.e().title().ru() : l.e().title().en());
        }
        if (format() == OutputOptions.Format.TABLE) out().println(counts.receipts() + " receipt(s) / чеков in range, " + rows.size() + " error outcome(s)");
        if (rows.isEmpty()) {
            if (format() == OutputOptions.Format.JSON) rows.print(out(), format(), false);
            return nothing("no error outcomes in the range");
        }
        rows.print(out(), format(), colour());
        return OK;
    }
}
