package org.tillwatch.alerting;

import java.util.HashMap;
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

    /** store → {loyalty, failed}, a copy. */
    Map<String, long[]> snapshot() {
        Map<String, long[]> out = new HashMap<>();
        byStore.forEach((k, v) -> {
            synchronized (v) {
                out.put(k, v.clone());
            }
        });
        return out;
    }
}
