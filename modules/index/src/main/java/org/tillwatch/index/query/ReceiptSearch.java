package org.tillwatch.index.query;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IntroSorter;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.Fields;
import org.tillwatch.index.TransactionIndexReader;

/**
 * Support queries over a transaction index: a page of matches in close-time order, every match in that order
 * (decoded one at a time, so a month streams in bounded memory), outcome counts from doc values alone.
 */
public final class ReceiptSearch {
    /** Receives each transaction of a stream; may throw to stop. */
    public interface Visitor {
        void accept(Transaction t) throws IOException;
    }

    private final IndexSearcher searcher;

    public ReceiptSearch(TransactionIndexReader reader) {
        this.searcher = reader.searcher();
    }

    public long count(ReceiptFilter filter) throws IOException {
        return searcher.count(filter.toQuery());
    }

    /** Matches {@code offset .. offset+limit} by close time (oldest first unless {@code newestFirst}), with the total. */
    public Page page(ReceiptFilter filter, int offset, int limit, boolean newestFirst) throws IOException {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit must not be negative");
        Query q = filter.toQuery();
        long total = searcher.count(q);
        if (limit == 0 || offset >= total) return new Page(total, List.of());
        TopDocs top = searcher.search(q, (int) Math.min(total, (long) offset + limit), sort(newestFirst));
        return new Page(total, decode(top, offset));
    }

    /**
     * The page that follows {@code after} (the sort key of the previous page's last receipt): strictly after it, so
     * paging through a collector's index while it grows neither repeats nor skips what was already there.
     */
    public Page pageAfter(ReceiptFilter filter, Cursor after, int limit, boolean newestFirst) throws IOException {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative");
        Query q = filter.toQuery();
        long total = searcher.count(q);
        if (limit == 0 || total == 0) return new Page(total, List.of());
        // the last doc id: every receipt with the cursor's own key sorts at or before it, so none is repeated
        int last = searcher.getIndexReader().maxDoc() - 1;
        FieldDoc at = new FieldDoc(last, Float.NaN, new Object[] {after.closedAt(), new BytesRef(after.store()),
                new BytesRef(after.register()), last});
        return new Page(total, decode(searcher.searchAfter(at, q, limit, sort(newestFirst)), 0));
    }

    /** A page's position in close time, store, register order. */
    public record Cursor(long closedAt, String store, String register) {
        public Cursor {
            if (store == null || register == null) throw new IllegalArgumentException("a cursor needs store and register");
        }

        public static Cursor of(Transaction t) {
            return new Cursor(t.closedAt().toEpochMilli(), t.store(), t.register().register());
        }
    }

    /** Close time, then store and register: the same order on any index holding the same receipts. */
    private static Sort sort(boolean newestFirst) {
        return new Sort(new SortField(Fields.CLOSED_AT, SortField.Type.LONG, newestFirst),
                new SortField(Fields.STORE, SortField.Type.STRING, newestFirst),
                new SortField(Fields.REGISTER, SortField.Type.STRING, newestFirst), SortField.FIELD_DOC);
    }

    private List<Transaction> decode(TopDocs top, int from) throws IOException {
        List<Transaction> out = new ArrayList<>();
        StoredFields sf = searcher.storedFields();
        for (int i = from; i < top.scoreDocs.length; i++) out.add(TransactionIndexReader.decode(sf, top.scoreDocs[i].doc));
        return out;
    }

    /**
     * Every match, oldest close first, ties by id (the order {@link #page} gives, on any index holding the same
     * receipts). Only doc ids and close times are held in memory (12 bytes a match); documents are decoded as they
     * are visited. {@code progress} gets the number visited so far.
     */
    public long forEach(ReceiptFilter filter, Visitor visitor, LongConsumer progress) throws IOException {
        Matches m = matches(filter.toQuery());
        StoredFields sf = searcher.storedFields();
        List<Transaction> sameMilli = new ArrayList<>();
        long n = 0;
        for (int i = 0; i < m.size; i++) {
            sameMilli.add(TransactionIndexReader.decode(sf, m.docs[i]));
            if (i + 1 < m.size && m.closed[i + 1] == m.closed[i]) continue;
            if (sameMilli.size() > 1) sameMilli.sort(BY_ID);
            for (Transaction t : sameMilli) {
                visitor.accept(t);
                if (++n % 256 == 0) progress.accept(n);
            }
            sameMilli.clear();
        }
        progress.accept(n);
        return n;
    }

