package org.tillwatch.cli.organizer;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.domain.model.Transaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "receipt", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Один чек целиком по времени: клавиши, сканы, позиции, карта, запросы лояльности, оплаты, фискальный документ, теги.",
                "One receipt as a timeline: keys, scans, positions, card, loyalty requests and responses, payments, fiscal document, tags."},
        footerHeading = "%nExamples / примеры:%n",
        footer = {"  tillwatch receipt --data ./data AX1B/POS01/214/3/2026-11-20",
                "  tillwatch receipt --data ./data AX1B/POS01/214/3/2026-11-20 --only loyalty --xml",
                "  tillwatch receipt --server http://127.0.0.1:8080 --token-file ~/.tillwatch-token KY9A/POS02/77/5/2026-11-20 --json",
                "",
                "Exit codes: 0 found, 1 error, 2 usage, 3 no such receipt."})
final class ReceiptCommand extends OrganizerCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "Receipt id: store/register/shift/receipt/date (as 'tillwatch receipts' lists it).")
    String id;

    @Option(names = "--only", paramLabel = "PART", description = "Only part of the timeline: ${COMPLETION-CANDIDATES}.")
    Timeline.Part only;

    @Option(names = "--xml", description = "Show each loyalty request and response body, pretty-printed.")
    boolean xml;

    @Override
    int run() throws Exception {
        Optional<Transaction> found;
        try (Source s = source.open(spec.commandLine())) {
            found = s.receipt(id);
        }
        if (found.isEmpty()) return nothing("no receipt " + id);
        Transaction t = found.get();
        ZoneOffset off = Views.offset(t);
        List<Timeline.Event> events = Timeline.only(Timeline.of(t), only);
        Rows rows = new Rows("time", "what", "detail");
        for (Timeline.Event e : events) {
            Map<String, Object> rec = Rows.record("time", Views.localIso(e.time(), off), "kind", e.kind(), "what", e.what());
            if (xml && e.xml() != null) rec.put("xml", e.xml());
            rows.add(rec, Views.clock(e.time()), e.kind(), Cell.of(e.what(), e.style()));
        }
        switch (format()) {
            case JSON -> {
                Map<String, Object> m = Views.row(t);
                m.put("zone_offset", off.getId());
                m.put("timeline", rows.records());
                m.put("explanations", explanations(t));
                if (only == null) m.put("transaction", t);
                Rows.json(out(), m);
            }
            case NDJSON, CSV -> rows.print(out(), format(), false);
            case TABLE -> table(t, off, events, rows);
        }
        return OK;
    }

    private void table(Transaction t, ZoneOffset off, List<Timeline.Event> events, Rows rows) {
        boolean c = colour();
        var out = out();
        out.println(Style.BOLD.apply("Чек / receipt " + t.id(), c));
        out.println("  магазин / store " + t.store() + ", касса / register " + t.register().register() + ", кассир / cashier " + t.cashier());
        out.println("  открыт / opened " + Views.local(t.opened(), off) + ", закрыт / closed " + Views.local(t.closed(), off));
        out.println("  статус / status " + Views.status(t).style().apply(Views.status(t).text(), c)
                + ", сумма / total " + (t.total() == null ? "-" : t.total().toPlainString())
                + ", карта / card " + Views.card(t) + ", начислено / accrued " + t.accrued().toPlainString() + (t.pending() ? " (pending)" : ""));
        if (!t.tags().isEmpty()) out.println("  теги / tags " + String.join(", ", Views.tags(t)));
        out.println();
        if (!xml) {
            rows.print(out, OutputOptions.Format.TABLE, c);
        } else {
            for (Timeline.Event e : events) {
                out.println(Views.clock(e.time()) + "  " + String.format("%-8s", e.kind()) + "  " + e.style().apply(e.what(), c));
                if (e.xml() != null) out.println(Xml.pretty(e.xml()).indent(16).stripTrailing());
            }
        }
        List<Map<String, Object>> ex = explanations(t);
        if (!ex.isEmpty()) {
            out.println();
            for (Map<String, Object> e : ex) out.println(Style.BOLD.apply(e.get("outcome") + ": ", c) + e.get("title_ru") + " / " + e.get("title_en") + " — " + e.get("meaning_ru"));
        }
        out.flush();
    }

    private static List<Map<String, Object>> explanations(Transaction t) {
        List<Map<String, Object>> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (LoyaltyRequest r : t.requests()) {
            if (r.outcome().ok() || !seen.add(r.outcome().name())) continue;
            out.add(ExplainCommand.record(OutcomeExplanations.of(r.outcome())));
        }
        return out;
    }
}
