package org.tillwatch.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The truth one register contributes, gathered while its log is written. Not thread-safe: one per register. */
final class RegisterTally {
    /** Hours covered by the hourly arrays: from the day before the simulated day, 00:00 UTC. */
    static final int HOURS = 72;

    final StoreProfile store;
    final String register;
    int closed;
    int incomplete;
    int loyalty;
    int failed;
    int malformed;
    final int[] hourLoyalty = new int[HOURS];
    final int[] hourFailed = new int[HOURS];
    final Map<String, Integer> outcomes = new HashMap<>();
    final Map<String, Integer> tags = new HashMap<>();
    final List<String> fullPans = new ArrayList<>();
    /** Receipts of sampled cards: card number and record. */
    final List<Map.Entry<String, ReceiptTruth>> cardReceipts = new ArrayList<>();
    final TransactionSample transactions;
    long bytes;

    RegisterTally(StoreProfile store, String register, int transactionLimit) {
        this.store = store;
        this.register = register;
        this.transactions = new TransactionSample(transactionLimit);
    }

    void outcome(String name) {
        outcomes.merge(name, 1, Integer::sum);
    }

    void tag(String tag) {
        tags.merge(tag, 1, Integer::sum);
    }

    void malformed(int lines) {
        malformed += lines;
    }
}
