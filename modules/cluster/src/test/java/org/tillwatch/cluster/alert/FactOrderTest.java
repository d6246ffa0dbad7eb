package org.tillwatch.cluster.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tillwatch.cluster.Fact;
import org.tillwatch.domain.model.RegisterKey;

import static org.assertj.core.api.Assertions.assertThat;

class FactOrderTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private static Fact at(int partition, int seconds) {
        return Fact.activity(new RegisterKey("AX1B", "POS01"), T.plusSeconds(seconds), partition);
    }

    private static List<Integer> seconds(List<Fact> facts) {
        return facts.stream().map(f -> (int) Duration.between(T, f.at()).toSeconds()).toList();
    }

    private final java.util.Set<Integer> caughtUp = new java.util.HashSet<>();

    @Test
    void aFactWaitsUntilEveryBusyPartitionPassedItThenComesInEventOrder() {
        FactOrder order = new FactOrder(Duration.ofSeconds(30), 2);
        order.add(at(0, 10));
        order.add(at(0, 20));
        assertThat(order.ready((p, t, a) -> caughtUp.contains(p))).as("no partition has said how far it got").isEmpty();
        order.add(Fact.progress(0, T.plusSeconds(20), false, 5L, 0L));
        order.add(Fact.progress(1, T.plusSeconds(5), false, 1L, 0L));
        assertThat(order.ready((p, t, a) -> caughtUp.contains(p))).as("partition 1 is behind").isEmpty();
        order.add(at(1, 15));
        order.add(Fact.progress(1, T.plusSeconds(16), false, 2L, 0L));
        assertThat(seconds(order.ready((p, t, a) -> caughtUp.contains(p)))).containsExactly(10, 15);
        order.add(Fact.progress(1, T.plusSeconds(16), true, 2L, 0L));
        assertThat(order.ready((p, t, a) -> caughtUp.contains(p))).as("idle, but records of it are still unread").isEmpty();
        caughtUp.add(1);
        assertThat(seconds(order.ready((p, t, a) -> caughtUp.contains(p)))).as("idle and caught up: holds nothing back").containsExactly(20);
        assertThat(order.held()).isZero();
    }

    @Test
    void aPartitionNotHeardFromStopsHoldingAfterTheHold() throws InterruptedException {
        FactOrder order = new FactOrder(Duration.ofMillis(200), 2);
        order.add(Fact.progress(1, T, false, 0L, 0L));
        order.add(at(0, 10));
        order.add(Fact.progress(0, T.plusSeconds(10), false, 1L, 0L));
        assertThat(order.ready((p, t, a) -> caughtUp.contains(p))).isEmpty();
        Thread.sleep(300);
        assertThat(seconds(order.ready((p, t, a) -> caughtUp.contains(p)))).containsExactly(10);
    }

    /**
     * What broke DistributedFleetTest: an instance killed mid-day, its partition's task quiet past the hold while the
     * session timed out, the task moved and restored on a loaded machine; the leader released the other partitions'
     * later facts, and the moved task's receipts came late, after the rules had moved on past their windows.
     */
    @Test
    void aQuietPartitionWithUnreadRecordsHoldsTheOthersUntilItsNewOwnerReports() throws InterruptedException {
        FactOrder order = new FactOrder(Duration.ofMillis(200), 2);
        java.util.Set<Integer> drained = new java.util.HashSet<>();
        FactOrder.CaughtUp backlog = new FactOrder.CaughtUp() {
            @Override
            public boolean test(int partition, Long transactionsNext, Long activityNext) {
                return caughtUp.contains(partition);
            }

            @Override
            public boolean drained(int partition) {
                return drained.contains(partition);
            }
        };
        order.add(Fact.progress(1, T.plusSeconds(5), false, 3L, 0L));
        order.add(at(0, 10));
        order.add(at(0, 30));
        order.add(Fact.progress(0, T.plusSeconds(30), false, 9L, 0L));
        Thread.sleep(300);
        assertThat(order.ready(backlog)).as("partition 1 went quiet with records its group has not read: its task is moving").isEmpty();
        order.add(at(1, 20));
        order.add(Fact.progress(1, T.plusSeconds(25), false, 7L, 0L));
        assertThat(seconds(order.ready(backlog))).as("its new owner's receipts take their place in event order").containsExactly(10, 20);
        Thread.sleep(300);
        drained.add(1);
        assertThat(seconds(order.ready(backlog))).as("quiet, and nothing of it left unread: gone, not moving").containsExactly(30);
    }

    @Test
    void aQuietPartitionWithUnreadRecordsHoldsTheOthersNoLongerThanTenHolds() throws InterruptedException {
        FactOrder order = new FactOrder(Duration.ofMillis(50), 2);
        order.add(Fact.progress(1, T, false, 0L, 0L));
        order.add(at(0, 10));
        order.add(Fact.progress(0, T.plusSeconds(10), false, 1L, 0L));
        FactOrder.CaughtUp stuck = new FactOrder.CaughtUp() {
            @Override
            public boolean test(int partition, Long transactionsNext, Long activityNext) {
                return false;
            }

            @Override
            public boolean drained(int partition) {
                return false;
            }
        };
        Thread.sleep(100);
        assertThat(order.ready(stuck)).isEmpty();
        Thread.sleep(50L * FactOrder.GIVE_UP);
        assertThat(seconds(order.ready(stuck))).as("alerting does not wait for ever for a partition nobody reads").containsExactly(10);
    }
}
