package org.tillwatch.alerting;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.tillwatch.live.ReceiptFact;

/** Loyalty and failed transactions per store since start: what incidents' impact is counted from. */
final class Totals {
    private final Map<String, long[]> byStore = new ConcurrentHashMap<>();

    void count(ReceiptFact f) {
        if (!f.loyaltyTransaction()) return;
        long[] t = byStore.computeIfAbsent(f.store(), s -> new long[2]);
        synchronized (t) {
            t[0]++;
            if (f.failed()) t[1]++;
        }
    }

    /**
     * store → {loyalty, failed}, each copied when asked for: an evaluation asks for the few stores of open incidents,
     * and copying every store's totals at each one made a failure cost as many stores as the fleet has. Only
     * {@code get}, {@code getOrDefault} and {@code containsKey} are offered.
     */
    Map<String, long[]> view() {
        return new java.util.AbstractMap<>() {
            @Override
            public long[] get(Object store) {
                long[] t = byStore.get(store);
                if (t == null) return null;
                synchronized (t) {
                    return t.clone();
                }
            }

            @Override
            public boolean containsKey(Object store) {
                return byStore.containsKey(store);
            }

            @Override
            public java.util.Set<Map.Entry<String, long[]>> entrySet() {
                throw new UnsupportedOperationException("asked store by store");
            }
        };
    }
}
