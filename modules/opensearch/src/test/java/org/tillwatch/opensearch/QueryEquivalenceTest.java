package org.tillwatch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.domain.model.CardScan;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.TransactionIndexReader;
import org.tillwatch.index.TransactionIndexWriter;
import org.tillwatch.index.query.Page;
import org.tillwatch.index.query.ReceiptFilter;
import org.tillwatch.index.query.ReceiptSearch;
import org.tillwatch.index.query.TransactionJson;
import org.tillwatch.index.store.LuceneTransactionQueries;
import org.tillwatch.index.store.TransactionQueries;

/** The same queries against the embedded Lucene index and OpenSearch, both holding the sample day: same answers. */
class QueryEquivalenceTest {
    @TempDir
    static Path data;

    static List<Transaction> day;
    static TransactionIndexReader luceneReader;
    static TransactionQueries lucene;
    static OpenSearchTransactionStore opensearch;

    @BeforeAll
    static void bothStoresHoldTheSampleDay() throws IOException {
        day = SampleDay.transactions();
        try (TransactionIndexWriter w = TransactionIndexWriter.open(data, SampleDay.HASHER)) {
            w.write(day);
        }
        luceneReader = TransactionIndexReader.open(data);
        lucene = LuceneTransactionQueries.over(luceneReader);
        opensearch = OpenSearchTransactionStore.open(List.of(URI.create(SharedNode.get().url())),
                new IndexLayout("equivalence-", 1, 0), SampleDay.HASHER);
        for (int i = 0; i < day.size(); i += 500) {
            BulkResult r = opensearch.index(day.subList(i, Math.min(day.size(), i + 500)));
            assertThat(r.failures()).isEmpty();
        }
        opensearch.refresh();
    }

    @AfterAll
    static void close() throws IOException {
        luceneReader.close();
        opensearch.close();
    }

    private static ReceiptFilter filter(String store, String register, Instant from, Instant to) {
        return new ReceiptFilter(store, register, from, to, null, null, null, null, null, null, null);
    }

    private static List<String> ids(List<Transaction> ts) {
        return ts.stream().map(t -> t.id().toString()).toList();
    }

    @Test
    void countsAgree() throws IOException {
        assertThat(lucene.count()).isEqualTo(day.size()).isGreaterThan(2000);
        assertThat(opensearch.count()).isEqualTo(lucene.count());
        for (ReceiptFilter f : organizerFilters()) assertThat(opensearch.count(f)).as(f.toString()).isEqualTo(lucene.count(f));
    }

    @Test
    void byCardAndDateAgree() throws IOException {
        Set<String> cards = new LinkedHashSet<>();
        for (Transaction t : day) for (CardScan c : t.cards()) cards.add(c.card());
        assertThat(cards).hasSizeGreaterThan(10);
        List<String> some = cards.stream().limit(60).toList();
        int withHits = 0;
        for (String card : some) {
            String hash = SampleDay.HASHER.hash(card);
            List<Transaction> l = lucene.byCardHash(hash, null);
            assertThat(opensearch.byCardHash(hash, null)).isEqualTo(l);
            LocalDate date = l.isEmpty() ? LocalDate.of(2026, 11, 20) : l.get(0).opened().toLocalDate();
            assertThat(ids(opensearch.byCardHash(hash, date))).isEqualTo(ids(lucene.byCardHash(hash, date)));
            assertThat(opensearch.byCardHash(hash, date.minusDays(3))).isEmpty();
            if (!l.isEmpty()) withHits++;
        }
        assertThat(withHits).isEqualTo(some.size());
    }

    @Test
    void storeRegisterAndTimeAgree() throws IOException {
        Transaction any = day.get(day.size() / 2);
        Instant from = any.closedAt().minusSeconds(3 * 3600);
        Instant to = any.closedAt().plusSeconds(3600);
        for (ReceiptFilter f : List.of(filter(any.store(), null, null, null), filter(any.store(), any.register().register(), null, null),
                filter(any.store(), null, from, to), filter(any.store(), any.register().register(), from, to))) {
            assertThat(opensearch.count(f)).as(f.toString()).isEqualTo(lucene.count(f)).isPositive();
            assertThat(ids(opensearch.newest(f, 50))).as(f.toString()).isEqualTo(ids(lucene.newest(f, 50)));
        }
    }

    @Test
    void oneTransactionIsTheSameRecord() throws IOException {
        for (Transaction t : List.of(day.get(0), day.get(day.size() / 3), day.get(day.size() - 1))) {
            String id = t.id().toString();
            assertThat(opensearch.get(id)).isPresent().isEqualTo(lucene.get(id));
        }
        assertThat(opensearch.get("ZZZZ/POS01/1/1/2026-11-20")).isEmpty();
        for (String store : List.of("AX1B", "KY9A", "NONE")) assertThat(opensearch.offsetOf(store)).isEqualTo(lucene.offsetOf(store));
    }

    @Test
    void organizerFiltersPagesAndOutcomeCountsAgree() throws IOException {
        for (ReceiptFilter f : organizerFilters()) {
            assertThat(opensearch.outcomeCounts(f)).as(f.toString()).isEqualTo(lucene.outcomeCounts(f));
            for (boolean newestFirst : List.of(false, true)) {
                Page o = opensearch.page(f, 7, 40, newestFirst);
                Page l = lucene.page(f, 7, 40, newestFirst);
                assertThat(o.total()).isEqualTo(l.total());
                assertThat(ids(o.transactions())).as(f + " newest first " + newestFirst).isEqualTo(ids(l.transactions()));
            }
        }
    }

