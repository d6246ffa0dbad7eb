package org.tillwatch.opensearch;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.Pit;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.Fields;
import org.tillwatch.index.LoyaltyFact;
import org.tillwatch.index.ReceiptRow;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.index.query.Page;
import org.tillwatch.index.query.ReceiptFilter;
import org.tillwatch.index.query.ReceiptSearch;
import org.tillwatch.index.store.TransactionQueries;

/**
 * {@link TransactionQueries} over the daily indices: the same answers, in the same order, as the Lucene index.
 * Whole result sets are walked with {@code search_after} in batches over a point in time, never with deep
 * {@code from}.
 */
final class OpenSearchQueries implements TransactionQueries {
    private static final int BATCH = 1000;
    /** How long a scan's point in time lives between two batches. */
    private static final String KEEP_ALIVE = "2m";
    /** OpenSearch's default {@code index.max_result_window}: deeper pages are reached with {@code search_after}. */
    static final int WINDOW = 10_000;
    private static final String[] ROW_FIELDS = {Fields.STORE, Fields.REGISTER, Fields.CLOSED_AT, Fields.STATUS,
            Fields.LOYALTY, Fields.FAILED, Fields.OUTCOME};

    /** The stored transaction of a hit. */
    record Source(byte[] source) {
        Transaction decode() {
            return TransactionCodec.decode(source);
        }
    }

    /** What rebuilding figures needs of a hit. */
    record Row(String store, String register, @JsonProperty("closed_at") long closedAt, String status, boolean loyalty,
               boolean failed, List<String> outcome) {
        ReceiptRow toRow() {
            return new ReceiptRow(store, register, Instant.ofEpochMilli(closedAt), status, loyalty, failed,
                    outcome == null ? List.of() : outcome.stream().sorted().toList()); // Lucene's doc values order
        }
    }

    private final OpenSearchClient client;
    private final IndexLayout layout;

    private final int window;

    OpenSearchQueries(OpenSearchClient client, IndexLayout layout) {
        this(client, layout, WINDOW);
    }

    /** {@code window}: the deepest page read with from/size (tests make it small). */
    OpenSearchQueries(OpenSearchClient client, IndexLayout layout, int window) {
        this.client = client;
        this.layout = layout;
        this.window = window;
    }

    @Override
    public long count() throws IOException {
        return count(Query.of(q -> q.matchAll(m -> m)));
    }

    @Override
    public long count(ReceiptFilter filter) throws IOException {
        return count(FilterQueries.of(filter));
    }

    private long count(Query query) throws IOException {
        return client.count(c -> c.index(layout.pattern()).query(query)).count();
    }

    @Override
    public Optional<Transaction> get(String id) throws IOException {
        SearchResponse<Source> r = client.search(s -> s.index(layout.pattern()).query(FilterQueries.term(Fields.ID, id))
                .size(1).source(src -> src.filter(f -> f.includes(Fields.SOURCE))), Source.class);
        return r.hits().hits().stream().findFirst().map(h -> h.source().decode());
    }

    @Override
    public List<Transaction> byCardHash(String cardHash, LocalDate date) throws IOException {
        List<Query> clauses = new ArrayList<>(List.of(FilterQueries.term(Fields.CARD_HASH, cardHash)));
        if (date != null) clauses.add(FilterQueries.term(Fields.DATE, date.toString()));
        List<Transaction> out = new ArrayList<>();
        scan(FilterQueries.and(clauses), List.of(sort(Fields.CLOSED_AT, false), sort(Fields.ID, false)), Source.class,
                h -> out.add(h.source().decode()));
        return out;
    }

    @Override
    public List<Transaction> newest(ReceiptFilter filter, int limit) throws IOException {
        if (limit <= 0) return List.of();
        return transactions(search(FilterQueries.of(filter), order(true), 0, limit, null));
    }

