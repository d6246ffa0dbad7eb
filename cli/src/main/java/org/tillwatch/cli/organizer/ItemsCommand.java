package org.tillwatch.cli.organizer;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.Transaction;
import picocli.CommandLine.Command;

@Command(name = "items", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Отсканированные позиции (и удалённые) по кассе и периоду, по строке на позицию.",
                "Scanned positions (and voided ones) for a register and time range, one line each."},
        footerHeading = "%nExamples / примеры:%n",
        footer = {"  tillwatch items --data ./data --store AX1B --register POS01 --from 2026-11-20T14:00 --to 2026-11-20T15:00",
                "  tillwatch items --server http://127.0.0.1:8080 --store KY9A --register POS02 --date 2026-11-20 --csv",
                "", "Receipts are chosen by close time. Exit codes: 0, 1 error, 2 usage, 3 nothing found."})
final class ItemsCommand extends LinesCommand {
    @Override
    Rows header() {
        return new Rows("time", "receipt", "pos", "sku", "name", "qty", "price", "amount", "promo", "state");
    }

    @Override
    int lines(Transaction t, ZoneOffset off, Rows rows) {
        List<Position> all = new ArrayList<>(t.positions());
        all.addAll(t.removed());
        all.sort(Comparator.comparing(Position::time, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Position::pos));
        for (Position p : all) {
            boolean removed = t.removed().contains(p) && !t.positions().contains(p);
            rows.add(Rows.record("time", Views.localIso(p.time(), off), "receipt", t.id().toString(), "pos", p.pos(), "sku", p.sku(),
                            "barcode", p.barcode(), "name", p.name(), "qty", p.qty().toPlainString(), "unit", p.unit(),
                            "price", p.price().toPlainString(), "amount", p.amount().toPlainString(), "promo", p.promo(), "removed", removed),
                    Views.local(p.time(), off), t.id(), p.pos(), p.sku(), p.name(), p.qty().stripTrailingZeros().toPlainString(),
                    p.price().toPlainString(), p.amount().toPlainString(), p.promo() ? "promo" : "-",
                    Cell.of(removed ? "removed" : "in basket", removed ? Style.YELLOW : Style.NONE));
        }
        return all.size();
    }
}
