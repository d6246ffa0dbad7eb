package org.tillwatch.cli.organizer;

import java.time.ZoneOffset;

import org.tillwatch.domain.model.KeyPress;
import org.tillwatch.domain.model.Transaction;
import picocli.CommandLine.Command;

@Command(name = "keys", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Нажатия клавиш по кассе и периоду, по строке на нажатие.",
                "Key presses for a register and time range, one line each."},
        footerHeading = "%nExamples / примеры:%n",
        footer = {"  tillwatch keys --data ./data --store AX1B --register POS01 --from 2026-11-20T14:00 --to 2026-11-20T14:30",
                "  tillwatch keys --data ./data --id AX1B/POS01/214/3/2026-11-20 --ndjson",
                "", "Receipts are chosen by close time. Exit codes: 0, 1 error, 2 usage, 3 nothing found."})
final class KeysCommand extends LinesCommand {
    @Override
    Rows header() {
        return new Rows("time", "receipt", "key", "screen");
    }

    @Override
    int lines(Transaction t, ZoneOffset off, Rows rows) {
        for (KeyPress k : t.keyPresses()) {
            rows.add(Rows.record("time", Views.localIso(k.time(), off), "receipt", t.id().toString(), "key", k.key(), "screen", k.screen()),
                    Views.local(k.time(), off), t.id(), k.key(), k.screen());
        }
        return t.keyPresses().size();
    }
}
