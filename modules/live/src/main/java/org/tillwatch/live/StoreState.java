package org.tillwatch.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;

/** One store's rings (allocated on its first counted receipt) and its registers' last activity. Not thread-safe. */
final class StoreState {
    private final Store store;
    private final TreeMap<RegisterKey, Long> lastActivity = new TreeMap<>();
    private BucketRing[] rings;

    StoreState(Store store) {
        this.store = store;
    }

    void activity(RegisterKey register, long at) {
        lastActivity.merge(register, at, Math::max);
    }

    void add(List<WindowSpec> specs, long closedAt, long watermark, boolean loyalty, boolean failed, int[] errorIds) {
        if (rings == null) rings = rings(specs);
        for (BucketRing ring : rings) ring.add(closedAt, watermark, loyalty, failed, errorIds);
    }

    static BucketRing[] rings(List<WindowSpec> specs) {
        BucketRing[] out = new BucketRing[specs.size()];
        for (int i = 0; i < out.length; i++) out[i] = new BucketRing(specs.get(i));
        return out;
    }

    StoreStatus status(List<WindowSpec> specs, Figures figures, long watermark, Duration silence) {
        List<WindowFigures> windows = windows(specs, figures, watermark);
        long newest = Long.MIN_VALUE;
        for (long at : lastActivity.values()) newest = Math.max(newest, at);
        Instant last = lastActivity.isEmpty() ? null : Instant.ofEpochMilli(newest);
        return new StoreStatus(store.code(), store.registered(), openAt(watermark), windows, silent(watermark, silence), last);
    }

    /** {@code counted}: by outcome id, whether the sketch counts that error outcome. */
    StoreSketch sketch(List<WindowSpec> specs, boolean[] counted, long watermark) {
        int n = specs.size();
        long[] loyalty = new long[n], failed = new long[n], errors = new long[n];
        for (int i = 0; rings != null && i < n; i++) {
            long[] s = rings[i].sums(watermark, counted);
            loyalty[i] = s[0];
            failed[i] = s[1];
            errors[i] = s[2];
        }
        long newest = Long.MIN_VALUE, oldest = Long.MAX_VALUE;
        for (long at : lastActivity.values()) {
            newest = Math.max(newest, at);
            oldest = Math.min(oldest, at);
        }
        boolean none = lastActivity.isEmpty();
        return new StoreSketch(store.code(), loyalty, failed, errors, openAt(watermark),
                none ? null : Instant.ofEpochMilli(newest), none ? null : Instant.ofEpochMilli(oldest));
    }

    private List<WindowFigures> windows(List<WindowSpec> specs, Figures figures, long watermark) {
        List<WindowFigures> out = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) out.add(figures.of(specs.get(i), rings == null ? null : rings[i], watermark));
        return out;
    }

    List<SilentRegister> silent(long watermark, Duration silence) {
        if (!openAt(watermark)) return List.of();
        List<SilentRegister> out = new ArrayList<>();
        for (Map.Entry<RegisterKey, Long> e : lastActivity.entrySet()) {
            long quiet = watermark - e.getValue();
            if (quiet >= silence.toMillis()) {
                out.add(new SilentRegister(e.getKey(), Instant.ofEpochMilli(e.getValue()), Duration.ofMillis(quiet)));
            }
        }
        return out;
    }

    private boolean openAt(long watermark) {
        return watermark != Figures.NO_WATERMARK && OpeningHours.isOpen(store, Instant.ofEpochMilli(watermark));
    }

    void lastActivityInto(Map<RegisterKey, Instant> out) {
        lastActivity.forEach((r, t) -> out.put(r, Instant.ofEpochMilli(t)));
    }

    BucketRing ring(int i) {
        return rings == null ? null : rings[i];
    }

    Store store() {
        return store;
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(lastActivity.size());
        for (Map.Entry<RegisterKey, Long> e : lastActivity.entrySet()) {
            out.writeUTF(e.getKey().register());
            out.writeLong(e.getValue());
        }
        out.writeInt(rings == null ? -1 : rings.length);
        if (rings != null) for (BucketRing r : rings) r.write(out);
    }

    /** A state written by {@link #write}; its rings start afresh when they were written for other windows. */
    static StoreState read(Store store, List<WindowSpec> specs, java.io.DataInputStream in) throws java.io.IOException {
        StoreState s = new StoreState(store);
        int registers = in.readInt();
        for (int i = 0; i < registers; i++) s.lastActivity.put(new RegisterKey(store.code(), in.readUTF()), in.readLong());
        int n = in.readInt();
        if (n < 0) return s;
        BucketRing[] rings = new BucketRing[n];
        boolean same = n == specs.size();
        for (int i = 0; i < n; i++) {
            BucketRing r = BucketRing.read(specs.get(Math.min(i, specs.size() - 1)), in);
            if (r == null) same = false;
            rings[i] = r;
        }
        if (same) s.rings = rings;
        return s;
    }

    long slots() {
        long n = 0;
        if (rings != null) for (BucketRing r : rings) n += r.slots();
        return n;
    }

    long errorEntries() {
        long n = 0;
        if (rings != null) for (BucketRing r : rings) n += r.errorEntries();
        return n;
    }
}
