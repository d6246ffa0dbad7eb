package org.tillwatch.cli.tickets;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.tillwatch.cli.Json;
import org.tillwatch.cli.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Sends tickets (NDJSON, one per line) to the collector, which decides and acts on each; prints what each got.",
                "Загружает обращения (NDJSON) в коллектор и показывает, что с каждым сделано."})
final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.ndjson", description = "Tickets: id, created, channel, card and/or store, register, receipt, date or from/to, topic, text.")
    Path file;

    @Mixin
    ServerOptions server;

    @CommandLine.Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ApiClient api = server.client();
        List<Map<String, Object>> rows = new ArrayList<>();
        int failed = 0;
        for (TicketFile.Line line : TicketFile.read(file)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", line.number());
            if (line.error() != null) {
                row.put("error", line.error());
                failed++;
            } else {
                ApiClient.Answer a = api.post("/api/v1/tickets", ApiClient.JSON.writeValueAsString(line.json()));
                if (a.status() == 201 || a.status() == 200) {
                    JsonNode t = a.body();
                    row.put("id", t.path("id").asText());
                    row.put("new", a.status() == 201);
                    row.put("status", t.path("status").asText());
                    row.put("template", t.hasNonNull("template") ? t.get("template").asText() : null);
                    row.put("category", t.path("category").asText());
                    row.put("action", t.path("action").asText());
                    row.put("line_to", t.hasNonNull("line") ? t.get("line").asInt() : null);
                } else if (a.status() / 100 == 4) {
                    row.put("id", line.json().path("id").asText(null));
                    row.put("error", a.reason());
                    failed++;
                } else {
                    throw new java.io.IOException("line " + line.number() + ": the collector answered " + a.status() + ": " + a.reason());
                }
            }
            rows.add(row);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, rows);
        } else {
            Table t = new Table("line", "id", "status", "category", "action", "support line", "template / error");
            for (Map<String, Object> r : rows) {
                t.row(r.get("line"), r.get("id"), r.containsKey("error") ? "REFUSED" : r.get("status") + (Boolean.FALSE.equals(r.get("new")) ? " (already there)" : ""),
                        r.get("category"), r.get("action"), r.get("line_to"), r.containsKey("error") ? r.get("error") : r.get("template"));
            }
            t.print(out);
            out.println(rows.size() - failed + " taken, " + failed + " refused / принято " + (rows.size() - failed) + ", отклонено " + failed);
        }
        if (failed > 0) {
            spec.commandLine().getErr().println("tillwatch: " + failed + " ticket(s) refused (see the table)");
            return 1;
        }
        return 0;
    }
}
