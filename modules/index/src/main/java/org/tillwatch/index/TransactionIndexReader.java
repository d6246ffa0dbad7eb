package org.tillwatch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.store.FSDirectory;
import org.tillwatch.domain.model.Transaction;

/** Read-only access to a data directory's transaction index; safe while a writer is working on it. */
public final class TransactionIndexReader implements Closeable {
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private TransactionIndexReader(DirectoryReader reader) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    /** Over a reader the caller owns (e.g. a near-real-time one): do not {@link #close()} this one. */

    /** Work on a reader of the index as a {@link org.apache.lucene.search.SearcherManager} sees it now. */
    public interface Work<T> {
        T apply(TransactionIndexReader reader) throws IOException;
    }

    /** Runs {@code work} on the manager's current searcher, released afterwards. */
    public static <T> T withCurrent(org.apache.lucene.search.SearcherManager searchers, Work<T> work) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return work.apply(over((DirectoryReader) s.getIndexReader()));
        } finally {
            searchers.release(s);
        }
    }
    public static TransactionIndexReader over(DirectoryReader reader) {
        return new TransactionIndexReader(reader);
    }

    public static TransactionIndexReader open(Path dataDir) throws IOException {
        Path dir = DataLayout.index(dataDir);
        if (!Files.isDirectory(dir) || !DirectoryReader.indexExists(FSDirectory.open(dir))) {
            throw new IOException("no index in " + dataDir + " (run 'tillwatch index' first)");
        }
        return new TransactionIndexReader(DirectoryReader.open(FSDirectory.open(dir)));
    }

    /** The searcher over this reader, for queries of {@code org.tillwatch.index.query}. */
    public IndexSearcher searcher() {
        return searcher;
    }

    /** Decodes the stored (redacted) transaction of a document. */
    public static Transaction decode(StoredFields fields, int doc) throws IOException {
        return TransactionCodec.decode(fields.document(doc).getBinaryValue(Fields.SOURCE).bytes);
    }

    public long count() {
        return reader.numDocs();
    }

    public Optional<Transaction> get(String id) throws IOException {
        List<Transaction> found = search(new TermQuery(new Term(Fields.ID, id)));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Transactions that presented the card (by its keyed hash), optionally on one store-local date, by close time. */
    public List<Transaction> byCardHash(String cardHash, LocalDate date) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.CARD_HASH, cardHash)), BooleanClause.Occur.FILTER);
        if (date != null) q.add(new TermQuery(new Term(Fields.DATE, date.toString())), BooleanClause.Occur.FILTER);
        List<Transaction> out = search(q.build());
        out.sort(Comparator.comparing(Transaction::closedAt).thenComparing(t -> t.id().toString()));
        return out;
    }

    /** Every transaction matching a query, decoded from its stored source. */
    public List<Transaction> search(Query query) throws IOException {
        List<Transaction> out = new ArrayList<>();
        forEachMatch(query, (ctx, doc) -> {
            try {
                StoredFields sf = ctx.reader().storedFields();
                out.add(TransactionCodec.decode(sf.document(doc).getBinaryValue(Fields.SOURCE).bytes));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return out;
    }

    /**
     * Visits loyalty transactions closed in {@code [from, to)} (null: unbounded), optionally of one store, from doc
     * values only: no stored document is read.
     */
    public void forEachLoyalty(Instant from, Instant to, String store, Consumer<LoyaltyFact> visitor) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.LOYALTY, "1")), BooleanClause.Occur.FILTER);
        if (from != null || to != null) {
            long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
            long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
            q.add(LongPoint.newRangeQuery(Fields.CLOSED_AT, lo, hi), BooleanClause.Occur.FILTER);
        }
        if (store != null) q.add(new TermQuery(new Term(Fields.STORE, store)), BooleanClause.Occur.FILTER);
        Weight w = searcher.createWeight(searcher.rewrite(q.build()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : reader.leaves()) {
            Scorer s = w.scorer(ctx);
            if (s == null) continue;
            SortedDocValues stores = ctx.reader().getSortedDocValues(Fields.STORE);
            NumericDocValues closed = ctx.reader().getNumericDocValues(Fields.CLOSED_AT);
            NumericDocValues failed = ctx.reader().getNumericDocValues(Fields.FAILED);
            DocIdSetIterator it = s.iterator();
            var live = ctx.reader().getLiveDocs();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) continue;
                stores.advanceExact(doc);
                closed.advanceExact(doc);
                failed.advanceExact(doc);
                visitor.accept(new LoyaltyFact(stores.lookupOrd(stores.ordValue()).utf8ToString(), closed.longValue(), failed.longValue() == 1));
            }
        }
    }

    /**
     * Visits every transaction closed at or after {@code from}, from doc values only: what live figures need to be
     * rebuilt after a restart.
     */
    public void forEachReceipt(Instant from, Consumer<ReceiptRow> visitor) throws IOException {
        Query q = LongPoint.newRangeQuery(Fields.CLOSED_AT, from.toEpochMilli(), Long.MAX_VALUE);
        Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : reader.leaves()) {
            Scorer s = w.scorer(ctx);
            if (s == null) continue;
            var r = ctx.reader();
            SortedDocValues stores = r.getSortedDocValues(Fields.STORE);
            SortedDocValues registers = r.getSortedDocValues(Fields.REGISTER);
            SortedDocValues status = r.getSortedDocValues(Fields.STATUS);
            NumericDocValues closed = r.getNumericDocValues(Fields.CLOSED_AT);
            NumericDocValues loyalty = r.getNumericDocValues(Fields.LOYALTY);
            NumericDocValues failed = r.getNumericDocValues(Fields.FAILED);
            SortedSetDocValues outcomes = r.getSortedSetDocValues(Fields.OUTCOME);
            var live = r.getLiveDocs();
            DocIdSetIterator it = s.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) continue;
                stores.advanceExact(doc);
                registers.advanceExact(doc);
                status.advanceExact(doc);
                closed.advanceExact(doc);
                loyalty.advanceExact(doc);
                failed.advanceExact(doc);
                List<String> names = new ArrayList<>();
                if (outcomes != null && outcomes.advanceExact(doc)) {
                    for (int i = 0; i < outcomes.docValueCount(); i++) names.add(outcomes.lookupOrd(outcomes.nextOrd()).utf8ToString());
                }
                visitor.accept(new ReceiptRow(stores.lookupOrd(stores.ordValue()).utf8ToString(),
                        registers.lookupOrd(registers.ordValue()).utf8ToString(), Instant.ofEpochMilli(closed.longValue()),
                        status.lookupOrd(status.ordValue()).utf8ToString(), loyalty.longValue() == 1, failed.longValue() == 1, names));
            }
        }
    }

    /** The newest {@code limit} transactions matching a query, newest close first. */
    public List<Transaction> newest(Query query, int limit) throws IOException {
        TopDocs top = searcher.search(query, limit, new Sort(new SortField(Fields.CLOSED_AT, SortField.Type.LONG, true)));
        List<Transaction> out = new ArrayList<>();
        StoredFields sf = searcher.storedFields();
        for (ScoreDoc d : top.scoreDocs) out.add(TransactionCodec.decode(sf.document(d.doc).getBinaryValue(Fields.SOURCE).bytes));
        return out;
    }

    /** How many transactions match a query. */
    public int count(Query query) throws IOException {
        return searcher.count(query);
    }

    private interface DocVisitor {
        void visit(LeafReaderContext ctx, int doc) throws IOException;
    }

    private void forEachMatch(Query query, DocVisitor visitor) throws IOException {
        Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : reader.leaves()) {
            Scorer s = w.scorer(ctx);
            if (s == null) continue;
            DocIdSetIterator it = s.iterator();
            var live = ctx.reader().getLiveDocs();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) visitor.visit(ctx, doc);
            }
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
