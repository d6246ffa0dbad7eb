package org.tillwatch.domain.tally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.MalformedLine;

/**
 * The figures of an ingest: per-store receipts, loyalty, failed, incomplete; outcomes of every request that got
 * one (in receipts or between them); tags; malformed lines with a bounded sample. Thread-safe.
 */
public final class FleetTally implements AssemblyListener {
    private final int sampleLimit;
    private final Map<String, long[]> stores = new TreeMap<>();
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<String, Long> tags = new TreeMap<>();
    private final List<MalformedLine> malformedSample = new ArrayList<>();
    private long malformed;

    public FleetTally(int sampleLimit) {
        this.sampleLimit = sampleLimit;
    }

    @Override
    public synchronized void transaction(Transaction t) {
        long[] s = stores.computeIfAbsent(t.store(), k -> new long[4]);
        if (t.status().closed()) s[0]++; else s[3]++;
        if (t.loyalty()) s[1]++;
        if (t.failed()) s[2]++;
        for (LoyaltyRequest r : t.requests()) outcomes.merge(r.outcome().name(), 1L, Long::sum);
        for (TagEvent tag : t.tags()) tags.merge(tag.tag(), 1L, Long::sum);
    }

    @Override
    public synchronized void registerRequest(RegisterKey register, LoyaltyRequest request) {
        outcomes.merge(request.outcome().name(), 1L, Long::sum);
    }

    @Override
    public synchronized void registerTag(RegisterKey register, TagEvent tag) {
        tags.merge(tag.tag(), 1L, Long::sum);
    }

    public synchronized void malformed(MalformedLine line) {
        malformed++;
        if (malformedSample.size() < sampleLimit) malformedSample.add(line);
    }

    /** Makes a store appear in the figures even with no receipts (a register that only wrote noise). */
    public synchronized void touchStore(String store) {
        stores.computeIfAbsent(store, k -> new long[4]);
    }

    public synchronized Map<String, StoreFigures> stores() {
        Map<String, StoreFigures> out = new TreeMap<>();
        stores.forEach((k, v) -> out.put(k, new StoreFigures(v[0], v[1], v[2], v[3])));
        return Collections.unmodifiableMap(out);
    }

    public synchronized StoreFigures chain() {
        return stores().values().stream().reduce(StoreFigures.ZERO, StoreFigures::plus);
    }

    public synchronized Map<String, Long> outcomes() {
        return Collections.unmodifiableMap(new TreeMap<>(outcomes));
    }

    public synchronized Map<String, Long> tags() {
        return Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public synchronized long malformedLines() {
        return malformed;
    }

    public synchronized List<MalformedLine> malformedSample() {
        return List.copyOf(malformedSample);
    }
}
