package org.tillwatch.cli.tickets;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.tillwatch.orchestrator.template.TemplateSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "templates", mixinStandardHelpOptions = true,
        description = {"Prints the built-in templates (YAML, documented): a starting point for your own file.",
                "Встроенные шаблоны (YAML) — основа для своих."})
final class TemplatesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (InputStream in = TemplateSet.class.getResourceAsStream(TemplateSet.BUILTIN)) {
            spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
