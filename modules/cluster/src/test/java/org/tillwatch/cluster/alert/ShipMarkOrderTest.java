package org.tillwatch.cluster.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tillwatch.cluster.Fact;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert leader's order against what the pipeline delivers, deterministically (no machine load, no wall clock but
 * the hold): facts and progress facts as the state tasks write them to {@code P+alert-facts}, with the shipper's
 * marks where the pipeline has them. A fact that comes after the order already let out a later one is late: the rules
 * would have passed its instant. Facts are built from JSON, as the leader reads them.
 */
class ShipMarkOrderTest {
    private static final Instant T = Instant.parse("2026-11-20T07:00:00Z");
    /** Shipper rounds (epoch millis of the shipper's clock), one second apart. */
    private static final long E1 = 1_000, E2 = 2_000, E3 = 3_000, E4 = 4_000, E5 = 5_000;

    private final List<Fact> released = new ArrayList<>();
    private final List<String> late = new ArrayList<>();
    private boolean drained;
    private final FactOrder.CaughtUp backlog = new FactOrder.CaughtUp() {
        @Override
        public boolean test(int partition, Long transactionsNext, Long activityNext) {
            return true;
        }

        @Override
        public boolean drained(int partition) {
            return drained;
        }
    };

    /** A receipt of {@code register} at T + minutes, read in shipper round {@code epoch}, from transactions partition {@code p}. */
    private static Fact receipt(int p, String store, String register, int minutes, long epoch) {
        Instant at = T.plus(Duration.ofMinutes(minutes));
        return decode("{\"receipt\":{\"store\":\"" + store + "\",\"register\":\"" + register + "\",\"closedAt\":\"" + at
                + "\",\"closed\":true,\"loyalty\":true,\"failed\":false,\"errorOutcomes\":[],\"errorCritical\":[]},\"at\":\"" + at + "\",\"source\":" + p + ",\"epoch\":" + epoch + "}");
    }

    /** Partition {@code p}'s task got to T + minutes, with every raw partition marked in round {@code shipped} (after {@code before}). */
    private static Fact progress(int p, int minutes, long shipped, long before, Integer floorMinutes) {
        String floor = floorMinutes == null ? "" : ",\"floor\":\"" + T.plus(Duration.ofMinutes(floorMinutes)) + "\"";
        return decode("{\"partition\":" + p + ",\"at\":\"" + T.plus(Duration.ofMinutes(minutes)) + "\",\"idle\":false,\"transactionsNext\":1,"
                + "\"activityNext\":1,\"shipped\":" + shipped + ",\"shippedBefore\":" + before + floor + "}");
    }

    /** A progress fact of a task that has no word of the marks (it just took the partition over). */
    private static Fact progressWithoutMarks(int p, int minutes) {
        return decode("{\"partition\":" + p + ",\"at\":\"" + T.plus(Duration.ofMinutes(minutes)) + "\",\"idle\":false,\"transactionsNext\":1,\"activityNext\":1}");
    }

