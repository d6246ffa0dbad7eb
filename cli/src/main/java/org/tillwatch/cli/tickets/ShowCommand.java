package org.tillwatch.cli.tickets;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.tillwatch.cli.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"One ticket with its replies, escalation summary and audit trail (--export: the organizer export).",
                "Карточка обращения: ответы, эскалация, журнал действий."})
final class ShowCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Mixin
    ServerOptions server;

    @Option(names = "--export", description = "Print the organizer export (masked raw lines and parsed JSON) instead.")
    boolean export;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ApiClient api = server.client();
        String path = "/api/v1/tickets/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + (export ? "/export" : "");
        JsonNode t = api.ok(api.get(path), "ticket " + id);
        PrintWriter out = spec.commandLine().getOut();
        if (json || export) {
            Json.print(out, t);
            return 0;
        }
        out.println(t.path("id").asText() + " · " + t.path("status").asText() + " · " + t.path("category").asText("-") + " · "
                + t.path("action").asText() + (t.hasNonNull("line") ? " line " + t.get("line").asInt() : "")
                + (t.hasNonNull("template") ? " · template " + t.get("template").asText() : ""));
        out.println("channel " + t.path("channel").asText() + ", topic " + t.path("topic").asText() + (t.hasNonNull("card") ? ", card " + t.get("card").asText() : "")
                + ", transactions " + t.path("transactions"));
        if (t.hasNonNull("incident")) out.println("incident " + t.get("incident").asText());
        if (t.hasNonNull("cases")) out.println("proactive cases " + t.get("cases"));
        for (JsonNode r : t.path("replies")) {
            out.println("reply (ru): " + r.path("ru").asText());
            out.println("reply (en): " + r.path("en").asText());
        }
        if (t.hasNonNull("summary")) out.println("escalation summary:\n  " + t.get("summary").asText().replace("\n", "\n  "));
        out.println("history:");
        for (JsonNode e : t.path("history")) {
            out.println("  " + e.path("at").asText() + " " + e.path("kind").asText() + (e.hasNonNull("template") ? " [" + e.get("template").asText() + "]" : "")
                    + (e.hasNonNull("detail") ? ": " + e.get("detail").asText().lines().findFirst().orElse("") : ""));
        }
        return 0;
    }
}
