package org.tillwatch.cli.organizer;

import picocli.CommandLine;

/** The organizer: the commands IT support uses to pull the slice of register logs a ticket needs. */
public final class Organizer {
    private Organizer() {
    }

    /** Adds the organizer's subcommands to the {@code tillwatch} command line. */
    public static CommandLine addTo(CommandLine root) {
        root.addSubcommand(new ReceiptCommand());
        root.addSubcommand(new ReceiptsCommand());
        root.addSubcommand(new ItemsCommand());
        root.addSubcommand(new KeysCommand());
        root.addSubcommand(new ErrorsCommand());
        root.addSubcommand(new GrepCommand());
        root.addSubcommand(new TailCommand());
        root.addSubcommand(new ExportCommand());
        root.addSubcommand(new ExplainCommand());
        root.addSubcommand(new CompletionCommand());
        return root;
    }
}
