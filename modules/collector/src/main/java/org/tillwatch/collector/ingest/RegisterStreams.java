package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.tillwatch.domain.model.RegisterKey;

/** Every register stream the engine runs, by key, and what the status API reads of them. Thread-safe. */
final class RegisterStreams {
    private final Map<StreamKey, RegisterStream> streams = new ConcurrentHashMap<>();
    /** Bumped after every stream added: a {@link #busyProbe} looks for its register's missing streams only then. */
    private final AtomicInteger added = new AtomicInteger();

    RegisterStream get(StreamKey key) {
        return streams.get(key);
    }

    void put(RegisterStream s) {
        streams.put(s.key, s);
        added.incrementAndGet();
    }

    boolean contains(StreamKey key) {
        return streams.containsKey(key);
    }

    Collection<RegisterStream> all() {
        return streams.values();
    }

    /** The register's pushed stream, opened (once, however many pushes race) on the first push. */
    RegisterStream pushed(RegisterKey register, StreamOpener opener) throws IOException {
        StreamKey key = new StreamKey(StreamKey.Input.PUSH, register);
        RegisterStream s = streams.get(key);
        if (s == null) {
            synchronized (streams) {
                s = streams.get(key);
                if (s == null) {
                    s = opener.open(key, true);
                    put(s);
                }
            }
        }
        return s;
    }

    /** What a shipper should send next for a register: how many bytes the collector has. */
    long pushedOffset(RegisterKey register) {
        RegisterStream s = streams.get(new StreamKey(StreamKey.Input.PUSH, register));
        return s == null ? 0 : ((SpoolSegments) s.segments).length();
    }

    /** Streams waiting for an ingest thread. */
    int queued() {
        int n = 0;
        for (RegisterStream s : streams.values()) if (s.queued.get()) n++;
        return n;
    }

    /**
     * Tells whether the register has read work waiting or under way. Its streams are looked up when streams were
     * added since the last look, and kept once found: a stream is never replaced, and the alert engine asks for every
     * quiet register at each release.
     */
    BooleanSupplier busyProbe(RegisterKey register) {
        StreamKey tail = new StreamKey(StreamKey.Input.TAIL, register);
        StreamKey push = new StreamKey(StreamKey.Input.PUSH, register);
        return new BooleanSupplier() {
            private RegisterStream tailed;
            private RegisterStream pushed;
            private int looked = -1;

            @Override
            public boolean getAsBoolean() {
                int now = added.get();
                if ((tailed == null || pushed == null) && now != looked) {
                    looked = now;
                    if (tailed == null) tailed = streams.get(tail);
                    if (pushed == null) pushed = streams.get(push);
                }
                return busy(tailed) || busy(pushed);
            }
        };
    }

    private static boolean busy(RegisterStream s) {
        return s != null && (s.queued.get() || s.lock.isLocked());
    }

    int size() {
        return streams.size();
    }

    /** Every stream's figures (each consistent in itself). */
    List<StreamFigures> figures() {
        List<StreamFigures> out = new ArrayList<>(streams.size());
        for (RegisterStream s : streams.values()) {
            s.lock.lock();
            try {
                out.add(new StreamFigures(s.key, s.figures.snapshot(), s.figures.lastEvent, s.pipeline.position()));
            } finally {
                s.lock.unlock();
            }
        }
        return out;
    }
}
