package org.tillwatch.index.query;

import java.util.List;

import org.tillwatch.domain.model.Transaction;

/** Part of a query's answer: {@code total} matches, of which {@code transactions} in close-time order. */
public record Page(long total, List<Transaction> transactions) {
    public Page {
        if (total < 0) throw new IllegalArgumentException("total must not be negative");
        transactions = List.copyOf(transactions);
    }
}