    @Override
    public Page page(ReceiptFilter filter, int offset, int limit, boolean newestFirst) throws IOException {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit must not be negative");
        Query q = FilterQueries.of(filter);
        long total = count(q);
        if (limit == 0 || offset >= total) return new Page(total, List.of());
        if ((long) offset + limit <= window) return new Page(total, transactions(search(q, order(newestFirst), offset, limit, null)));
        return new Page(total, transactions(search(q, order(newestFirst), 0, limit, skip(q, order(newestFirst), offset))));
    }

    @Override
    public Page pageAfter(ReceiptFilter filter, ReceiptSearch.Cursor after, int limit, boolean newestFirst) throws IOException {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative");
        Query q = FilterQueries.of(filter);
        long total = count(q);
        if (limit == 0 || total == 0) return new Page(total, List.of());
        // An id past every real one in this order: all receipts with the cursor's own key are behind it.
        List<FieldValue> at = List.of(FieldValue.of(after.closedAt()), FieldValue.of(after.store()),
                FieldValue.of(after.register()), FieldValue.of(newestFirst ? "" : "\uffff"));
        return new Page(total, transactions(search(q, order(newestFirst), 0, limit, at)));
    }

    @Override
    public long forEach(ReceiptFilter filter, ReceiptSearch.Visitor visitor, LongConsumer progress) throws IOException {
        long[] n = {0};
        try {
            scan(FilterQueries.of(filter), List.of(sort(Fields.CLOSED_AT, false), sort(Fields.ID, false)), Source.class, h -> {
                try {
                    visitor.accept(h.source().decode());
                } catch (IOException e) {
                    throw new VisitorFailed(e);
                }
                if (++n[0] % 256 == 0) progress.accept(n[0]);
            });
        } catch (VisitorFailed e) {
            throw e.io;
        }
        progress.accept(n[0]);
        return n[0];
    }

    private static final class VisitorFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IOException io;

