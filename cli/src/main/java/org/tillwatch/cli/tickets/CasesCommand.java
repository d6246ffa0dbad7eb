package org.tillwatch.cli.tickets;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.tillwatch.cli.Json;
import org.tillwatch.cli.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cases", mixinStandardHelpOptions = true,
        description = {"Proactive cases: customers who lost points, with the suggested fix.",
                "Проактивные случаи: клиенты, потерявшие баллы, и предлагаемое исправление."})
final class CasesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ApiClient api = server.client();
        JsonNode r = api.ok(api.get("/api/v1/cases"), "cases");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, r);
            return 0;
        }
        Table t = new Table("id", "kind", "store", "card", "points", "tickets", "fix");
        for (JsonNode c : r.path("cases")) {
            t.row(c.path("id").asText(), c.path("kind").asText(), c.path("store").asText(), c.path("card").asText("-"),
                    c.path("points").asText("-"), c.path("tickets").size(), c.path("fix").path("ru").asText());
        }
        t.print(out);
        return 0;
    }
}
