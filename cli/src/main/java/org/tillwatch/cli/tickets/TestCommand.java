package org.tillwatch.cli.tickets;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.tillwatch.cli.Json;
import org.tillwatch.cli.Table;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.CardKeys;
import org.tillwatch.index.TransactionIndexReader;
import org.tillwatch.orchestrator.Orchestrator;
import org.tillwatch.orchestrator.data.FileIncidents;
import org.tillwatch.orchestrator.data.HttpIncidentSource;
import org.tillwatch.orchestrator.data.IncidentSource;
import org.tillwatch.orchestrator.data.IndexLookup;
import org.tillwatch.orchestrator.data.MemoryFleet;
import org.tillwatch.orchestrator.data.TransactionLookup;
import org.tillwatch.orchestrator.matching.Decision;
import org.tillwatch.orchestrator.metrics.TicketMetrics;
import org.tillwatch.orchestrator.store.TicketStore;
import org.tillwatch.orchestrator.template.TemplateException;
import org.tillwatch.orchestrator.template.TemplateSet;
import org.tillwatch.orchestrator.ticket.TicketException;
import org.tillwatch.orchestrator.ticket.TicketRequest;
import org.tillwatch.orchestrator.ticket.TicketViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs templates against past tickets and their data without acting; reports what each ticket would get.",
                "Проверка шаблонов на прошлых обращениях и данных, без действий: что получило бы каждое обращение."})
