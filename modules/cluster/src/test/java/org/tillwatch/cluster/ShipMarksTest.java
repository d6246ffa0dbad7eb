package org.tillwatch.cluster;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShipMarksTest {
    private final Map<String, byte[]> saved = new HashMap<>();

    @Test
    void theOldestRoundOfEveryRawPartitionWithTheRoundBeforeItAndTheOldestEntryHeldBack() {
        ShipMarks marks = new ShipMarks(saved::put);
        assertThat(marks.complete(0)).as("no shipper heard of").isEqualTo(ShipMarks.Complete.NONE);
        both(marks, "ship:a", 0, 2, 1000, null, 0);
        assertThat(marks.complete(0)).as("raw partition 1 not heard of yet: hold everything")
                .isEqualTo(new ShipMarks.Complete(Long.MIN_VALUE, Long.MIN_VALUE, null));
        both(marks, "ship:a", 1, 2, 1000, 500L, 0);
        both(marks, "ship:a", 0, 2, 2000, null, 0);
        assertThat(marks.complete(0)).isEqualTo(new ShipMarks.Complete(1000L, Long.MIN_VALUE, 500L));
        both(marks, "ship:a", 1, 2, 2000, null, 0);
        both(marks, "ship:a", 1, 2, 2000, null, 0); // the same mark again (a replay): the round before stays
        both(marks, "ship:a", 0, 2, 3000, null, 0);
        assertThat(marks.complete(0)).isEqualTo(new ShipMarks.Complete(2000L, 1000L, null));
        both(marks, "ship:a", 0, 2, 2500, null, 0); // older than what it said: ignored
        assertThat(marks.complete(0)).isEqualTo(new ShipMarks.Complete(2000L, 1000L, null));
    }

    @Test
    void everyShipperHeardLatelyCountsAndOneSilentForThirtySecondsNoLonger() {
        ShipMarks marks = new ShipMarks(saved::put);
        both(marks, "ship:a", 0, 1, 5000, null, 0);
        both(marks, "ship:a", 0, 1, 6000, null, 0);
        both(marks, "ship:b", 0, 1, 3000, null, 10_000);
        both(marks, "ship:b", 0, 1, 4000, 100L, 10_000);
        assertThat(marks.complete(10_000)).isEqualTo(new ShipMarks.Complete(4000L, 3000L, 100L));
        assertThat(marks.complete(31_000)).as("ship:a silent for 31 s").isEqualTo(new ShipMarks.Complete(4000L, 3000L, 100L));
        assertThat(marks.complete(41_000)).as("both silent").isEqualTo(ShipMarks.Complete.NONE);
        both(marks, "ship:a", 0, 1, 7000, null, 41_000);
        assertThat(marks.complete(41_000)).isEqualTo(new ShipMarks.Complete(7000L, 6000L, null));
    }

    /** Kafka Streams may read a task's activity partition ahead of its transactions partition: a round counts once marked on both. */
    @Test
    void aRoundCountsOnceItsMarkCameOnBothTopics() {
        ShipMarks marks = new ShipMarks(saved::put);
        both(marks, "ship:a", 0, 1, 1000, null, 0);
        both(marks, "ship:a", 0, 1, 2000, null, 0);
        marks.mark("ship:a", 0, 1, 3000, 50L, true, 0);
        marks.mark("ship:a", 0, 1, 4000, null, true, 0);
        assertThat(marks.complete(0)).as("round 3 only on the activity topic so far").isEqualTo(new ShipMarks.Complete(2000L, 1000L, null));
        marks.mark("ship:a", 0, 1, 3000, 50L, false, 0);
        assertThat(marks.complete(0)).isEqualTo(new ShipMarks.Complete(3000L, 2000L, 50L));
        marks.mark("ship:a", 0, 1, 4000, null, false, 0);
        assertThat(marks.complete(0)).isEqualTo(new ShipMarks.Complete(4000L, 3000L, null));
    }

    private static void both(ShipMarks marks, String source, int raw, int of, long epoch, Long floor, long now) {
        marks.mark(source, raw, of, epoch, floor, false, now);
        marks.mark(source, raw, of, epoch, floor, true, now);
    }

    @Test
    void aTaskMovedToAnotherInstanceRestoresWhatItHeard() {
        ShipMarks marks = new ShipMarks(saved::put);
        both(marks, "ship:a", 0, 2, 1000, null, 0);
        both(marks, "ship:a", 1, 2, 1000, 700L, 0);
        both(marks, "ship:a", 0, 2, 2000, null, 0);
        both(marks, "ship:a", 1, 2, 2000, 900L, 0);
        ShipMarks moved = new ShipMarks((k, v) -> {
        });
        saved.forEach(moved::restore);
        assertThat(moved.complete(1000)).isEqualTo(marks.complete(1000)).isEqualTo(new ShipMarks.Complete(2000L, 1000L, 900L));
    }
}
