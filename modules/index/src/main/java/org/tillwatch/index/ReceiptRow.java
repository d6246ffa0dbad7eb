package org.tillwatch.index;

import java.time.Instant;
import java.util.List;

/** A transaction as doc values hold it: enough to rebuild live figures without decoding stored documents. */
public record ReceiptRow(String store, String register, Instant closedAt, String status, boolean loyalty, boolean failed,
                         List<String> outcomes) {
    public ReceiptRow {
        outcomes = List.copyOf(outcomes);
    }
}
