package org.tillwatch.index.store;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import org.tillwatch.domain.model.Transaction;

/**
 * Where assembled transactions are stored: the embedded Lucene index or an OpenSearch cluster. A transaction written
 * twice (a replay, a retry after a crash) is stored once: its {@link org.tillwatch.domain.model.TransactionId} is the
 * document's identity.
 */
public interface TransactionWriter extends Closeable {
    /** Writes or overwrites every transaction of {@code batch}; returns once they are durable, or throws. */
    void write(List<Transaction> batch) throws IOException;
}
