package org.tillwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Regression: an ingest thread worked off a whole backlog of rounds while holding the checkpoint barrier. */
class HandoffTest {
    /** A backlog of {@code size} batches of about 5 ms each; a round stops at its deadline. */
    static final class Backlog implements Handoff.Round {
        final AtomicInteger left;
        final AtomicInteger calls = new AtomicInteger();

        Backlog(int size) {
            left = new AtomicInteger(size);
        }

        @Override
        public boolean run(boolean all, long deadline) {
            calls.incrementAndGet();
            while (left.get() > 0) {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
                while (System.nanoTime() < until) Thread.onSpinWait();
                left.decrementAndGet();
                if (left.get() > 0 && deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) return false;
            }
            return true;
        }
    }

    @Test
    void aRequestWithABudgetStopsAtItAndTheNextOneGoesOn() {
        Backlog backlog = new Backlog(40);
        Handoff handoff = new Handoff(backlog);
        long t0 = System.nanoTime();
        handoff.request(false, TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.MILLISECONDS.toNanos(150));
        int after = backlog.left.get();
        assertThat(after).isBetween(1, 39);
        handoff.request(false, TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(backlog.left.get()).isLessThan(after);
        handoff.request(false);
        assertThat(backlog.left.get()).isZero();
    }

    @Test
    void awaitWorksOffEverything() {
        Backlog backlog = new Backlog(10);
        Handoff handoff = new Handoff(backlog);
        handoff.request(false, 1);
        assertThat(backlog.left.get()).as("a request is served at least once, whatever its budget").isEqualTo(9);
        handoff.await(true);
        assertThat(backlog.left.get()).isZero();
    }
}
