package org.tillwatch.cli.organizer;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tillwatch.domain.model.RawEntry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.PanMasker;
import org.tillwatch.index.query.FilterRequest;
import org.tillwatch.index.query.TransactionJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Пакет для заявки: исходные строки логов выбранных чеков (номера карт замаскированы), разобранные чеки в JSON и манифест с фильтрами, счётчиками и SHA-256.",
                "A support bundle for a ticket: the raw log lines of the chosen receipts (card numbers masked), the parsed transactions as JSON, and a manifest with filters, counts and SHA-256 checksums."},
        footerHeading = "%nExamples / примеры:%n",
        footer = {"  tillwatch export --data ./data --id AX1B/POS01/214/3/2026-11-20 --out ticket-4711",
                "  tillwatch export --data ./data --store AX1B --from 2026-11-20T14:00 --to 2026-11-20T14:40 --out ticket-4712.zip",
                "  tillwatch export --server http://127.0.0.1:8080 --store KY9A --date 2026-11-20 --outcome DeviceNotFound --out kY9a.zip --zip",
                "",
                "Layout: raw/<store>/<register>/<log file> (entries in file order, UTF-8), transactions.ndjson, manifest.json.",
                "Exit codes: 0 written, 1 error (e.g. the target exists), 2 usage, 3 no receipt matched (nothing written)."})
final class ExportCommand extends OrganizerCommand {
    @Mixin
    FilterOptions filters;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "New directory, or a .zip file.")
    Path target;

    @Option(names = "--zip", description = "Write a zip (implied by a .zip name).")
    boolean zip;

    Clock clock = Clock.systemUTC();

    @Override
    int run() throws Exception {
        FilterRequest request = filters.request();
        if (request.equals(new FilterRequest(null, null, null, null, null, null, null, null, null, null, null))) {
            throw new IllegalArgumentException("export needs a filter (--id, --store, --from/--to, --date, ...): a bundle of everything is not a ticket");
        }
        boolean asZip = zip || target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
        try (Source s = source.open(spec.commandLine())) {
            long total = s.count(request);
            if (total == 0) return nothing("no receipts match: no bundle written");
            Map<String, TreeMap<Long, String>> raw = new TreeMap<>();
            long[] counts = new long[3]; // receipts, entries, lines
            try (Bundle bundle = Bundle.create(target, asZip); Progress p = Progress.start("export", total)) {
                bundle.file("transactions.ndjson", out -> {
                    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    s.forEach(request, t -> {
                        w.write(TransactionJson.MAPPER.writeValueAsString(t));
                        w.write('\n');
                        counts[0]++;
                        collect(t, raw);
                    }, p::update);
                    w.flush();
                });
                for (Map.Entry<String, TreeMap<Long, String>> f : raw.entrySet()) {
                    bundle.file(f.getKey(), out -> {
                        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                        for (String text : f.getValue().values()) {
                            w.write(text);
                            w.write('\n');
                            counts[1]++;
                            counts[2] += text.lines().count();
                        }
                        w.flush();
                    });
                }
                List<Map<String, Object>> files = new ArrayList<>();
                for (Bundle.FileSum f : bundle.files()) files.add(Bundle.describe(f));
                Map<String, Object> manifest = Rows.record("tool", "tillwatch export", "created", clock.instant().toString(),
                        "source", source.data != null ? "data directory " + source.data.toAbsolutePath() : "collector " + source.server,
                        "filters", filters.described(),
                        "counts", Rows.record("receipts", counts[0], "raw_entries", counts[1], "raw_lines", counts[2], "raw_files", raw.size()),
                        "privacy", "Payment card numbers (PAN) keep the first 6 and last 4 digits; loyalty card numbers only the last 4.",
                        "encoding", "UTF-8 (registers write windows-1251; the text is the same)",
                        "files", files);
                bundle.file("manifest.json", out -> out.write(
                        TransactionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest)));
                Map<String, Object> summary = Rows.record("out", target.toString(), "format", asZip ? "zip" : "directory",
                        "receipts", counts[0], "raw_entries", counts[1], "raw_files", raw.size(),
                        "manifest_sha256", bundle.files().get(bundle.files().size() - 1).sha256());
                if (format() == OutputOptions.Format.TABLE) {
                    out().println("Пакет / bundle " + target + ": " + counts[0] + " receipt(s), " + counts[1] + " raw entries in "
                            + raw.size() + " log file(s), manifest.json with SHA-256 of every file");
                    out().flush();
                } else {
                    Rows rows = new Rows(summary.keySet().toArray(String[]::new));
                    rows.add(summary, summary.values().toArray());
                    if (format() == OutputOptions.Format.JSON) Rows.json(out(), summary);
                    else rows.print(out(), format(), false);
                }
            }
        }
        return OK;
    }

    private static void collect(Transaction t, Map<String, TreeMap<Long, String>> raw) {
        for (RawEntry e : t.raw()) {
            String file = "raw/" + t.store() + "/" + t.register().register() + "/" + fileName(e.source());
            raw.computeIfAbsent(file, k -> new TreeMap<>()).put(e.line(), PanMasker.maskPanValues(e.text()));
        }
    }

    private static String fileName(String source) {
        String name = source == null || source.isBlank() ? "pos.log" : source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        name = name.replaceAll("[^0-9A-Za-z._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "pos.log" : name;
    }
}
