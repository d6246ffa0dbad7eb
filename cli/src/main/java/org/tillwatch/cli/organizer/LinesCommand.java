package org.tillwatch.cli.organizer;

import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.tillwatch.domain.model.Transaction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that prints lines taken out of each matching receipt (positions, key presses), streaming. */
abstract class LinesCommand extends OrganizerCommand {
    @Mixin
    FilterOptions filters;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100000", description = "At most N lines (default ${DEFAULT-VALUE}).")
    int limit;

    abstract Rows header();

    /** Adds the receipt's lines; returns how many. */
    abstract int lines(Transaction t, ZoneOffset offset, Rows rows);

    @Override
    int run() throws Exception {
        Rows rows = header();
        AtomicInteger n = new AtomicInteger();
        try (Source s = source.open(spec.commandLine())) {
            var request = filters.request();
            long total = s.count(request);
            try (Progress p = Progress.start(spec.name(), total)) {
                s.forEach(request, t -> {
                    if (n.get() < limit) n.addAndGet(lines(t, Views.offset(t), rows));
                }, p::update);
            }
        }
        if (rows.isEmpty()) {
            if (format() == OutputOptions.Format.JSON) rows.print(out(), format(), false);
            return nothing("no " + spec.name() + " match");
        }
        rows.print(out(), format(), colour());
        return OK;
    }
}
