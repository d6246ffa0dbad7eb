package org.tillwatch.index.query;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
        Sort sort = new Sort(new SortField(Fields.CLOSED_AT, SortField.Type.LONG, newestFirst), SortField.FIELD_DOC);
        TopDocs top = searcher.search(q, (int) Math.min(total, (long) offset + limit), sort);
        List<Transaction> out = new ArrayList<>();
        StoredFields sf = searcher.storedFields();
        for (int i = offset; i < top.scoreDocs.length; i++) out.add(TransactionIndexReader.decode(sf, top.scoreDocs[i].doc));
        return new Page(total, out);
    }

    /**
     * Every match, oldest close first. Only doc ids and close times are held in memory (12 bytes a match); documents
     * are decoded as they are visited. {@code progress} gets the number visited so far.
     */
    public long forEach(ReceiptFilter filter, Visitor visitor, LongConsumer progress) throws IOException {
        long[] keys = matches(filter.toQuery());
        StoredFields sf = searcher.storedFields();
        long n = 0;
        for (long key : keys) {
            visitor.accept(TransactionIndexReader.decode(sf, (int) (key & 0xffffffffL)));
            if (++n % 256 == 0) progress.accept(n);
        }
        progress.accept(n);
        return n;
    }

    /** Matches as (close time in seconds << 32 | doc id), sorted: a close-time order with no boxed objects. */
    private long[] matches(Query query) throws IOException {
        int total = searcher.count(query);
        long[] keys = new long[total];
        int n = 0;
        Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            Scorer s = w.scorer(ctx);
            if (s == null) continue;
            NumericDocValues closed = ctx.reader().getNumericDocValues(Fields.CLOSED_AT);
            var live = ctx.reader().getLiveDocs();
            DocIdSetIterator it = s.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) continue;
                long seconds = closed != null && closed.advanceExact(doc) ? closed.longValue() / 1000 : 0;
                if (n == keys.length) keys = Arrays.copyOf(keys, keys.length * 2 + 16);
                keys[n++] = (seconds << 32) | (ctx.docBase + doc);
            }
        }
        long[] out = Arrays.copyOf(keys, n);
        Arrays.sort(out);
        return out;
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
