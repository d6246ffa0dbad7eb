package org.tillwatch.cli.tickets;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.tillwatch.cli.Json;
import org.tillwatch.cli.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Tickets, newest first.", "Обращения, новые сверху."})
final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--status", paramLabel = "STATUS", description = "with_person, escalated, waiting, replied or resolved.")
    String status;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (1-1000, default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 1000) throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 1..1000");
        ApiClient api = server.client();
        String q = "?limit=" + limit + (status == null ? "" : "&status=" + URLEncoder.encode(status, StandardCharsets.UTF_8));
        JsonNode r = api.ok(api.get("/api/v1/tickets" + q), "list");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, r);
            return 0;
        }
        Table t = new Table("received", "id", "channel", "topic", "card", "status", "category", "action", "line");
        for (JsonNode n : r.path("tickets")) {
            t.row(n.path("received").asText(), n.path("id").asText(), n.path("channel").asText(), n.path("topic").asText(),
                    n.path("card").asText("-"), n.path("status").asText(), n.path("category").asText("-"), n.path("action").asText(),
                    n.path("line").asText("-"));
        }
        t.print(out);
        return 0;
    }
}
