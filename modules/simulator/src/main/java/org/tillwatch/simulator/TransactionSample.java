package org.tillwatch.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the {@code limit} receipts with the smallest keys. Keys are random, and interesting receipts get
 * keys below 1 while plain ones get keys from 1, so the sample holds the interesting ones first. The result
 * depends only on the set of offers, not their order, so registers can be merged as they finish.
 */
final class TransactionSample {
    record Entry(double key, ReceiptTruth receipt) {
    }

    private static final Comparator<Entry> ORDER =
            Comparator.comparingDouble(Entry::key).thenComparing(e -> e.receipt().id());

    private final int limit;
    private final PriorityQueue<Entry> largestFirst;

    TransactionSample(int limit) {
        this.limit = limit;
        this.largestFirst = new PriorityQueue<>(Math.max(1, limit), ORDER.reversed());
    }

    /** Whether an offer with this key could be kept (so the record is worth building). */
    boolean wants(double key) {
        return limit > 0 && (largestFirst.size() < limit || key <= largestFirst.peek().key());
    }

    void offer(double key, ReceiptTruth receipt) {
        offer(new Entry(key, receipt));
    }

    private void offer(Entry e) {
        if (limit == 0) {
            return;
        }
        if (largestFirst.size() < limit) {
            largestFirst.add(e);
        } else if (ORDER.compare(e, largestFirst.peek()) < 0) {
            largestFirst.poll();
            largestFirst.add(e);
        }
    }

    void addAll(TransactionSample other) {
        for (Entry e : other.largestFirst) {
            offer(e);
        }
    }

    List<ReceiptTruth> receipts() {
        List<ReceiptTruth> out = new ArrayList<>();
        for (Entry e : largestFirst) {
            out.add(e.receipt());
        }
        return out;
    }
}