    private static final Comparator<Transaction> BY_ID = Comparator.comparing(t -> t.id().toString());

    /** Matching doc ids with their close times, sorted by close time then doc id, in two primitive arrays. */
    private static final class Matches {
        long[] closed = new long[16];
        int[] docs = new int[16];
        int size;

        void add(long at, int doc) {
            if (size == docs.length) {
                closed = Arrays.copyOf(closed, size * 2);
                docs = Arrays.copyOf(docs, size * 2);
            }
            closed[size] = at;
            docs[size++] = doc;
        }

        void sort() {
            new IntroSorter() {
                private long pivotClosed;
                private int pivotDoc;

                @Override
                protected void swap(int i, int j) {
                    long c = closed[i];
                    closed[i] = closed[j];
                    closed[j] = c;
                    int d = docs[i];
                    docs[i] = docs[j];
                    docs[j] = d;
                }

                @Override
                protected void setPivot(int i) {
                    pivotClosed = closed[i];
                    pivotDoc = docs[i];
                }

                @Override
                protected int comparePivot(int j) {
                    int c = Long.compare(pivotClosed, closed[j]);
                    return c != 0 ? c : Integer.compare(pivotDoc, docs[j]);
                }

                @Override
                protected int compare(int i, int j) {
                    int c = Long.compare(closed[i], closed[j]);
                    return c != 0 ? c : Integer.compare(docs[i], docs[j]);
                }
            }.sort(0, size);
        }
    }

    private Matches matches(Query query) throws IOException {
        Matches m = new Matches();
        Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            Scorer s = w.scorer(ctx);
            if (s == null) continue;
            NumericDocValues closed = ctx.reader().getNumericDocValues(Fields.CLOSED_AT);
            var live = ctx.reader().getLiveDocs();
            DocIdSetIterator it = s.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) continue;
                m.add(closed != null && closed.advanceExact(doc) ? closed.longValue() : 0, ctx.docBase + doc);
            }
        }
        m.sort();
        return m;
    }

    /**
     * How many matching transactions met each outcome (a receipt counts once per outcome it met), from doc values:
     * no stored document is read.
     */
    public Map<String, Long> outcomeCounts(ReceiptFilter filter) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        Weight w = searcher.createWeight(searcher.rewrite(filter.toQuery()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            Scorer s = w.scorer(ctx);
            SortedSetDocValues outcomes = ctx.reader().getSortedSetDocValues(Fields.OUTCOME);
            if (s == null || outcomes == null) continue;
            long[] perOrd = new long[(int) outcomes.getValueCount()];
            var live = ctx.reader().getLiveDocs();
            DocIdSetIterator it = s.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) continue;
                if (!outcomes.advanceExact(doc)) continue;
                for (int i = 0; i < outcomes.docValueCount(); i++) perOrd[(int) outcomes.nextOrd()]++;
            }
            for (int ord = 0; ord < perOrd.length; ord++) {
                if (perOrd[ord] > 0) counts.merge(outcomes.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
            }
        }
        return counts;
    }

    /** A store's UTC offset as its indexed transactions show it (local close time against the close instant). */
    public Optional<ZoneOffset> offsetOf(String store) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.STORE, store)), 1);
        if (top.scoreDocs.length == 0) return Optional.empty();
        ScoreDoc d = top.scoreDocs[0];
        Transaction t = TransactionIndexReader.decode(searcher.storedFields(), d.doc);
        long seconds = t.closed().toEpochSecond(ZoneOffset.UTC) - t.closedAt().getEpochSecond();
        return Optional.of(ZoneOffset.ofTotalSeconds((int) seconds));
    }
}
