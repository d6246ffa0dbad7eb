package org.tillwatch.cli.organizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.CardKeys;
import org.tillwatch.index.TransactionIndexReader;
import org.tillwatch.index.query.FilterRequest;
import org.tillwatch.index.query.Page;
import org.tillwatch.index.query.ReceiptFilter;
import org.tillwatch.index.query.ReceiptSearch;
import org.tillwatch.index.store.LuceneTransactionQueries;
import org.tillwatch.index.store.TransactionQueries;

/**
 * A data directory, read-only: a point-in-time DirectoryReader over the last commit, never a writer, so it is safe
 * while a collector writes the same directory. A store's zone comes from the registry when one is given, else from its
 * indexed transactions (their local and absolute close times), else the default zone.
 */
final class LocalSource implements Source {
    private final Path data;
    private final TransactionIndexReader reader;
    private final TransactionQueries search;
    private final StoreRegistry registry;
    private final Map<String, ZoneId> zones = new HashMap<>();
    private CardHasher hasher;

    LocalSource(Path data, StoreRegistry registry) throws IOException {
        this.data = data;
        this.registry = registry;
        this.reader = TransactionIndexReader.open(data);
        this.search = LuceneTransactionQueries.over(reader);
    }

    @Override
    public Page page(FilterRequest filter, int offset, int limit, boolean newestFirst) throws IOException {
        return search.page(resolve(filter), offset, limit, newestFirst);
    }

    @Override
    public long forEach(FilterRequest filter, ReceiptSearch.Visitor visitor, LongConsumer progress) throws IOException {
        return search.forEach(resolve(filter), visitor, progress);
    }

    @Override
    public OutcomeCounts outcomes(FilterRequest filter) throws IOException {
        ReceiptFilter f = resolve(filter);
        return new OutcomeCounts(search.count(f), search.outcomeCounts(f));
    }

    private ReceiptFilter resolve(FilterRequest filter) throws IOException {
        if (filter.card() != null && hasher == null) hasher = CardKeys.forDataDir(data, System.getenv(), false);
        try {
            return filter.resolve(this::zone, card -> hasher.hash(card));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private ZoneId zone(String store) {
        if (store == null) return registry.defaultZone();
        if (registry.isRegistered(store)) return registry.store(store).zone();
        return zones.computeIfAbsent(store, s -> {
            try {
                return search.offsetOf(s).map(o -> (ZoneId) o).orElse(registry.defaultZone());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
