package org.tillwatch.cli.tickets;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.tillwatch.cli.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Tickets in, auto-resolved share, escalations by line, time to first response, proactive cases.",
                "Сводка: обращения, доля закрытых автоматически, эскалации по линиям, время первого ответа."})
final class SummaryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ApiClient api = server.client();
        JsonNode s = api.ok(api.get("/api/v1/tickets/summary"), "summary");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, s);
            return 0;
        }
        out.println("tickets / обращений: " + s.path("tickets").asInt());
        out.println("auto-resolved / закрыто автоматически: " + s.path("auto_resolved").asInt()
                + String.format(java.util.Locale.ROOT, " (%.1f%%)", 100 * s.path("auto_resolved_share").asDouble()));
        out.println("escalated by line / эскалации по линиям: " + s.path("escalated"));
        out.println("with a person / у специалиста: " + s.path("to_person").asInt() + ", waiting / ожидают: " + s.path("waiting").asInt());
        out.println(String.format(java.util.Locale.ROOT, "first response / первый ответ: mean %.1f s, max %.1f s over %d",
                s.path("first_response").path("mean_seconds").asDouble(), s.path("first_response").path("max_seconds").asDouble(),
                s.path("first_response").path("count").asInt()));
        out.println("categories / категории: " + s.path("categories"));
        out.println("proactive cases / проактивные случаи: " + s.path("proactive_cases") + ", with a ticket / с обращением: "
                + s.path("proactive_cases_with_ticket").asInt());
        return 0;
    }
}
