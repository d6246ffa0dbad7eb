package org.tillwatch.cli.tickets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tillwatch tickets ...}: support tickets handled by template. */
@Command(name = "tickets", mixinStandardHelpOptions = true,
        description = {"Support tickets handled by template: import, try templates on past tickets, list, show, summary, proactive cases.",
                "Обращения поддержки по шаблонам: загрузка, проверка шаблонов на прошлых обращениях, список, карточка, сводка, проактивные случаи."},
        subcommands = {ImportCommand.class, TestCommand.class, ListCommand.class, ShowCommand.class, SummaryCommand.class,
                CasesCommand.class, TemplatesCommand.class})
public final class TicketsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: import, test, list, show, summary or cases");
    }
}
