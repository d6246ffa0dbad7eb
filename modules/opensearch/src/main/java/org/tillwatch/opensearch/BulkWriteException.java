package org.tillwatch.opensearch;

import java.io.IOException;

/**
 * Thrown by {@link OpenSearchTransactionStore#write} when some transactions were refused after every retry; the
 * others are stored. {@link #result()} lists the refused ones with reasons, to be parked (dead-letter topic) so the
 * consumer can commit its offsets. Any other {@link IOException} from {@code write} means nothing is known to be
 * stored: do not commit, retry the batch (ids make that idempotent).
 */
public final class BulkWriteException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient BulkResult result;

    public BulkWriteException(BulkResult result) {
        super(result.failures().size() + " of " + (result.written() + result.failures().size())
                + " transactions refused by OpenSearch, e.g. " + result.failures().get(0).reason());
        this.result = result;
    }

    public BulkResult result() {
        return result;
    }
}
