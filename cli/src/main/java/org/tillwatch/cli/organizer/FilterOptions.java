package org.tillwatch.cli.organizer;

import java.util.ArrayList;
import java.util.List;

import org.tillwatch.index.query.FilterRequest;
import picocli.CommandLine.Option;

/** The receipt filters every organizer command shares. Times: store-local ({@code 2026-11-20T13:00}), a date, or an instant. */
final class FilterOptions {
    @Option(names = "--store", paramLabel = "CODE", description = "Store code, e.g. AX1B.")
    String store;

    @Option(names = "--register", paramLabel = "POSnn", description = "Register, e.g. POS01.")
    String register;

    @Option(names = "--from", paramLabel = "TIME", description = "Closed at or after: 2026-11-20T13:00 (store time), 2026-11-20 (that day), 2026-11-20T10:00:00Z.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Closed before (a date alone: up to the end of that day).")
    String to;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One store-local day (same as --from D --to D).")
    String date;

    @Option(names = "--card", paramLabel = "NUMBER", description = "Loyalty card number (looked up by its keyed hash; shown masked).")
    String card;

    @Option(names = "--status", paramLabel = "STATUS", split = ",", description = "OK, CANCELLED, INCOMPLETE (comma-separated).")
    List<String> status;

    @Option(names = "--outcome", paramLabel = "CODE", description = "A loyalty outcome the receipt met: CardBlocked, TIMEOUT, HTTP_502, ...")
    String outcome;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag the register set: LOY_ERROR, LOY_TIMEOUT, CARD_DECLINED, ...")
    String tag;

    @Option(names = "--has-promo", description = "Only receipts with promo-priced positions.")
    boolean hasPromo;

    @Option(names = "--min-total", paramLabel = "AMOUNT", description = "Receipt total at least this, e.g. 1000 or 99.90.")
    String minTotal;

    @Option(names = "--id", paramLabel = "ID", split = ",", description = "Receipt ids (store/register/shift/receipt/date).")
    List<String> ids;

    FilterRequest request() {
        String f = from;
        String t = to;
        if (date != null) {
            if (from != null || to != null) throw new IllegalArgumentException("--date cannot go with --from/--to");
            f = date;
            t = date;
        }
        List<String> st = status;
        if (st == null && card != null) st = new ArrayList<>(List.of("OK", "CANCELLED")); // a customer's purchases
        return new FilterRequest(store, register, f, t, card, st, outcome, tag, hasPromo ? Boolean.TRUE : null, minTotal, ids);
    }

    /** The filters as given, for manifests and headers. */
    java.util.Map<String, Object> described() {
        FilterRequest r = request();
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        put(m, "store", r.store());
        put(m, "register", r.register());
        put(m, "from", r.from());
        put(m, "to", r.to());
        if (r.card() != null) m.put("card", org.tillwatch.index.CardHasher.masked(r.card()));
        put(m, "status", r.status());
        put(m, "outcome", r.outcome());
        put(m, "tag", r.tag());
        put(m, "has_promo", r.hasPromo());
        put(m, "min_total", r.minTotal());
        put(m, "ids", r.ids());
        return m;
    }

    private static void put(java.util.Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
