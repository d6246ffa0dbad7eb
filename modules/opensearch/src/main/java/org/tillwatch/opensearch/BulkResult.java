package org.tillwatch.opensearch;

import java.util.List;

import org.tillwatch.domain.model.Transaction;

/**
 * What a bulk write did: how many transactions are stored, and which were not after every retry, each with
 * OpenSearch's reason (e.g. {@code mapper_parsing_exception: ...}): what an indexer parks in its dead-letter topic.
 */
public record BulkResult(int written, List<Failure> failures) {
    public BulkResult {
        if (written < 0) throw new IllegalArgumentException("written must not be negative");
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    /** A transaction OpenSearch refused, the HTTP status of its bulk item and the reason. */
    public record Failure(Transaction transaction, int status, String reason) {
        public Failure {
            if (transaction == null || reason == null) throw new IllegalArgumentException("a failure names its transaction and reason");
        }
    }
}
