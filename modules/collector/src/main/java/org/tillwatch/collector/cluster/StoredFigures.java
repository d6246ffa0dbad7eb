package org.tillwatch.collector.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tillwatch.collector.ingest.RegisterFigures;
import org.tillwatch.collector.ingest.StreamFigures;
import org.tillwatch.collector.ingest.StreamKey;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.index.ReceiptRow;
import org.tillwatch.index.store.TransactionQueries;

/**
 * Distributed mode's "everything ingested": counted from the stored transactions (every instance sees the same
 * store) plus the malformed lines of the whole cluster, cached for {@code maxAgeMillis}. Outcomes and tags count
 * what receipts carry (requests and tags between receipts are not stored as transactions).
 */
final class StoredFigures {
    private final TransactionQueries queries;
    private final MalformedTally malformed;
    private final long maxAgeMillis;
    private List<StreamFigures> cached;
    private long cachedAt;

    StoredFigures(TransactionQueries queries, MalformedTally malformed, long maxAgeMillis) {
        this.queries = queries;
        this.malformed = malformed;
        this.maxAgeMillis = maxAgeMillis;
    }

    synchronized List<StreamFigures> get() {
        long now = System.currentTimeMillis();
        if (cached != null && now - cachedAt < maxAgeMillis) return cached;
        Map<RegisterKey, Counts> regs = new TreeMap<>();
        try {
            queries.forEachReceipt(Instant.EPOCH, row -> regs.computeIfAbsent(new RegisterKey(row.store(), row.register()),
                    k -> new Counts()).add(row));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        malformed.byRegister().forEach((k, n) -> regs.computeIfAbsent(k, x -> new Counts()).malformed = n);
        List<StreamFigures> out = new ArrayList<>(regs.size());
        regs.forEach((k, c) -> out.add(new StreamFigures(new StreamKey(StreamKey.Input.PUSH, k), new RegisterFigures.Snapshot(
                c.receipts, c.loyalty, c.failed, c.incomplete, c.malformed, c.outcomes, Map.of(),
                c.last == null ? null : c.last.toString(), 0), c.last, 0)));
        cached = out;
        cachedAt = now;
        return out;
    }

    private static final class Counts {
        long receipts;
        long loyalty;
        long failed;
        long incomplete;
        long malformed;
        Instant last;
        final Map<String, Long> outcomes = new TreeMap<>();

        void add(ReceiptRow r) {
            if ("INCOMPLETE".equals(r.status())) incomplete++; else receipts++;
            if (r.loyalty()) loyalty++;
            if (r.failed()) failed++;
            for (String o : r.outcomes()) outcomes.merge(o, 1L, Long::sum);
            if (last == null || r.closedAt().isAfter(last)) last = r.closedAt();
        }
    }
}
