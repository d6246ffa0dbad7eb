package org.tillwatch.ingest;

import java.io.IOException;

import org.tillwatch.domain.model.Transaction;

@FunctionalInterface
public interface TransactionSink {
    void accept(Transaction transaction) throws IOException;
}
