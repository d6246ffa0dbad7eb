package org.tillwatch.orchestrator.matching;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.orchestrator.data.TransactionLookup;
import org.tillwatch.orchestrator.ticket.TicketInfo;
import org.tillwatch.orchestrator.ticket.TicketRequest;

/**
 * Finds the purchases a ticket refers to: a full transaction id; else the card's receipts (that date, store,
 * register, receipt number, time range when given); else the store's receipts of that date or time range.
 */
final class TicketTransactions {
    /** The transactions, or why there are none (then {@code transactions} is empty). */
    record Found(List<Transaction> transactions, String missing) {
    }

    private TicketTransactions() {
    }

    static Found find(TicketInfo t, TransactionLookup lookup, StoreRegistry registry) throws IOException {
        if (t.receipt() != null && t.receipt().contains("/")) {
            return lookup.byId(t.receipt()).map(x -> new Found(List.of(x), null))
                    .orElseGet(() -> new Found(List.of(), "no transaction " + t.receipt() + " in the data"));
        }
        ZoneId zone = t.store() == null ? null : registry.store(t.store()).zone();
        Instant from = t.from() == null ? null : instant(t.from(), zone);
        Instant to = t.to() == null ? null : instant(t.to(), zone);
        List<Transaction> found;
        String what;
        if (t.cardHash() != null) {
            found = lookup.byCardHash(t.cardHash(), t.date());
            what = "card *" + t.cardLast4() + (t.date() == null ? "" : " on " + t.date());
        } else {
            if (from == null && t.date() != null) {
                from = t.date().atStartOfDay(zone).toInstant();
                to = t.date().plusDays(1).atStartOfDay(zone).toInstant();
            }
            if (from == null) return new Found(List.of(), "a ticket without a card needs a receipt id, a date or a time range");
            if (to == null) to = from.plus(java.time.Duration.ofDays(1));
            found = lookup.byStore(t.store(), t.register(), from, to);
            what = "store " + t.store() + (t.register() == null ? "" : " " + t.register()) + " from " + from + " to " + to;
        }
        Instant f = from;
        Instant u = to;
        List<Transaction> out = found.stream()
                .filter(x -> t.store() == null || x.store().equals(t.store()))
                .filter(x -> t.register() == null || x.register().register().equals(t.register()))
                .filter(x -> t.receipt() == null || x.id().receipt().equals(t.receipt()))
                .filter(x -> f == null || !x.closedAt().isBefore(f))
                .filter(x -> u == null || x.closedAt().isBefore(u))
                .toList();
        if (out.isEmpty()) {
            String more = (t.receipt() == null ? "" : ", receipt " + t.receipt()) + (t.store() != null && t.cardHash() != null ? ", store " + t.store() : "");
            return new Found(List.of(), "no transactions for " + what + more);
        }
        return new Found(out, null);
    }

    private static Instant instant(String value, ZoneId zone) {
        Object v = TicketRequest.parseTime(value, "time");
        return v instanceof Instant i ? i : ((LocalDateTime) v).atZone(zone).toInstant();
    }
}