    @Test
    void pagesDeeperThanTheResultWindowAreTheSame() throws IOException {
        OpenSearchQueries narrow = new OpenSearchQueries(opensearch.client(), opensearch.layout(), 150);
        for (boolean newestFirst : List.of(false, true)) {
            Page o = narrow.page(ReceiptFilter.all(), 1234, 60, newestFirst);
            assertThat(o.total()).isEqualTo(day.size());
            assertThat(ids(o.transactions())).hasSize(60).isEqualTo(ids(lucene.page(ReceiptFilter.all(), 1234, 60, newestFirst).transactions()));
        }
        assertThat(ids(narrow.page(ReceiptFilter.all(), day.size() - 5, 60, false).transactions())).hasSize(5);
    }

    @Test
    void pagingWithCursorsWalksTheSameReceipts() throws IOException {
        for (ReceiptFilter f : List.of(ReceiptFilter.all(), filter("AX1B", null, null, null))) {
            boolean newestFirst = f.store() != null;
            {
                List<String> o = walk(c -> opensearch.pageAfter(f, c, 250, newestFirst), opensearch.page(f, 0, 250, newestFirst));
                List<String> l = walk(c -> lucene.pageAfter(f, c, 250, newestFirst), lucene.page(f, 0, 250, newestFirst));
                assertThat(o).isEqualTo(l).hasSize((int) lucene.count(f)).doesNotHaveDuplicates();
            }
        }
    }

    private interface PageAfter {
        Page apply(ReceiptSearch.Cursor c) throws IOException;
    }

    private static List<String> walk(PageAfter next, Page first) throws IOException {
        List<String> out = new ArrayList<>(ids(first.transactions()));
        Page p = first;
        while (!p.transactions().isEmpty()) {
            p = next.apply(ReceiptSearch.Cursor.of(p.transactions().get(p.transactions().size() - 1)));
            out.addAll(ids(p.transactions()));
        }
        return out;
    }

    @Test
    void streamsAndRowsAgree() throws IOException {
        ReceiptFilter f = filter("KY9A", null, null, null);
        List<String> o = new ArrayList<>();
        List<String> l = new ArrayList<>();
        assertThat(opensearch.forEach(f, t -> o.add(t.id().toString()), n -> { })).isEqualTo(lucene.forEach(f, t -> l.add(t.id().toString()), n -> { }));
        assertThat(o).isEqualTo(l).isNotEmpty();
        Instant from = day.stream().map(Transaction::closedAt).min(Comparator.naturalOrder()).orElseThrow().plusSeconds(4 * 3600);
        assertThat(sorted(rows(opensearch, from))).isEqualTo(sorted(rows(lucene, from))).isNotEmpty();
        assertThat(sorted(loyalty(opensearch, from))).isEqualTo(sorted(loyalty(lucene, from))).isNotEmpty();
    }

    private static List<String> rows(TransactionQueries q, Instant from) throws IOException {
        List<String> out = new ArrayList<>();
        q.forEachReceipt(from, r -> out.add(r.toString()));
        return out;
    }

    private static List<String> loyalty(TransactionQueries q, Instant from) throws IOException {
        List<String> out = new ArrayList<>();
        q.forEachLoyalty(from, from.plusSeconds(6 * 3600), null, r -> out.add(r.toString()));
        q.forEachLoyalty(null, null, "AX1B", r -> out.add(r.toString()));
        return out;
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    @Test
    void noFullCardNumberIsStored() throws Exception {
        Set<String> cards = new LinkedHashSet<>();
        for (Transaction t : day) for (CardScan c : t.cards()) cards.add(c.card());
        String raw = new String(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(SharedNode.get().url() + "/equivalence-*/_search?size=10000&_source_excludes=source")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw).contains("\"" + SampleDay.HASHER.hash(cards.iterator().next()) + "\"");
        List<String> stored = new ArrayList<>();
        opensearch.forEach(ReceiptFilter.all(), t -> stored.add(TransactionJson.MAPPER.writeValueAsString(t)), n -> { });
        assertThat(stored).hasSize(day.size());
        String all = String.join("\n", stored);
        assertThat(all).contains(org.tillwatch.index.CardHasher.masked(cards.iterator().next()));
        for (String card : cards) {
            assertThat(raw).doesNotContain(card);
            assertThat(all).doesNotContain(card);
        }
    }

    private static List<ReceiptFilter> organizerFilters() {
        Transaction promo = day.stream().filter(t -> t.promoPositions() > 0).findFirst().orElseThrow();
        String outcome = day.stream().flatMap(t -> t.outcomeNames().stream()).filter(n -> !n.equals("Ok")).findFirst().orElseThrow();
        String tag = day.stream().flatMap(t -> t.tags().stream()).map(g -> g.tag()).findFirst().orElseThrow();
        Function<Integer, String> id = i -> day.get(i).id().toString();
        return List.of(ReceiptFilter.all(),
                new ReceiptFilter(promo.store(), null, null, null, null, null, null, null, true, null, null),
                new ReceiptFilter(null, null, null, null, null, EnumSet.of(ReceiptStatus.CANCELLED, ReceiptStatus.INCOMPLETE), null, null, null, null, null),
                new ReceiptFilter(null, null, null, null, null, null, outcome, null, null, null, null),
                new ReceiptFilter(null, null, null, null, null, null, null, tag, null, null, null),
                new ReceiptFilter(null, null, null, null, null, null, null, null, false, 50_000L, null),
                new ReceiptFilter(null, null, null, null, null, null, null, null, null, null, List.of(id.apply(1), id.apply(50), id.apply(900))));
    }
}
