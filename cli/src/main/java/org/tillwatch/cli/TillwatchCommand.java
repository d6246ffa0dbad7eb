package org.tillwatch.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tillwatch} command line. Exit codes: 0 ok, 1 runtime error (one-line reason), 2 usage error. */
@Command(name = "tillwatch", mixinStandardHelpOptions = true, version = "tillwatch 0.1.0",
        description = {"Loyalty-service watch over cash-register logs.",
                "Наблюдение за сервисом лояльности по логам касс."},
        subcommands = {IndexCommand.class, AvailabilityCommand.class, SimulateCommand.class,
                DemoCommand.class, ServeCommand.class, ReplayCommand.class, ShipCommand.class, PasswdCommand.class,
                org.tillwatch.cli.tickets.TicketsCommand.class, BotCommand.class,
                CommandLine.HelpCommand.class})
public final class TillwatchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static CommandLine commandLine() {
        CommandLine cl = org.tillwatch.cli.organizer.Organizer.addTo(new CommandLine(new TillwatchCommand()));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            err.println("tillwatch: " + message.lines().findFirst().orElse(message));
            err.flush();
            return 1;
        });
        return cl;
    }

    /** Lucene announces at start-up that the vector incubator module is off; operators need not read that. */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

    public static void main(String[] args) {
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.OFF);
        System.exit(commandLine().execute(args));
    }
}