    private static Fact decode(String json) {
        return Fact.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private void deliver(FactOrder order, Fact f) {
        if (!f.isProgress()) {
            Instant seen = released.stream().map(Fact::at).max(Instant::compareTo).orElse(null);
            if (seen != null && f.at().isBefore(seen)) late.add(f.receipt().registerKey() + " " + f.at() + " after " + seen);
        }
        order.add(f);
        released.addAll(order.ready(backlog));
    }

    private static List<Integer> minutes(List<Fact> facts) {
        return facts.stream().map(f -> (int) Duration.between(T, f.at()).toMinutes()).toList();
    }

    /**
     * A register first seen late: URMY/POS03 starts writing mid-round; the round after reads it, after URMY/POS01's
     * later entries, on a partition whose task is slower than the other's. The partition's progress (the latest event
     * its task saw) passed POS03's first receipt before that receipt came.
     */
    @Test
    void aRegisterFirstSeenLateIsNotPassedBy() {
        FactOrder order = new FactOrder(Duration.ofSeconds(30), 2);
        // partition 0 (AX1B) runs ahead: rounds 1..3 read, marked complete up to round 3
        deliver(order, receipt(0, "AX1B", "POS01", 0, E1));
        deliver(order, receipt(0, "AX1B", "POS01", 10, E2));
        deliver(order, receipt(0, "AX1B", "POS01", 20, E3));
        deliver(order, progress(0, 20, E3, E2, null));
        // partition 1 (URMY): POS01's round-2 entry, then the task publishes its progress before POS03's first receipt
        deliver(order, receipt(1, "URMY", "POS01", 0, E1));
        deliver(order, progress(1, 0, E1, Long.MIN_VALUE, null));
        deliver(order, receipt(1, "URMY", "POS01", 12, E2));
        deliver(order, progress(1, 12, E1, Long.MIN_VALUE, null));
        deliver(order, receipt(1, "URMY", "POS03", 5, E2));
        deliver(order, progress(1, 12, E2, E1, null));
        deliver(order, receipt(1, "URMY", "POS01", 22, E3));
        deliver(order, receipt(1, "URMY", "POS03", 21, E3));
        deliver(order, progress(1, 22, E3, E2, null));
        assertThat(late).as("receipts that came after the order let out a later one").isEmpty();
        assertThat(minutes(released)).as("what was read before round 2 (the round before the oldest marked) is out").containsExactly(0, 0);
        // the shipper goes on: round 4 marked everywhere, so all read before round 3 is in
        deliver(order, progress(0, 20, E4, E3, null));
        deliver(order, progress(1, 22, E4, E3, null));
        assertThat(minutes(released)).containsExactly(0, 0, 5, 10, 12);
        deliver(order, progress(0, 20, E5, E4, null));
        deliver(order, progress(1, 22, E5, E4, null));
        assertThat(minutes(released)).containsExactly(0, 0, 5, 10, 12, 20, 21, 22);
        assertThat(late).isEmpty();
    }

    /**
     * One register far behind the others of its partition: URMY/POS02's receipt closed at 07:03, but its last entry
     * stays in the assembly (it is read once the next entry comes or the register goes quiet, seconds later on the
     * wall clock), while POS01 writes on to 07:40. The marks say how old the entry held back may be.
     */
    @Test
    void aRegisterLaggingItsPartitionIsWaitedFor() {
        FactOrder order = new FactOrder(Duration.ofSeconds(30), 1);
        deliver(order, receipt(0, "URMY", "POS01", 1, E1));
        deliver(order, receipt(0, "URMY", "POS02", 2, E1));
        deliver(order, receipt(0, "URMY", "POS01", 20, E2));
        deliver(order, progress(0, 20, E2, E1, 2));
        deliver(order, receipt(0, "URMY", "POS01", 30, E3));
        deliver(order, progress(0, 30, E3, E2, 2));
        deliver(order, receipt(0, "URMY", "POS01", 40, E4));
        deliver(order, progress(0, 40, E4, E3, 2));
        assertThat(minutes(released)).as("nothing past what POS02 may still send").containsExactly(1, 2);
        // POS02 went quiet: the assembly reads its last entry, the receipt of 07:03 comes, and the next mark has no floor
        deliver(order, receipt(0, "URMY", "POS02", 3, E4));
        deliver(order, progress(0, 40, E5, E4, null));
        assertThat(late).isEmpty();
        assertThat(minutes(released)).containsExactly(1, 2, 3, 20, 30);
    }

    /** An outage store writes nothing more: it holds nothing back, so its silence is seen as the others move on. */
    @Test
    void aSilentStoreHoldsNothingBack() {
        FactOrder order = new FactOrder(Duration.ofSeconds(30), 2);
        deliver(order, receipt(1, "KY9A", "POS01", 0, E1));
        deliver(order, progress(1, 0, E1, Long.MIN_VALUE, null));
        deliver(order, receipt(0, "AX1B", "POS01", 5, E1));
        deliver(order, receipt(0, "AX1B", "POS01", 30, E2));
        deliver(order, receipt(0, "AX1B", "POS01", 60, E3));
        deliver(order, progress(0, 60, E4, E3, null));
        assertThat(released).as("partition 1 has not said it read round 3").isEmpty();
        deliver(order, progress(1, 0, E4, E3, null));
        assertThat(minutes(released)).containsExactly(0, 5, 30);
        assertThat(late).isEmpty();
    }

    /**
     * A partition's task moves (an instance killed): its new owner's first progress facts have no word of the marks.
     * The partition still holds back at what it last said; and it stops holding only once its marks stopped advancing
     * for ten holds (the shipper is gone), even when nothing looks unread.
     */
    @Test
    void aMovedTaskKeepsItsPartitionsMarksAndAGoneShipperStopsHoldingAfterTheHold() throws InterruptedException {
        FactOrder order = new FactOrder(Duration.ofMillis(100), 2);
        deliver(order, receipt(0, "AX1B", "POS01", 0, E1));
        deliver(order, receipt(1, "URMY", "POS01", 1, E1));
        deliver(order, progress(1, 1, E2, E1, null));
        deliver(order, receipt(0, "AX1B", "POS01", 10, E2));
        deliver(order, receipt(0, "AX1B", "POS01", 20, E3));
        deliver(order, progress(0, 20, E4, E3, null));
        deliver(order, progressWithoutMarks(1, 30));
        assertThat(minutes(released)).as("partition 1 last said round 2, after round 1: what was read before round 1 only").isEmpty();
        deliver(order, receipt(1, "URMY", "POS01", 9, E2));
        deliver(order, progress(1, 9, E3, E2, null));
        assertThat(minutes(released)).containsExactly(0, 1);
        Thread.sleep(150);
        drained = true;
        assertThat(order.ready(backlog)).as("marks stopped for a hold; nothing looks unread, but after a kill that may be an open transaction").isEmpty();
        Thread.sleep(100L * FactOrder.GIVE_UP);
        released.addAll(order.ready(backlog));
        assertThat(minutes(released)).as("marks stopped for ten holds: the shipper is gone; the marks no longer decide").containsExactly(0, 1, 9, 10, 20);
        assertThat(late).isEmpty();
    }

    /** Every partition hears every raw partition's marks: one whose task has not yet (it just started) may be behind. */
    @Test
    void aPartitionThatHasNotHeardOfTheMarksYetHoldsOnceOthersHave() {
        FactOrder order = new FactOrder(Duration.ofSeconds(30), 2);
        deliver(order, receipt(0, "AX1B", "POS01", 0, E1));
        deliver(order, receipt(0, "AX1B", "POS01", 10, E2));
        deliver(order, progress(0, 10, E3, E2, null));
        deliver(order, receipt(1, "URMY", "POS01", 12, E2));
        deliver(order, progressWithoutMarks(1, 12));
        assertThat(released).as("partition 1's task has not heard of the marks: it may be behind").isEmpty();
        deliver(order, progress(1, 12, E3, E2, null));
        assertThat(minutes(released)).containsExactly(0);
        assertThat(late).isEmpty();
    }
}
