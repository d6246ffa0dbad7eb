package org.tillwatch.cli.organizer;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How results are printed: a table for people (default) or JSON, NDJSON, CSV for machines; colour when on a terminal. */
final class OutputOptions {
    enum Format { TABLE, JSON, NDJSON, CSV }

    enum When { auto, always, never }

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--ndjson", description = "Print one JSON object a line.")
    boolean ndjson;

    @Option(names = "--csv", description = "Print CSV with a header line.")
    boolean csv;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour: auto (on a terminal, unless NO_COLOR is set), always, never. Default: ${DEFAULT-VALUE}.")
    When color = When.auto;

    Format format(CommandLine cl) {
        int n = (json ? 1 : 0) + (ndjson ? 1 : 0) + (csv ? 1 : 0);
        if (n > 1) throw new CommandLine.ParameterException(cl, "choose one of --json, --ndjson, --csv");
        return json ? Format.JSON : ndjson ? Format.NDJSON : csv ? Format.CSV : Format.TABLE;
    }

    boolean colour() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> !Terminal.noColorEnv() && Terminal.interactive();
        };
    }
}
