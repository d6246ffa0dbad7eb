package org.tillwatch.cli.organizer;

import java.util.Map;

import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.query.FilterRequest;
import org.tillwatch.index.query.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "receipts", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Чеки по фильтрам: магазин, касса, время, карта, статус, исход, тег, промо, сумма.",
                "Receipts by filters: store, register, time, card, status, outcome, tag, promo, total."},
        footerHeading = "%nExamples / примеры:%n",
        footer = {"  tillwatch receipts --data ./data --card 7000348403967001 --date 2026-11-20",
                "  tillwatch receipts --data ./data --store AX1B --from 2026-11-20T14:00 --to 2026-11-20T14:40 --outcome TIMEOUT",
                "  tillwatch receipts --server http://127.0.0.1:8080 --store KY9A --tag LOY_ERROR --csv",
                "  tillwatch receipts --data ./data --has-promo --min-total 1000 --status OK --ndjson",
                "",
                "With --card and no --status only closed receipts (OK, CANCELLED) are listed. Exit codes: 0 found, 1 error, 2 usage, 3 nothing found."})
public final class ReceiptsCommand extends OrganizerCommand {
    @Mixin
    FilterOptions filters;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N receipts (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--newest", description = "Newest first (default: oldest first).")
    boolean newest;

    @Override
    int run() throws Exception {
        if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1");
        FilterRequest request = filters.request();
        Page page;
        try (Source s = source.open(spec.commandLine())) {
            page = s.page(request, 0, limit, newest);
        }
        Rows rows = new Rows("closed (store time)", "id", "status", "total", "card", "pos", "promo", "accrued", "outcomes", "tags");
        for (Transaction t : page.transactions()) {
            rows.add(row(t), Views.local(t.closed(), Views.offset(t)), t.id(), Views.status(t),
                    t.total() == null ? "-" : t.total().toPlainString(), Views.card(t), t.positions().size(), t.promoPositions(),
                    t.accrued().toPlainString() + (t.pending() ? " (pending)" : ""), Views.outcomes(t.outcomeNames()),
                    String.join(",", Views.tags(t)));
        }
        if (format() == OutputOptions.Format.TABLE) {
            String head = request.card() != null ? "Card / карта " + CardHasher.masked(request.card()) + ": " : "";
            out().println(head + page.total() + " receipt(s) / чеков" + (page.total() > rows.size() ? ", showing " + rows.size() + " (--limit)" : ""));
        }
        if (rows.isEmpty()) {
            if (format() == OutputOptions.Format.JSON) rows.print(out(), format(), false);
            return nothing("no receipts match");
        }
        rows.print(out(), format(), colour());
        return OK;
    }

    public static Map<String, Object> row(Transaction t) {
        return Views.row(t);
    }
}
