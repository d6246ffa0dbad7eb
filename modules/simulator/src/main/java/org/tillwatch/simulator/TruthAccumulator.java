package org.tillwatch.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Merges the registers' tallies as they finish. Every merge is a sum or a set union, and the result is sorted at
 * the end, so the truth does not depend on the order registers finish in.
 */
final class TruthAccumulator {
    private static final Comparator<ReceiptTruth> BY_CLOSE = Comparator.comparing(ReceiptTruth::closedUtc)
            .thenComparing(ReceiptTruth::id);

    private final SimulationConfig cfg;
    private final FleetPlan plan;
    private final Map<String, int[]> storeCounts = new HashMap<>();
    private final Map<String, int[][]> hourly = new HashMap<>();
    private final Map<String, Integer> outcomes = new HashMap<>();
    private final Map<String, Integer> tags = new HashMap<>();
    private final List<String> fullPans = new ArrayList<>();
    private final Map<String, List<ReceiptTruth>> cards = new HashMap<>();
    private final TransactionSample transactions;
    private int malformed;
    private long bytes;

    TruthAccumulator(SimulationConfig cfg, FleetPlan plan) {
        this.cfg = cfg;
        this.plan = plan;
        this.transactions = new TransactionSample(cfg.transactionSampleLimit());
        for (StoreProfile s : plan.stores()) {
            storeCounts.put(s.code(), new int[4]);
            hourly.put(s.code(), new int[2][RegisterTally.HOURS]);
        }
    }

    synchronized void merge(RegisterTally t) {
        int[] c = storeCounts.get(t.store.code());
        c[0] += t.closed;
        c[1] += t.loyalty;
        c[2] += t.failed;
        c[3] += t.incomplete;
        int[][] h = hourly.get(t.store.code());
        for (int i = 0; i < RegisterTally.HOURS; i++) {
            h[0][i] += t.hourLoyalty[i];
            h[1][i] += t.hourFailed[i];
        }
        t.outcomes.forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
        t.tags.forEach((k, v) -> tags.merge(k, v, Integer::sum));
        fullPans.addAll(t.fullPans);
        for (Map.Entry<String, ReceiptTruth> e : t.cardReceipts) {
            cards.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        transactions.addAll(t.transactions);
        malformed += t.malformed;
        bytes += t.bytes;
    }

    /** Uncompressed bytes of all register logs written so far. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized SimulationTruth finish() {
        SortedMap<String, StoreTruth> stores = new TreeMap<>();
        SortedMap<String, SortedMap<String, HourCount>> hours = new TreeMap<>();
        long base = TruthRecorder.hourBase(cfg.day());
        int receipts = 0;
        int incomplete = 0;
        for (StoreProfile s : plan.stores()) {
            int[] c = storeCounts.get(s.code());
            stores.put(s.code(), new StoreTruth(c[0], c[1], c[2], c[3], s.registers(), s.zone().getId(),
                    s.registered() ? null : Boolean.FALSE));
            receipts += c[0];
            incomplete += c[3];
            SortedMap<String, HourCount> perHour = new TreeMap<>();
            int[][] h = hourly.get(s.code());
            for (int i = 0; i < RegisterTally.HOURS; i++) {
                if (h[0][i] > 0) {
                    perHour.put(hourKey(base + i * 3_600_000L), new HourCount(h[0][i], h[1][i]));
                }
            }
            hours.put(s.code(), perHour);
        }
        SortedMap<String, List<ReceiptTruth>> cardMap = new TreeMap<>();
        cards.forEach((card, list) -> {
            List<ReceiptTruth> sorted = new ArrayList<>(list);
            sorted.sort(BY_CLOSE);
            cardMap.put(card, sorted);
        });
        SortedMap<String, ReceiptTruth> tx = new TreeMap<>();
        for (ReceiptTruth r : transactions.receipts()) {
            tx.put(r.id(), r);
        }
        List<String> pans = new ArrayList<>(new java.util.TreeSet<>(fullPans));
        return new SimulationTruth(cfg.day().toString(), stores, hours, new TreeMap<>(outcomes), new TreeMap<>(tags),
                malformed, receipts, incomplete, pans, plan.scenarios(), cardMap, tx);
    }

    private static String hourKey(long epochMilli) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMilli), ZoneOffset.UTC);
        return String.format("%sT%02d", t.toLocalDate(), t.getHour());
    }
}
