package org.tillwatch.opensearch;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.LoyaltyFact;
import org.tillwatch.index.ReceiptRow;
import org.tillwatch.index.query.Page;
import org.tillwatch.index.query.ReceiptFilter;
import org.tillwatch.index.query.ReceiptSearch;
import org.tillwatch.index.store.TransactionQueries;
import org.tillwatch.index.store.TransactionWriter;

/**
 * Transactions in OpenSearch (distributed mode): written with the bulk API into daily indices ({@link IndexLayout}),
 * document id = transaction id so a replay overwrites; read with the same queries as the embedded Lucene index.
 * Thread-safe; one per process is enough. {@link #open} installs the index template.
 *
 * <pre>{@code
 * try (var store = OpenSearchTransactionStore.open(config.cluster().opensearchUris(),
 *         IndexLayout.of(config.cluster().indexPrefix()), hasher)) {
 *     BulkResult r = store.index(batch);   // or store.write(batch): throws BulkWriteException listing refusals
 *     store.page(filter, 0, 100, false);
 * }
 * }</pre>
 */
public final class OpenSearchTransactionStore implements TransactionWriter, TransactionQueries {
    private final OpenSearchTransport transport;
    private final OpenSearchClient client;
    private final IndexLayout layout;
    private final BulkIndexer indexer;
    private final OpenSearchQueries queries;

    private OpenSearchTransactionStore(OpenSearchTransport transport, IndexLayout layout, CardHasher hasher, RetryPolicy retry) {
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
        this.layout = layout;
        this.indexer = new BulkIndexer(client, layout, hasher, retry);
        this.queries = new OpenSearchQueries(client, layout);
    }

    public static OpenSearchTransactionStore open(List<URI> hosts, IndexLayout layout, CardHasher hasher) throws IOException {
        return open(hosts, OpenSearchAccess.NONE, layout, hasher, RetryPolicy.defaults());
    }

    public static OpenSearchTransactionStore open(List<URI> hosts, IndexLayout layout, CardHasher hasher, RetryPolicy retry)
            throws IOException {
        return open(hosts, OpenSearchAccess.NONE, layout, hasher, retry);
    }

    public static OpenSearchTransactionStore open(List<URI> hosts, OpenSearchAccess access, IndexLayout layout, CardHasher hasher)
            throws IOException {
        return open(hosts, access, layout, hasher, RetryPolicy.defaults());
    }

    /**
     * Connects and installs the index template: the first request, so a wrong login ({@code 401}), an untrusted
     * certificate or an unreachable host fails here with a one-line reason naming the hosts.
     */
    public static OpenSearchTransactionStore open(List<URI> hosts, OpenSearchAccess access, IndexLayout layout, CardHasher hasher,
                                                  RetryPolicy retry) throws IOException {
        if (hosts == null || hosts.isEmpty()) throw new IllegalArgumentException("no OpenSearch hosts: set cluster.opensearch-hosts");
        OpenSearchTransactionStore store = new OpenSearchTransactionStore(Connection.transport(hosts, access), layout, hasher, retry);
        try {
            store.installTemplate();
        } catch (IOException | RuntimeException e) {
            store.close();
            throw Connection.explain(hosts, access, e);
        }
        return store;
    }

    private void installTemplate() throws IOException {
        try (Response r = client.generic().execute(Requests.builder().method("PUT")
                .endpoint("/_index_template/" + layout.templateName()).json(layout.template()).build())) {
            if (r.getStatus() == 401 || r.getStatus() == 403) throw new Connection.Refused(r.getStatus());
            if (r.getStatus() != 200) {
                throw new IOException("OpenSearch refused the index template (" + r.getStatus() + "): "
                        + r.getBody().map(b -> b.bodyAsString()).orElse(""));
            }
        }
    }

    /** Whether OpenSearch answers now (for readiness checks); never throws. */
    public boolean reachable() {
        try {
            return client.ping().value();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public IndexLayout layout() {
        return layout;
    }

    /** The client, for {@link IndexRetention} and operations tools. */
    public OpenSearchClient client() {
        return client;
    }

    /** Writes the batch, retrying as the {@link RetryPolicy} says; lists what was refused in the end. */
    public BulkResult index(List<Transaction> batch) throws IOException {
        if (batch.isEmpty()) return new BulkResult(0, List.of());
        return indexer.index(batch);
    }

    /** {@link TransactionWriter}: as {@link #index}, and throws {@link BulkWriteException} if anything was refused. */
    @Override
    public void write(List<Transaction> batch) throws IOException {
        BulkResult r = index(batch);
        if (!r.ok()) throw new BulkWriteException(r);
    }

    /** Makes everything written so far searchable now (OpenSearch does it every second by itself). */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(layout.pattern()));
    }

    @Override
    public long count() throws IOException {
        return queries.count();
    }

    @Override
    public Optional<Transaction> get(String id) throws IOException {
        return queries.get(id);
    }

    @Override
    public List<Transaction> byCardHash(String cardHash, LocalDate date) throws IOException {
        return queries.byCardHash(cardHash, date);
    }

    @Override
    public long count(ReceiptFilter filter) throws IOException {
        return queries.count(filter);
    }

    @Override
    public List<Transaction> newest(ReceiptFilter filter, int limit) throws IOException {
        return queries.newest(filter, limit);
    }

    @Override
    public Page page(ReceiptFilter filter, int offset, int limit, boolean newestFirst) throws IOException {
        return queries.page(filter, offset, limit, newestFirst);
    }

    @Override
    public Page pageAfter(ReceiptFilter filter, ReceiptSearch.Cursor after, int limit, boolean newestFirst) throws IOException {
        return queries.pageAfter(filter, after, limit, newestFirst);
    }

    @Override
    public long forEach(ReceiptFilter filter, ReceiptSearch.Visitor visitor, LongConsumer progress) throws IOException {
        return queries.forEach(filter, visitor, progress);
    }

    @Override
    public Map<String, Long> outcomeCounts(ReceiptFilter filter) throws IOException {
        return queries.outcomeCounts(filter);
    }

    @Override
    public Optional<ZoneOffset> offsetOf(String store) throws IOException {
        return queries.offsetOf(store);
    }

    @Override
    public void forEachLoyalty(Instant from, Instant to, String store, Consumer<LoyaltyFact> visitor) throws IOException {
        queries.forEachLoyalty(from, to, store, visitor);
    }

    @Override
    public void forEachReceipt(Instant from, Consumer<ReceiptRow> visitor) throws IOException {
        queries.forEachReceipt(from, visitor);
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
