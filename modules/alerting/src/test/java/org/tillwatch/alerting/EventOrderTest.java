package org.tillwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.RegisterKey;

/** The low watermark: the oldest progress among registers heard from lately or still being read. */
class EventOrderTest {
    private static final RegisterKey A = new RegisterKey("S001", "POS01");
    private static final RegisterKey B = new RegisterKey("S001", "POS02");
    private static final RegisterKey C = new RegisterKey("S002", "POS01");

    private static Instant at(int minute) {
        return Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * minute);
    }

    private static List<Integer> minutes(List<EventOrder.Fact> facts) {
        return facts.stream().map(f -> (int) ((f.at().getEpochSecond() - at(0).getEpochSecond()) / 60)).toList();
    }

    @Test
    void releasesUpToTheSlowestActiveRegisterInTimeOrder() {
        EventOrder order = new EventOrder(Duration.ofHours(1));
        order.add(A, at(5), null);
        order.add(B, at(2), null);
        order.add(C, at(9), null);
        assertThat(minutes(order.ready(false))).containsExactly(2);
        order.add(B, at(7), null);
        assertThat(minutes(order.ready(false))).containsExactly(5);
        order.add(A, at(8), null);
        order.add(B, at(12), null);
        assertThat(minutes(order.ready(false))).containsExactly(7, 8);
        // a fact older than a register's progress does not move it back
        order.add(A, at(1), null);
        assertThat(minutes(order.ready(false))).containsExactly(1);
        order.add(A, at(20), null);
        assertThat(minutes(order.ready(false))).containsExactly(9);
        assertThat(minutes(order.ready(true))).containsExactly(12, 20);
    }

    @Test
    void aQuietRegisterStopsHoldingBackUnlessItIsStillBeingRead() throws Exception {
        EventOrder order = new EventOrder(Duration.ofMillis(50));
        Set<RegisterKey> busy = new HashSet<>();
        order.busy(busy::contains);
        order.add(A, at(1), null);
        order.add(B, at(3), null);
        Thread.sleep(80);
        busy.add(A);
        order.add(C, at(10), null);
        assertThat(minutes(order.ready(false))).containsExactly(1);
        busy.clear();
        // A and B are quiet now: only C (heard from just now) holds the line
        assertThat(minutes(order.ready(false))).containsExactly(3, 10);
        order.add(B, at(11), null);
        order.add(C, at(12), null);
        assertThat(minutes(order.ready(false))).containsExactly(11);
        Thread.sleep(80);
        assertThat(minutes(order.ready(false))).containsExactly(12);
    }

    @Test
    void aRegisterWhoseReadingHasNotYieldedYetHoldsTheOthersBack() throws Exception {
        EventOrder order = new EventOrder(Duration.ofMillis(50));
        Set<RegisterKey> busy = new HashSet<>(Set.of(B));
        order.busy(busy::contains);
        order.expect(B);
        order.add(A, at(1), null);
        order.add(A, at(600), null);
        Thread.sleep(80);
        // A's whole day is read; B's stream is queued but has yielded nothing: its entries may be the oldest of all
        assertThat(order.ready(false)).isEmpty();
        order.add(B, at(2), null);
        assertThat(minutes(order.ready(false))).containsExactly(1, 2);
        busy.clear();
        Thread.sleep(80);
        assertThat(minutes(order.ready(false))).containsExactly(600);
        // a register expected but never heard from stops holding back once it is quiet and no longer being read
        order.expect(C);
        order.add(A, at(700), null);
        assertThat(order.ready(false)).isEmpty();
        Thread.sleep(80);
        assertThat(minutes(order.ready(false))).containsExactly(700);
    }

    @Test
    void beyondItsBoundTheOldestFactsGoOutAnyway() {
        EventOrder order = new EventOrder(Duration.ofHours(1), 3);
        order.expect(C);
        for (int m = 1; m <= 5; m++) order.add(A, at(m), null);
        assertThat(minutes(order.ready(false))).containsExactly(1, 2);
        assertThat(order.ready(false)).isEmpty();
    }
}
