package org.tillwatch.kafka;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.store.TransactionWriter;

/**
 * A TransactionWriter keeping transactions by id in memory (as a store would: a re-write overwrites), refusing those
 * {@code refuse} matches, or everything while {@link #down} is set.
 */
public final class CollectingWriter implements TransactionWriter {
    public final Map<String, Transaction> stored = new ConcurrentHashMap<>();
    public volatile boolean down;
    private final Predicate<Transaction> refuse;

    public CollectingWriter(Predicate<Transaction> refuse) {
        this.refuse = refuse;
    }

    @Override
    public void write(List<Transaction> batch) throws IOException {
        if (down) throw new IOException("store down");
        for (Transaction t : batch) {
            if (refuse.test(t)) throw new IOException("mapping rejected " + t.id());
        }
        for (Transaction t : batch) stored.put(t.id().toString(), t);
    }

    @Override
    public void close() {
    }
}
