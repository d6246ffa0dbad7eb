package org.tillwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.domain.tally.FleetTally;
import org.tillwatch.domain.tally.StoreFigures;
import org.tillwatch.index.CardKeys;
import org.tillwatch.index.TransactionIndexWriter;
import org.tillwatch.ingest.FleetIngest;
import org.tillwatch.ingest.IngestResult;
import org.tillwatch.ingest.Quarantine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Ingest a fleet's log tree (<store>/<register>/pos*.log[.gz]) into the index and print a summary.",
                "Загрузить логи касс в индекс и вывести сводку."})
final class IndexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--logs", required = true, paramLabel = "DIR", description = "Log root: <store>/<register>/pos*.log[.gz].")
    Path logs;

    @Option(names = "--stores", paramLabel = "FILE", description = "Stores registry CSV (code,name,format,region,timezone,opens,closes).")
    Path stores;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory (index, quarantine).")
    Path data;

    @Option(names = "--default-zone", paramLabel = "ZONE", defaultValue = "Europe/Moscow",
            description = "Time zone for stores missing from the registry (default: ${DEFAULT-VALUE}).")
    ZoneId defaultZone;

    @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        StoreRegistry registry = StoresOption.load(stores, defaultZone);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        Instant runAt = Instant.now();
        IngestResult result;
        try (TransactionIndexWriter writer = TransactionIndexWriter.open(data, CardKeys.forDataDir(data, System.getenv(), true))) {
            result = new FleetIngest(registry, ReferenceDialect::new, n, 1000).run(logs, writer::add);
            writer.commit(Map.of("last_ingest", runAt.toString(), "last_ingest_root", logs.toAbsolutePath().toString()));
        }
        Path quarantine = Quarantine.write(data, runAt, result.tally().malformedSample());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, summary(result, quarantine));
        } else {
            printTable(out, result, quarantine);
        }
        return 0;
    }

    static Map<String, Object> summary(IngestResult result, Path quarantine) {
        FleetTally t = result.tally();
        StoreFigures chain = t.chain();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receipts", chain.receipts());
        m.put("loyalty", chain.loyalty());
        m.put("failed", chain.failed());
        m.put("incomplete", chain.incomplete());
        m.put("malformed_lines", t.malformedLines());
        m.put("outcomes", t.outcomes());
        m.put("tags", t.tags());
        Map<String, Object> stores = new LinkedHashMap<>();
        t.stores().forEach((code, f) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("receipts", f.receipts());
            s.put("loyalty", f.loyalty());
            s.put("failed", f.failed());
            s.put("incomplete", f.incomplete());
            stores.put(code, s);
        });
        m.put("stores", stores);
        m.put("unregistered_stores", result.unregisteredStores());
        m.put("registers", result.registers());
        m.put("files", result.files());
        m.put("bytes", result.bytes());
        m.put("uncompressed_bytes", result.uncompressedBytes());
        m.put("seconds", result.elapsed().toMillis() / 1000.0);
        m.put("skipped_paths", result.skipped().stream().map(Path::toString).toList());
        m.put("quarantine", quarantine.toString());
        return m;
    }

    private static void printTable(PrintWriter out, IngestResult result, Path quarantine) {
        FleetTally t = result.tally();
        Table table = new Table("store", "receipts", "loyalty", "failed", "incomplete");
        t.stores().forEach((code, f) -> table.row(code + (result.unregisteredStores().contains(code) ? " (unregistered)" : ""),
                f.receipts(), f.loyalty(), f.failed(), f.incomplete()));
        StoreFigures c = t.chain();
        table.row("chain", c.receipts(), c.loyalty(), c.failed(), c.incomplete());
        table.print(out);
        out.println();
        out.println("Outcomes / исходы запросов: " + t.outcomes());
        out.println("Tags / теги: " + t.tags());
        double seconds = Math.max(result.elapsed().toMillis(), 1) / 1000.0;
        out.printf("Malformed lines / нечитаемые строки: %d (sample: %s)%n", t.malformedLines(), quarantine);
        out.printf("Read %d files of %d registers, %.1f MB (%.1f MB uncompressed) in %.2f s: %.1f MB/s%n",
                result.files(), result.registers(), result.bytes() / 1e6, result.uncompressedBytes() / 1e6, seconds,
                result.uncompressedBytes() / 1e6 / seconds);
        if (!result.skipped().isEmpty()) out.println("Skipped (not in the layout): " + result.skipped());
        out.flush();
    }
}
