package org.tillwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.CardKeys;
import org.tillwatch.index.TransactionIndexReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "receipts", mixinStandardHelpOptions = true,
        description = {"A loyalty card's receipts (closed ones), optionally on one store-local date.",
                "Чеки покупателя по номеру карты лояльности."})
final class ReceiptsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory written by 'tillwatch index'.")
    Path data;

    @Option(names = "--card", required = true, paramLabel = "NUMBER", description = "Loyalty card number.")
    String card;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Store-local date of the purchase.")
    LocalDate date;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!card.matches("[0-9]{6,32}")) throw new CommandLine.ParameterException(spec.commandLine(), "--card must be the card's digits");
        CardHasher hasher = CardKeys.forDataDir(data, System.getenv(), false);
        List<Transaction> found;
        try (TransactionIndexReader reader = TransactionIndexReader.open(data)) {
            found = reader.byCardHash(hasher.hash(card), date).stream().filter(t -> t.status().closed()).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Transaction t : found) rows.add(row(t));
            Json.print(out, rows);
        } else {
            out.println("Card / карта " + CardHasher.masked(card) + ": " + found.size() + " receipt(s)");
            Table table = new Table("closed (local)", "id", "status", "total", "positions", "promo", "accrued", "outcomes");
            for (Transaction t : found) {
                table.row(t.closed().toString().replace('T', ' '), t.id(), t.status() + (t.failed() ? " FAILED" : ""),
                        t.total() == null ? "-" : t.total().toPlainString(), t.positions().size(), t.promoPositions(),
                        t.accrued().toPlainString() + (t.pending() ? " (pending)" : ""), String.join(",", t.outcomeNames()));
            }
            table.print(out);
        }
        return 0;
    }

    static Map<String, Object> row(Transaction t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id().toString());
        m.put("store", t.store());
        m.put("register", t.register().register());
        m.put("status", t.status().name());
        m.put("total", t.total() == null ? null : t.total().toPlainString());
        m.put("positions", t.positions().size());
        m.put("promo_positions", t.promoPositions());
        m.put("outcomes", t.outcomeNames());
        m.put("accrued", t.accrued().toPlainString());
        m.put("pending", t.pending());
        m.put("closed", t.closedAt().toString());
        m.put("failed", t.failed());
        m.put("bag", t.changedAfterCalculation());
        return m;
    }
}
