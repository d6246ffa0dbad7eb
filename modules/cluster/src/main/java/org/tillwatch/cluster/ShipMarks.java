package org.tillwatch.cluster;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What one state task has heard of the shippers' marks ({@code ShipMark} of {@code modules/kafka}), as the assembly
 * forwards them to every activity partition: per shipper and raw partition, the latest round marked complete, the
 * one before it, and the oldest entry the assembly of that raw partition may still hold back. Since a mark follows,
 * in its partition of both topics, every fact of the bytes read before it, "every raw partition marked in round E"
 * means: every fact of every byte written before E is ahead of the task's next progress fact. Kafka Streams reads the
 * two topics of a task in timestamp order only as far as it knows of their records, so a round counts once its mark
 * came on both.
 * <p>
 * A shipper not heard from for {@link #SILENT} (wall clock) no longer counts: it stopped, and waiting for it would
 * stop alerting for good (the alert leader still holds back while its records are unread).
 */
public final class ShipMarks {
    static final Duration SILENT = Duration.ofSeconds(30);

    /** The task's word to the alert leader: all nulls when no shipper is heard from. */
    public record Complete(Long epoch, Long before, Long floor) {
        public static final Complete NONE = new Complete(null, null, null);
    }

    /**
     * One raw partition of one shipper: the latest round marked on the transactions and on the activity topic (each
     * with the assembly's floor then), and the round both had reached before the one both have now.
     */
    private record Entry(long onTransactions, long onActivity, long before, long floorTransactions, long floorActivity, int of, long heardMillis) {
        static final int BYTES = 6 * 8 + 4;

        long epoch() {
            return Math.min(onTransactions, onActivity);
        }

        long floor() {
            return onTransactions <= onActivity ? floorTransactions : floorActivity;
        }

        byte[] encode() {
            return ByteBuffer.allocate(BYTES).putLong(onTransactions).putLong(onActivity).putLong(before).putLong(floorTransactions)
                    .putLong(floorActivity).putInt(of).putLong(heardMillis).array();
        }

        static Entry decode(byte[] b) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new Entry(buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong(), buf.getInt(), buf.getLong());
        }
    }

    private final Map<String, Map<Integer, Entry>> bySource = new HashMap<>();
    private final BiConsumer<String, byte[]> save;

    /** @param save where a changed entry is written (key, bytes), e.g. a state store; restored with {@link #restore} */
    public ShipMarks(BiConsumer<String, byte[]> save) {
        this.save = save;
    }

    /** An entry saved before (a task moving between instances). */
    public void restore(String key, byte[] value) {
        int bar = key.lastIndexOf('|');
        if (bar < 0 || value == null || value.length != Entry.BYTES) return;
        bySource.computeIfAbsent(key.substring(0, bar), s -> new HashMap<>()).put(Integer.parseInt(key.substring(bar + 1)), Entry.decode(value));
    }

    /**
     * Raw partition {@code raw} (of {@code of}) of {@code source} was read completely in round {@code epoch}, says its
     * mark on the activity topic ({@code activity}) or on the transactions topic; {@code floor}: the oldest entry its
     * assembly may still hold back (epoch millis), or null for none. A round counts once its mark came on both.
     */
    public void mark(String source, int raw, int of, long epoch, Long floor, boolean activity, long nowMillis) {
        Map<Integer, Entry> parts = bySource.computeIfAbsent(source, s -> new HashMap<>());
        Entry old = parts.get(raw);
        if (old == null) old = new Entry(Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, of, nowMillis);
        long f = floor == null ? Long.MAX_VALUE : floor;
        long onT = old.onTransactions();
        long onA = old.onActivity();
        long floorT = old.floorTransactions();
        long floorA = old.floorActivity();
        if (activity && epoch >= onA) {
            onA = epoch;
            floorA = f;
        } else if (!activity && epoch >= onT) {
            onT = epoch;
            floorT = f;
        }
        long before = Math.min(onT, onA) > old.epoch() ? old.epoch() : old.before();
        Entry e = new Entry(onT, onA, before, floorT, floorA, of, nowMillis);
        parts.put(raw, e);
        save.accept(source + "|" + raw, e.encode());
    }

    /**
     * The oldest round every raw partition of every shipper heard lately was marked in, the oldest round marked before
     * those, and the oldest entry still held back. A shipper some of whose partitions this task has not heard of yet
     * holds everything back (Long.MIN_VALUE).
     */
    public Complete complete(long nowMillis) {
        Long epoch = null;
        Long before = null;
        long floor = Long.MAX_VALUE;
        for (Map<Integer, Entry> parts : bySource.values()) {
            long heard = parts.values().stream().mapToLong(Entry::heardMillis).max().orElse(Long.MIN_VALUE);
            if (nowMillis - heard > SILENT.toMillis()) continue;
            int of = parts.values().stream().mapToInt(Entry::of).max().orElse(0);
            long e = Long.MAX_VALUE;
            long b = Long.MAX_VALUE;
            for (int raw = 0; raw < of; raw++) {
                Entry x = parts.get(raw);
                if (x == null || x.epoch() == Long.MIN_VALUE) {
                    e = Long.MIN_VALUE;
                    b = Long.MIN_VALUE;
                    break;
                }
                e = Math.min(e, x.epoch());
                b = Math.min(b, x.before());
                floor = Math.min(floor, x.floor());
            }
            epoch = epoch == null ? e : Math.min(epoch, e);
            before = before == null ? b : Math.min(before, b);
        }
        if (epoch == null) return Complete.NONE;
        return new Complete(epoch, before, floor == Long.MAX_VALUE ? null : floor);
    }
}