        VisitorFailed(IOException io) {
            super(io);
            this.io = io;
        }
    }

    @Override
    public Map<String, Long> outcomeCounts(ReceiptFilter filter) throws IOException {
        SearchResponse<Void> r = client.search(s -> s.index(layout.pattern()).query(FilterQueries.of(filter)).size(0)
                .aggregations("outcomes", a -> a.terms(t -> t.field(Fields.OUTCOME).size(10_000))), Void.class);
        Map<String, Long> counts = new TreeMap<>();
        if (r.aggregations().containsKey("outcomes")) {
            for (StringTermsBucket b : r.aggregations().get("outcomes").sterms().buckets().array()) counts.put(b.key(), b.docCount());
        }
        return counts;
    }

    @Override
    public Optional<ZoneOffset> offsetOf(String store) throws IOException {
        SearchResponse<Source> r = client.search(s -> s.index(layout.pattern()).query(FilterQueries.term(Fields.STORE, store))
                .size(1).source(src -> src.filter(f -> f.includes(Fields.SOURCE))), Source.class);
        return r.hits().hits().stream().findFirst().map(h -> {
            Transaction t = h.source().decode();
            long seconds = t.closed().toEpochSecond(ZoneOffset.UTC) - t.closedAt().getEpochSecond();
            return ZoneOffset.ofTotalSeconds((int) seconds);
        });
    }

    @Override
    public void forEachLoyalty(Instant from, Instant to, String store, Consumer<LoyaltyFact> visitor) throws IOException {
        List<Query> clauses = new ArrayList<>(List.of(Query.of(q -> q.term(t -> t.field(Fields.LOYALTY).value(FieldValue.of(true))))));
        if (from != null || to != null) {
            clauses.add(FilterQueries.closedBetween(from == null ? null : from.toEpochMilli(), to == null ? null : to.toEpochMilli()));
        }
        if (store != null) clauses.add(FilterQueries.term(Fields.STORE, store));
        scan(FilterQueries.and(clauses), List.of(sort(Fields.CLOSED_AT, false), sort(Fields.ID, false)), Row.class,
                h -> visitor.accept(new LoyaltyFact(h.source().store(), h.source().closedAt(), h.source().failed())));
    }

    @Override
    public void forEachReceipt(Instant from, Consumer<ReceiptRow> visitor) throws IOException {
        scan(FilterQueries.closedBetween(from.toEpochMilli(), null), List.of(sort(Fields.CLOSED_AT, false), sort(Fields.ID, false)),
                Row.class, h -> visitor.accept(h.source().toRow()));
    }

    /** Close time, store, register (as the Lucene index sorts), then id. */
    private static List<SortOptions> order(boolean newestFirst) {
        return List.of(sort(Fields.CLOSED_AT, newestFirst), sort(Fields.STORE, newestFirst), sort(Fields.REGISTER, newestFirst),
                sort(Fields.ID, newestFirst));
    }

    private static SortOptions sort(String field, boolean descending) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(descending ? SortOrder.Desc : SortOrder.Asc)));
    }

    private SearchResponse<Source> search(Query q, List<SortOptions> sort, int from, int size, List<FieldValue> after) throws IOException {
        SearchRequest.Builder b = new SearchRequest.Builder().index(layout.pattern()).query(q).sort(sort).size(size)
                .source(src -> src.filter(f -> f.includes(Fields.SOURCE))).trackTotalHits(t -> t.enabled(false));
        if (from > 0) b.from(from);
        if (after != null) b.searchAfter(after);
        return client.search(b.build(), Source.class);
    }

    /** The sort values of the {@code offset}-th match: walked in windows, reading sort values only. */
    private List<FieldValue> skip(Query q, List<SortOptions> sort, int offset) throws IOException {
        List<FieldValue> after = null;
        for (int left = offset; left > 0; ) {
            int size = Math.min(left, window);
            SearchRequest.Builder b = new SearchRequest.Builder().index(layout.pattern()).query(q).sort(sort).size(size)
                    .source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false));
            if (after != null) b.searchAfter(after);
            List<Hit<Void>> hits = client.search(b.build(), Void.class).hits().hits();
            if (hits.isEmpty()) break;
            after = hits.get(hits.size() - 1).sort();
            left -= hits.size();
        }
        return after;
    }

    private static List<Transaction> transactions(SearchResponse<Source> r) {
        return r.hits().hits().stream().map(h -> h.source().decode()).toList();
    }

    /**
     * Every hit of a query in {@code sort} order (which must end in a unique field), {@link #BATCH} at a time, all
     * from one point in time: what is indexed meanwhile is not seen, as with a Lucene reader.
     */
    private <T> void scan(Query q, List<SortOptions> sort, Class<T> type, Consumer<Hit<T>> visitor) throws IOException {
        String[] fields = type == Row.class ? ROW_FIELDS : new String[] {Fields.SOURCE};
        String pit;
        try {
            pit = client.createPit(p -> p.index(layout.pattern()).keepAlive(Time.of(t -> t.time(KEEP_ALIVE)))).pitId();
        } catch (OpenSearchException e) {
            if (count() == 0) return; // no daily index yet: OpenSearch makes no point in time over nothing
            throw e;
        }
        try {
            List<FieldValue> after = null;
            while (true) {
                SearchRequest.Builder b = new SearchRequest.Builder().pit(new Pit.Builder().id(pit).keepAlive(KEEP_ALIVE).build()).query(q).sort(sort)
                        .size(BATCH).source(src -> src.filter(f -> f.includes(List.of(fields)))).trackTotalHits(t -> t.enabled(false));
                if (after != null) b.searchAfter(after);
                List<Hit<T>> hits = client.search(b.build(), type).hits().hits();
                hits.forEach(visitor);
                if (hits.size() < BATCH) return;
                after = hits.get(hits.size() - 1).sort();
            }
        } finally {
            client.deletePit(d -> d.pitId(pit));
        }
    }
}
