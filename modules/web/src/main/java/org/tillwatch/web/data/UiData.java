package org.tillwatch.web.data;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.store.TransactionQueries;
import org.tillwatch.live.LiveView;

/** What the UI reads: the collector's stored transactions (near-real-time Lucene index or OpenSearch), its live figures and store registry. Blocking calls. */
public final class UiData {
    private final TransactionQueries queries;
    private final CardHasher hasher;
    private final StoreRegistry registry;
    private final LiveView live;

    public UiData(TransactionQueries queries, CardHasher hasher, StoreRegistry registry, LiveView live) {
        this.queries = queries;
        this.hasher = hasher;
        this.registry = registry;
        this.live = live;
    }

    public StoreRegistry registry() {
        return registry;
    }

    public LiveView live() {
        return live;
    }

    /** The keyed hash of a card: what the audit log records next to the masked number. */
    public String cardHash(String card) {
        return hasher.hash(card);
    }

    /** A card's receipts opened on store-local dates in {@code [from, to]} (either may be null), by close time. */
    public List<Transaction> byCard(String card, LocalDate from, LocalDate to) throws IOException {
        LocalDate single = from != null && from.equals(to) ? from : null;
        List<Transaction> all = queries.byCardHash(hasher.hash(card), single);
        return all.stream().filter(t -> (from == null || !t.opened().toLocalDate().isBefore(from))
                && (to == null || !t.opened().toLocalDate().isAfter(to))).toList();
    }

    public Optional<Transaction> transaction(String id) throws IOException {
        return queries.get(id);
    }

    /**
     * One store's (or, with {@code store == null}, the chain's) loyalty receipts of a local day by hour, and its
     * failures by outcome. Hours are of {@code zone}.
     */
    public DaySeries day(String store, LocalDate day, ZoneId zone) throws IOException {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        long[] loyalty = new long[24];
        long[] failed = new long[24];
        Map<String, Long> errors = new TreeMap<>();
        queries.forEachReceipt(from, row -> {
            if (!row.closedAt().isBefore(to) || (store != null && !store.equals(row.store()))) return;
            if (row.loyalty()) {
                int h = row.closedAt().atZone(zone).getHour();
                loyalty[h]++;
                if (row.failed()) failed[h]++;
            }
            for (String o : row.outcomes()) {
                if (!o.equals("Ok")) errors.merge(o, 1L, Long::sum);
            }
        });
        return new DaySeries(day, zone, loyalty, failed, errors);
    }
}
