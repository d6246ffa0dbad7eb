package org.tillwatch.index.store;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.apache.lucene.search.SearcherManager;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.LoyaltyFact;
import org.tillwatch.index.ReceiptRow;
import org.tillwatch.index.TransactionIndexReader;
import org.tillwatch.index.query.Page;
import org.tillwatch.index.query.ReceiptFilter;
import org.tillwatch.index.query.ReceiptSearch;

/**
 * {@link TransactionQueries} over the embedded Lucene index: a near-real-time {@link SearcherManager} (each call on
 * the searcher current then, released afterwards) or one opened reader the caller keeps and closes.
 */
public final class LuceneTransactionQueries implements TransactionQueries {
    private final SearcherManager searchers;
    private final TransactionIndexReader fixed;

    private LuceneTransactionQueries(SearcherManager searchers, TransactionIndexReader fixed) {
        this.searchers = searchers;
        this.fixed = fixed;
    }

    public static LuceneTransactionQueries over(SearcherManager searchers) {
        return new LuceneTransactionQueries(searchers, null);
    }

    /** Over an opened index the caller keeps and closes. */
    public static LuceneTransactionQueries over(TransactionIndexReader reader) {
        return new LuceneTransactionQueries(null, reader);
    }

    private <T> T read(TransactionIndexReader.Work<T> work) throws IOException {
        return fixed != null ? work.apply(fixed) : TransactionIndexReader.withCurrent(searchers, work);
    }

    @Override
    public long count() throws IOException {
        return read(TransactionIndexReader::count);
    }

    @Override
    public Optional<Transaction> get(String id) throws IOException {
        return read(r -> r.get(id));
    }

    @Override
    public List<Transaction> byCardHash(String cardHash, LocalDate date) throws IOException {
        return read(r -> r.byCardHash(cardHash, date));
    }

    @Override
    public long count(ReceiptFilter filter) throws IOException {
        return read(r -> new ReceiptSearch(r).count(filter));
    }

    @Override
    public List<Transaction> newest(ReceiptFilter filter, int limit) throws IOException {
        return read(r -> r.newest(filter.toQuery(), limit));
    }

    @Override
    public Page page(ReceiptFilter filter, int offset, int limit, boolean newestFirst) throws IOException {
        return read(r -> new ReceiptSearch(r).page(filter, offset, limit, newestFirst));
    }

    @Override
    public Page pageAfter(ReceiptFilter filter, ReceiptSearch.Cursor after, int limit, boolean newestFirst) throws IOException {
        return read(r -> new ReceiptSearch(r).pageAfter(filter, after, limit, newestFirst));
    }

    @Override
    public long forEach(ReceiptFilter filter, ReceiptSearch.Visitor visitor, LongConsumer progress) throws IOException {
        return read(r -> new ReceiptSearch(r).forEach(filter, visitor, progress));
    }

    @Override
    public Map<String, Long> outcomeCounts(ReceiptFilter filter) throws IOException {
        return read(r -> new ReceiptSearch(r).outcomeCounts(filter));
    }

    @Override
    public Optional<ZoneOffset> offsetOf(String store) throws IOException {
        return read(r -> new ReceiptSearch(r).offsetOf(store));
    }

    @Override
    public void forEachLoyalty(Instant from, Instant to, String store, Consumer<LoyaltyFact> visitor) throws IOException {
        read(r -> {
            r.forEachLoyalty(from, to, store, visitor);
            return null;
        });
    }

    @Override
    public void forEachReceipt(Instant from, Consumer<ReceiptRow> visitor) throws IOException {
        read(r -> {
            r.forEachReceipt(from, visitor);
            return null;
        });
    }
}
