package org.tillwatch.cli.organizer;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.query.FilterRequest;
import org.tillwatch.index.query.Page;
import org.tillwatch.index.query.ReceiptSearch;

/**
 * Where the organizer reads transactions: a local data directory (read-only) or a running collector. Both resolve a
 * {@link FilterRequest} the same way, so every command prints the same in both modes. A bad filter is an
 * {@link IllegalArgumentException} with the reason.
 */
interface Source extends Closeable {
    Page page(FilterRequest filter, int offset, int limit, boolean newestFirst) throws IOException;

    /** Every match, oldest close first; returns how many. */
    long forEach(FilterRequest filter, ReceiptSearch.Visitor visitor, LongConsumer progress) throws IOException;

    /** Receipts matching, and how many of them met each outcome. */
    OutcomeCounts outcomes(FilterRequest filter) throws IOException;

    default long count(FilterRequest filter) throws IOException {
        return page(filter, 0, 0, false).total();
    }

    default Optional<Transaction> receipt(String id) throws IOException {
        List<Transaction> found = page(Filters.ids(List.of(FilterRequest.validId(id))), 0, 1, false).transactions();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    record OutcomeCounts(long receipts, Map<String, Long> outcomes) {
        public OutcomeCounts {
            outcomes = Map.copyOf(outcomes);
        }
    }
}
