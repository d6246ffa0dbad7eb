package org.tillwatch.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tillwatch.live.Fx.M5;
import static org.tillwatch.live.Fx.T;

/** A store's window sums are kept between reads: they must follow every count and every move of the window. */
class SummedWindowsTest {
    @Test
    void aStoreIsSummedAgainWhenItCountsOrItsWindowMoves() {
        LiveFigures live = Fx.live();
        live.receipt(Fx.loyalty("AX1B", T, true));
        WindowFigures first = Fx.window(live.store("AX1B"), M5);
        assertThat(first.loyalty()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);

        // a count at the same watermark
        live.receipt(Fx.loyalty("AX1B", T.minusSeconds(10), false));
        assertThat(Fx.window(live.store("AX1B"), M5).loyalty()).isEqualTo(2);

        // another store counting changes nothing here, though the watermark moves within the bucket
        live.receipt(Fx.errors("KY9A", T.plusMillis(300), "CardBlocked"));
        WindowFigures same = Fx.window(live.store("AX1B"), M5);
        assertThat(same.loyalty()).isEqualTo(2);
        assertThat(same.failed()).isEqualTo(1);

        // the window moves on with the watermark alone: the receipt ten seconds before T leaves it first, then T's
        live.activity(Fx.reg("KY9A", "POS01"), T.plus(M5).minusSeconds(5));
        WindowFigures moved = Fx.window(live.store("AX1B"), M5);
        assertThat(moved.loyalty()).isEqualTo(1);
        assertThat(moved.from()).isAfter(first.from());
        live.activity(Fx.reg("KY9A", "POS01"), T.plus(M5).plusSeconds(5));
        WindowFigures empty = Fx.window(live.store("AX1B"), M5);
        assertThat(empty.loyalty()).isZero();
        assertThat(empty.failed()).isZero();
        assertThat(live.stores()).filteredOn(s -> s.store().equals("AX1B")).singleElement()
                .satisfies(s -> assertThat(Fx.window(s, M5).loyalty()).isZero());
    }

    /** The ring's remembered sums against a full sum, over a random day of counts and reads at a rising watermark. */
    @Test
    void rememberedSumsEqualAFullSumWhateverTheOrder() {
        java.util.Random random = new java.util.Random(7);
        for (java.time.Duration w : LiveConfig.defaults().windows()) {
            WindowSpec spec = WindowSpec.of(w);
            BucketRing ring = new BucketRing(spec);
            long start = T.toEpochMilli();
            long wm = start;
            java.util.List<long[]> counted = new java.util.ArrayList<>(); // closedAt, loyalty, failed, error id or -1
            for (int step = 0; step < 3000; step++) {
                wm += random.nextInt(4) == 0 ? random.nextLong(w.toMillis() / 3) : random.nextLong(3000);
                if (random.nextInt(3) == 0) {
                    long at = wm - random.nextLong(Math.min(w.toMillis(), 600_000));
                    boolean loyalty = random.nextBoolean();
                    boolean failed = random.nextInt(4) == 0;
                    int id = random.nextInt(3) == 0 ? random.nextInt(5) : -1;
                    ring.add(at, wm, loyalty, failed, id < 0 ? new int[0] : new int[] {id});
                    counted.add(new long[] {at, loyalty ? 1 : 0, failed ? 1 : 0, id});
                }
                long[] errors = new long[5];
                long[] sums = ring.read(wm, errors);
                long[] expected = new long[2];
                long[] expectedErrors = new long[5];
                long from = spec.from(wm);
                long to = spec.to(wm);
                for (long[] c : counted) {
                    // what the ring kept: counted inside the window at the time of counting, and still inside it now
                    if (c[0] < from || c[0] >= to) continue;
                    expected[0] += c[1];
                    expected[1] += c[2];
                    if (c[3] >= 0) expectedErrors[(int) c[3]]++;
                }
                assertThat(sums).as("window %s at step %d", w, step).containsExactly(expected);
                assertThat(errors).as("window %s at step %d", w, step).containsExactly(expectedErrors);
                boolean[] asked = {true, false, true, false}; // id 4 lies past the end: not counted
                long expectedCounted = expectedErrors[0] + expectedErrors[2];
                assertThat(ring.sums(wm, asked)).as("window %s at step %d", w, step)
                        .containsExactly(expected[0], expected[1], expectedCounted);
                if (step % 250 == 0) ring = writtenAndRead(spec, ring); // a restart: the sums follow the restored buckets
            }
        }
    }

    private static BucketRing writtenAndRead(WindowSpec spec, BucketRing ring) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            ring.write(new java.io.DataOutputStream(bytes));
            return BucketRing.read(spec, new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