final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--templates", required = true, paramLabel = "FILE", description = "Templates, YAML or JSON ('builtin': the built-in ones).")
    String templates;

    @Option(names = "--tickets", required = true, paramLabel = "FILE", description = "Tickets: NDJSON (one per line) or a JSON array.")
    Path tickets;

    @Option(names = "--logs", paramLabel = "DIR", description = "A fleet's log tree, read into memory (with --stores).")
    Path logs;

    @Option(names = "--stores", paramLabel = "CSV", description = "Stores registry for --logs.")
    Path stores;

    @Option(names = "--data", paramLabel = "DIR", description = "A data directory written by 'tillwatch index' (offline-queue deliveries are not in it).")
    Path data;

    @Option(names = "--server", paramLabel = "URL", description = "Ask a running collector instead (its data and incidents).")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "API token file for --server (else TILLWATCH_TOKEN).")
    Path tokenFile;

    @Option(names = "--incidents", paramLabel = "FILE|URL",
            description = "Incidents of that time: a saved GET /api/v1/incidents?state=all answer, or a collector's URL. Default: none.")
    String incidents;

    @Option(names = "--json", description = "Print JSON: per ticket id, template, category, action, line, reason.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int sources = (logs != null ? 1 : 0) + (data != null ? 1 : 0) + (server != null ? 1 : 0);
        if (sources != 1) throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --logs DIR (with --stores), --data DIR or --server URL");
        if (logs != null && stores == null) throw new CommandLine.ParameterException(spec.commandLine(), "--logs needs --stores CSV");
        if (server != null && incidents != null) throw new CommandLine.ParameterException(spec.commandLine(), "--server uses the collector's own incidents: drop --incidents");
        TemplateSet set;
        try {
            set = templates.equals("builtin") ? TemplateSet.builtin() : TemplateSet.load(Path.of(templates));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no such templates file: " + templates);
        } catch (TemplateException e) {
            throw new IOException(e.getMessage());
        }
        List<TicketFile.Line> lines = TicketFile.read(tickets);
        List<Map<String, Object>> results = server != null ? viaServer(set, lines) : local(set, lines);
        print(results);
        return 0;
    }

    private List<TicketRequest> requests(List<TicketFile.Line> lines) throws IOException {
        List<TicketRequest> out = new ArrayList<>();
        for (TicketFile.Line l : lines) {
            if (l.error() != null) throw new IOException(tickets + ": line " + l.number() + ": " + l.error());
            try {
                out.add(TicketRequest.fromJson(l.json()));
            } catch (TicketException e) {
                throw new IOException(tickets + ": line " + l.number() + ": " + e.getMessage());
            }
        }
        return out;
    }

    private List<Map<String, Object>> local(TemplateSet set, List<TicketFile.Line> lines) throws IOException {
        List<TicketRequest> requests = requests(lines);
        IncidentSource inc = incidentSource();
        AtomicReference<Instant> mark = new AtomicReference<>();
        try (TicketStore store = TicketStore.inMemory()) {
            if (logs != null) {
                StoreRegistry registry = StoreRegistry.parse(Files.readString(stores), java.time.ZoneId.of("Europe/Moscow"));
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                CardHasher hasher = new CardHasher(key);
                List<Object> events = new ArrayList<>();
                MemoryFleet fleet = MemoryFleet.read(logs, registry, hasher::hash, new MemoryFleet.Listener() {
                    @Override
                    public void transaction(Transaction t) {
                        events.add(t);
                    }

                    @Override
                    public void registerRequest(RegisterKey register, LoyaltyRequest request) {
                        events.add(new Object[] {register, request});
                    }
                });
                Orchestrator o = orchestrator(store, set, fleet, inc, registry, hasher, mark);
                for (Object e : events) {
                    if (e instanceof Transaction t) o.transaction(t);
                    else o.registerRequest((RegisterKey) ((Object[]) e)[0], (LoyaltyRequest) ((Object[]) e)[1]);
                }
                return decisions(o.dryRun(requests, set));
            }
            StoreRegistry registry = StoreRegistry.empty(java.time.ZoneId.of("Europe/Moscow"));
            if (stores != null) registry = StoreRegistry.parse(Files.readString(stores), java.time.ZoneId.of("Europe/Moscow"));
            CardHasher hasher = CardKeys.forDataDir(data, System.getenv(), false);
            try (TransactionIndexReader reader = TransactionIndexReader.open(data)) {
                Orchestrator o = orchestrator(store, set, IndexLookup.over(reader), inc, registry, hasher, mark);
                return decisions(o.dryRun(requests, set));
            }
        }
    }

    private static Orchestrator orchestrator(TicketStore store, TemplateSet set, TransactionLookup lookup, IncidentSource inc,
                                             StoreRegistry registry, CardHasher hasher, AtomicReference<Instant> mark) {
        return new Orchestrator(store, set, lookup, inc, registry, hasher::hash, Clock.systemUTC(),
                new TicketMetrics(new SimpleMeterRegistry()), mark::get);
    }

    private IncidentSource incidentSource() throws IOException {
        if (incidents == null) return IncidentSource.NONE;
        if (incidents.startsWith("http://") || incidents.startsWith("https://")) return new HttpIncidentSource(URI.create(incidents), null);
        return FileIncidents.load(Path.of(incidents));
    }

    private static List<Map<String, Object>> decisions(List<Decision> ds) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Decision d : ds) out.add(TicketViews.decision(d));
        return out;
    }

    private List<Map<String, Object>> viaServer(TemplateSet set, List<TicketFile.Line> lines) throws IOException {
        requests(lines);
        ApiClient api = new ApiClient(server, tokenFile);
        StringBuilder body = new StringBuilder("{");
        if (!templates.equals("builtin")) {
            JsonNode tree = Path.of(templates).toString().toLowerCase().endsWith(".json")
                    ? ApiClient.JSON.readTree(Files.readString(Path.of(templates)))
                    : new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(Files.readString(Path.of(templates)));
            body.append("\"templates\":").append(ApiClient.JSON.writeValueAsString(tree)).append(',');
        }
        List<JsonNode> ts = lines.stream().map(TicketFile.Line::json).toList();
        body.append("\"tickets\":").append(ApiClient.JSON.writeValueAsString(ts)).append('}');
        JsonNode r = api.ok(api.post("/api/v1/tickets/test", body.toString()), "dry run");
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode n : r.path("results")) {
            out.add(ApiClient.JSON.convertValue(n, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
        }
        return out;
    }

    private void print(List<Map<String, Object>> results) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> brief = new ArrayList<>();
            for (Map<String, Object> r : results) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                for (String k : List.of("id", "template", "category", "action", "line", "reason")) m.put(k, r.get(k));
                brief.add(m);
            }
            Json.print(out, brief);
            return;
        }
        Table t = new Table("id", "template", "category", "action", "line", "reason");
        for (Map<String, Object> r : results) t.row(r.get("id"), r.get("template"), r.get("category"), r.get("action"), r.get("line"), r.get("reason"));
        t.print(out);
        long person = results.stream().filter(r -> "none".equals(r.get("action"))).count();
        out.println(results.size() + " ticket(s): " + (results.size() - person) + " by template, " + person + " to a person / "
                + (results.size() - person) + " по шаблону, " + person + " специалисту");
        out.flush();
    }
}
