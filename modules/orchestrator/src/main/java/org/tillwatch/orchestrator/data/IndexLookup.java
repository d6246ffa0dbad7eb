package org.tillwatch.orchestrator.data;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.Fields;
import org.tillwatch.index.TransactionIndexReader;

/** Transactions from the collector's near-real-time index (cards there are masked; lookups go by hash). */
public final class IndexLookup implements TransactionLookup {
    private interface Work<T> {
        T apply(TransactionIndexReader reader) throws IOException;
    }

    private final SearcherManager searchers;
    private final TransactionIndexReader fixed;

    private IndexLookup(SearcherManager searchers, TransactionIndexReader fixed) {
        this.searchers = searchers;
        this.fixed = fixed;
    }

    public static IndexLookup over(SearcherManager searchers) {
        return new IndexLookup(searchers, null);
    }

    /** Over an opened index the caller keeps and closes. */
    public static IndexLookup over(TransactionIndexReader reader) {
        return new IndexLookup(null, reader);
    }

    @Override
    public Optional<Transaction> byId(String id) throws IOException {
        return read(r -> r.get(id));
    }

    @Override
    public List<Transaction> byCardHash(String cardHash, LocalDate date) throws IOException {
        return read(r -> r.byCardHash(cardHash, date));
    }

    @Override
    public List<Transaction> byStore(String store, String register, Instant from, Instant to) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.STORE, store)), BooleanClause.Occur.FILTER);
        if (register != null) q.add(new TermQuery(new Term(Fields.REGISTER, register)), BooleanClause.Occur.FILTER);
        q.add(LongPoint.newRangeQuery(Fields.CLOSED_AT, from.toEpochMilli(), to.toEpochMilli() - 1), BooleanClause.Occur.FILTER);
        return read(r -> {
            List<Transaction> out = new java.util.ArrayList<>(r.search(q.build()));
            out.sort(Comparator.comparing(Transaction::closedAt));
            return out;
        });
    }

    private <T> T read(Work<T> work) throws IOException {
        if (fixed != null) return work.apply(fixed);
        IndexSearcher s = searchers.acquire();
        try {
            return work.apply(TransactionIndexReader.over((DirectoryReader) s.getIndexReader()));
        } finally {
            searchers.release(s);
        }
    }
}
