package org.tillwatch.opensearch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.CardHasher;

/** Writes transactions with the bulk API, each as the document of its id in its day's index, with retries. */
final class BulkIndexer {
    private final OpenSearchClient client;
    private final IndexLayout layout;
    private final CardHasher hasher;
    private final RetryPolicy retry;

    BulkIndexer(OpenSearchClient client, IndexLayout layout, CardHasher hasher, RetryPolicy retry) {
        this.client = client;
        this.layout = layout;
        this.hasher = hasher;
        this.retry = retry;
    }

    BulkResult index(List<Transaction> batch) throws IOException {
        Map<String, Transaction> pending = new LinkedHashMap<>();
        for (Transaction t : batch) pending.put(t.id().toString(), t); // the last of duplicate ids wins, as in Lucene
        Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        pending.forEach((id, t) -> documents.put(id, TransactionDocument.of(t, hasher)));
        int written = 0;
        List<BulkResult.Failure> failures = new ArrayList<>();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            BulkResponse response = send(pending, documents, attempt);
            Map<String, Transaction> again = new LinkedHashMap<>();
            for (BulkResponseItem item : response.items()) {
                Transaction t = pending.get(item.id());
                if (t == null) continue;
                if (item.error() == null) {
                    written++;
                } else if (RetryPolicy.retryable(item.status()) && attempt + 1 < retry.attempts()) {
                    again.put(item.id(), t);
                } else {
                    failures.add(new BulkResult.Failure(t, item.status(), item.error().type() + ": " + item.error().reason()));
                }
            }
            if (!again.isEmpty()) pause(attempt);
            pending = again;
        }
        return new BulkResult(written, failures);
    }

    private BulkResponse send(Map<String, Transaction> pending, Map<String, Map<String, Object>> documents, int itemAttempt)
            throws IOException {
        List<BulkOperation> ops = new ArrayList<>(pending.size());
        pending.forEach((id, t) -> ops.add(BulkOperation.of(o -> o.index(i -> i.index(layout.indexFor(t.closedAt()))
                .id(id).document(documents.get(id))))));
        BulkRequest request = BulkRequest.of(b -> b.operations(ops));
        for (int attempt = itemAttempt; ; attempt++) {
            try {
                return client.bulk(request);
            } catch (OpenSearchException e) {
                if (!RetryPolicy.retryable(e.status()) || attempt + 1 >= retry.attempts()) {
                    throw new IOException("OpenSearch refused the bulk request: " + e.getMessage(), e);
                }
            } catch (IOException e) {
                if (attempt + 1 >= retry.attempts()) throw new IOException("OpenSearch unreachable: " + e.getMessage(), e);
            }
            pause(attempt);
        }
    }

    private void pause(int attempt) throws InterruptedIOException {
        try {
            Thread.sleep(retry.backoff(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while backing off a bulk retry");
        }
    }
}
