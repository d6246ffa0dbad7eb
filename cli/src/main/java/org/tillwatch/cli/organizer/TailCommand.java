package org.tillwatch.cli.organizer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.query.FilterRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tail", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Следить за новыми чеками и ошибками лояльности на работающем коллекторе.",
                "Follow new transactions and loyalty errors live on a running collector."},
        footerHeading = "%nExamples / примеры:%n",
        footer = {"  tillwatch tail --server http://127.0.0.1:8080",
                "  tillwatch tail --server http://127.0.0.1:8080 --store AX1B --register POS01 --errors-only",
                "  TILLWATCH_TOKEN=... tillwatch tail --server https://tillwatch.example --store KY9A --ndjson",
                "",
                "Starts with the last --backlog receipts, then polls. Ctrl-C stops. Exit codes: 0, 1 error (collector unreachable), 2 usage."})
final class TailCommand extends OrganizerCommand {
    @Option(names = "--store", paramLabel = "CODE", description = "Only this store.")
    String store;

    @Option(names = "--register", paramLabel = "POSnn", description = "Only this register.")
    String register;

    @Option(names = "--errors-only", description = "Only receipts whose loyalty requests met an error.")
    boolean errorsOnly;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT2S", description = "Poll interval, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--backlog", paramLabel = "N", defaultValue = "10", description = "Receipts shown at start (default ${DEFAULT-VALUE}).")
    int backlog;

    @Option(names = "--lookback", paramLabel = "DURATION", defaultValue = "PT30M",
            description = "How far before the newest close time each poll looks again, for registers that report late (default ${DEFAULT-VALUE}).")
    Duration lookback;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (default: until interrupted), e.g. PT10M.")
    Duration duration;

    @Override
    int run() throws Exception {
        if (source.server == null) throw new CommandLine.ParameterException(spec.commandLine(), "tail follows a running collector: give --server URL");
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("--interval must be positive");
        if (lookback.isNegative()) throw new IllegalArgumentException("--lookback must not be negative");
        if (backlog < 0) throw new IllegalArgumentException("--backlog must not be negative");
        Instant stopAt = duration == null ? null : Instant.now().plus(duration);
        Set<String> seen = new LinkedHashSet<>();
        FilterRequest base = new FilterRequest(store, register, null, null, null, null, null, null, null, null, null);
        try (Source s = source.open(spec.commandLine())) {
            List<Transaction> first = new ArrayList<>(s.page(base, 0, Math.max(backlog, 1), true).transactions());
            Instant watermark = first.isEmpty() ? null : first.get(0).closedAt();
            first.sort(Comparator.comparing(Transaction::closedAt));
            if (backlog == 0) first.forEach(t -> seen.add(t.id().toString()));
            else show(first, seen);
            while (stopAt == null || Instant.now().isBefore(stopAt)) {
                Thread.sleep(interval.toMillis());
                FilterRequest f = watermark == null ? base : Filters.withFrom(base, watermark.minus(lookback).toString());
                List<Transaction> fresh = s.page(f, 0, OrganizerLimits.TAIL_PAGE, false).transactions();
                for (Transaction t : fresh) if (watermark == null || t.closedAt().isAfter(watermark)) watermark = t.closedAt();
                show(fresh, seen);
                if (seen.size() > 100_000) seen.clear();
            }
        }
        return OK;
    }

    private void show(List<Transaction> list, Set<String> seen) {
        boolean c = colour();
        for (Transaction t : list) {
            if (!seen.add(t.id().toString())) continue;
            boolean error = t.requests().stream().anyMatch(r -> !r.outcome().ok());
            if (errorsOnly && !error) continue;
            switch (format()) {
                case TABLE -> out().println(line(t, c));
                default -> {
                    Map<String, Object> m = Views.row(t);
                    m.put("errors", t.requests().stream().filter(r -> !r.outcome().ok()).map(r -> r.outcome().name()).distinct().toList());
                    out().println(format() == OutputOptions.Format.CSV ? String.join(",", m.values().stream().map(v -> Rows.csvCell(String.valueOf(v))).toList()) : Rows.line(m));
                }
            }
        }
        out().flush();
    }

    private static String line(Transaction t, boolean c) {
        ZoneOffset off = Views.offset(t);
        StringBuilder sb = new StringBuilder();
        sb.append(Views.local(t.closed(), off)).append("  ").append(Style.CYAN.apply(t.id().toString(), c)).append("  ");
        Cell st = Views.status(t);
        sb.append(st.style().apply(st.text(), c)).append("  ").append(t.total() == null ? "-" : t.total().toPlainString());
        if (t.card().isPresent()) sb.append("  card ").append(Views.card(t));
        for (LoyaltyRequest r : t.requests()) {
            if (r.outcome().ok()) continue;
            var e = OutcomeExplanations.of(r.outcome());
            Style s = r.outcome().critical() ? Style.BOLD_RED : Style.YELLOW;
            sb.append("  ").append(s.apply(r.operation() + " " + r.outcome().name() + " (" + e.title().ru() + " / " + e.title().en() + ")", c));
        }
        return sb.toString();
    }
}
