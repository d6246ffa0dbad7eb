package org.tillwatch.cli.organizer;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.tillwatch.domain.model.RawEntry;
import org.tillwatch.domain.model.Transaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "grep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Поиск по исходным записям лога выбранных чеков, с контекстом.",
                "Search the raw log entries of the chosen receipts, showing matches in context."},
        footerHeading = "%nExamples / примеры:%n",
        footer = {"  tillwatch grep --data ./data --store AX1B --date 2026-11-20 'SocketTimeoutException'",
                "  tillwatch grep --data ./data --store KY9A --register POS02 -C 2 -i 'errorcode>(3|9)<'",
                "  tillwatch grep --server http://127.0.0.1:8080 --from 2026-11-20T11:00:00Z --to 2026-11-20T11:15:00Z -F 'HTTP 502' --ndjson",
                "",
                "An entry is a log line with its continuation lines (XML bodies). Matches print as 'id  file:line: text', context",
                "entries of the same receipt as 'id  file-line- text'. Exit codes: 0 matched, 1 error, 2 usage (bad pattern), 3 no match."})
final class GrepCommand extends OrganizerCommand {
    @Mixin
    FilterOptions filters;

    @Parameters(index = "0", paramLabel = "PATTERN", description = "A Java regular expression (or plain text with -F).")
    String pattern;

    @Option(names = {"-i", "--ignore-case"}, description = "Ignore case.")
    boolean ignoreCase;

    @Option(names = {"-F", "--fixed-strings"}, description = "PATTERN is plain text.")
    boolean fixed;

    @Option(names = {"-C", "--context"}, paramLabel = "N", defaultValue = "0", description = "N entries of context before and after each match.")
    int context;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10000", description = "Stop after N matching entries (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    int run() throws Exception {
        if (context < 0) throw new IllegalArgumentException("--context must not be negative");
        Pattern p;
        try {
            p = Pattern.compile(fixed ? Pattern.quote(pattern) : pattern, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad PATTERN: " + e.getDescription() + " near index " + e.getIndex());
        }
        boolean table = format() == OutputOptions.Format.TABLE;
        boolean colour = colour();
        Rows rows = new Rows("receipt", "where", "text");
        int[] matches = {0};
        try (Source s = source.open(spec.commandLine())) {
            var request = filters.request();
            long total = s.count(request);
            try (Progress progress = Progress.start("grep", total)) {
                s.forEach(request, t -> {
                    if (matches[0] < limit) matches[0] += grep(t, p, rows, table, colour);
                }, progress::update);
            }
        }
        if (matches[0] == 0) {
            if (format() == OutputOptions.Format.JSON) rows.print(out(), format(), false);
            return nothing("no entry matches " + pattern);
        }
        if (table) out().flush();
        else rows.print(out(), format(), false);
        return OK;
    }

    /** Prints (table) or collects the receipt's matches with context; returns how many entries matched. */
    private int grep(Transaction t, Pattern p, Rows rows, boolean table, boolean colour) {
        List<RawEntry> raw = t.raw();
        boolean[] hit = new boolean[raw.size()];
        int n = 0;
        for (int i = 0; i < raw.size(); i++) if (hit[i] = p.matcher(raw.get(i).text()).find()) n++;
        if (n == 0) return 0;
        int lastShown = -1;
        for (int i = 0; i < raw.size(); i++) {
            boolean near = false;
            for (int j = Math.max(0, i - context); j <= Math.min(raw.size() - 1, i + context) && !near; j++) near = hit[j];
            if (!near) continue;
            RawEntry e = raw.get(i);
            if (table) {
                if (lastShown >= 0 && i > lastShown + 1 || lastShown < 0 && context > 0 && rows.size() > 0) out().println("--");
                String sep = hit[i] ? ":" : "-";
                String text = hit[i] ? highlight(e.text(), p, colour) : Style.DIM.apply(e.text(), colour);
                out().println(Style.CYAN.apply(t.id().toString(), colour) + "  " + e.source() + sep + e.line() + sep + " "
                        + text.replace("\n", "\n    "));
            }
            Map<String, Object> rec = Rows.record("receipt", t.id().toString(), "source", e.source(), "line", e.line(),
                    "match", hit[i], "text", e.text());
            rows.add(rec, t.id(), e.source() + ":" + e.line(), e.text());
            lastShown = i;
        }
        return n;
    }

    private static String highlight(String text, Pattern p, boolean colour) {
        if (!colour) return text;
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (m.find()) {
            if (m.end() == m.start()) continue;
            sb.append(text, at, m.start()).append(Style.BOLD_RED.apply(m.group(), true));
            at = m.end();
        }
        return sb.append(text.substring(at)).toString();
    }

}
