package org.tillwatch.orchestrator.data;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.search.SearcherManager;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.TransactionIndexReader;
import org.tillwatch.index.query.ReceiptFilter;
import org.tillwatch.index.store.LuceneTransactionQueries;
import org.tillwatch.index.store.TransactionQueries;

/** Transactions from the collector's store (cards there are masked; lookups go by hash). */
public final class IndexLookup implements TransactionLookup {
    private final TransactionQueries queries;

    private IndexLookup(TransactionQueries queries) {
        this.queries = queries;
    }

    /** Over any store's queries (the embedded index or OpenSearch). */
    public static IndexLookup over(TransactionQueries queries) {
        return new IndexLookup(queries);
    }

    public static IndexLookup over(SearcherManager searchers) {
        return new IndexLookup(LuceneTransactionQueries.over(searchers));
    }

    /** Over an opened index the caller keeps and closes. */
    public static IndexLookup over(TransactionIndexReader reader) {
        return new IndexLookup(LuceneTransactionQueries.over(reader));
    }

    @Override
    public Optional<Transaction> byId(String id) throws IOException {
        return queries.get(id);
    }

    @Override
    public List<Transaction> byCardHash(String cardHash, LocalDate date) throws IOException {
        return queries.byCardHash(cardHash, date);
    }

    @Override
    public List<Transaction> byStore(String store, String register, Instant from, Instant to) throws IOException {
        if (!from.isBefore(to)) return List.of();
        List<Transaction> out = new ArrayList<>();
        queries.forEach(new ReceiptFilter(store, register, from, to, null, null, null, null, null, null, null), out::add, n -> { });
        return out;
    }
}
