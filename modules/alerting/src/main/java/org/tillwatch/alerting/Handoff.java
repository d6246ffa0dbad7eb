package org.tillwatch.alerting;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs the engine's rounds (release, evaluate, save) on one thread at a time, without making anyone wait for them: an
 * ingest thread that finds a round under way leaves its facts (already queued in the event order) to the thread running
 * it and returns. The runner looks for such requests after each round, so none is left behind. A request with a budget
 * stops at it and leaves the rest to the next request or to the watch thread's unbounded one: an ingest thread runs
 * rounds while it holds the checkpoint barrier, and a backlog worked off there at once held commits still for seconds.
 */
final class Handoff {
    /**
     * One round: releases and evaluates until nothing is ready or the deadline passed, but always at least one batch;
     * true when nothing ready is left.
     */
    interface Round {
        boolean run(boolean all, long deadlineNanos);
    }

    private final ReentrantLock running = new ReentrantLock();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicBoolean everything = new AtomicBoolean();
    private final Round round;

    /** @param round one round; its argument says whether to release everything held back */
    Handoff(Round round) {
        this.round = round;
    }

    /** Runs rounds until no request is left, unless another thread is at it: then it is left to that thread. */
    void request(boolean all) {
        request(all, Long.MAX_VALUE);
    }

    /** The same, stopping after {@code budgetNanos}: what is left waits for the next request. */
    void request(boolean all, long budgetNanos) {
        if (all) everything.set(true);
        requests.incrementAndGet();
        long now = System.nanoTime();
        drain(budgetNanos == Long.MAX_VALUE || now + budgetNanos < now ? Long.MAX_VALUE : now + budgetNanos);
    }

    /** Runs a round, waiting for the thread at it if any: when this returns, every request made before was served. */
    void await(boolean all) {
        if (all) everything.set(true);
        requests.incrementAndGet();
        running.lock();
        try {
            run(Long.MAX_VALUE);
        } finally {
            running.unlock();
        }
        drain(Long.MAX_VALUE);
    }

    boolean busy() {
        return running.isLocked();
    }

    /** Runs rounds while requests are left; the first one whatever the deadline, so that a request is never just left. */
    private void drain(long deadline) {
        boolean first = true;
        while (requests.get() > 0 && (first || deadline == Long.MAX_VALUE || System.nanoTime() - deadline < 0) && running.tryLock()) {
            first = false;
            try {
                run(deadline);
            } finally {
                running.unlock();
            }
        }
    }

    private void run(long deadline) {
        requests.set(0);
        boolean all = everything.getAndSet(false);
        if (!round.run(all, deadline)) {
            if (all) everything.set(true);
            requests.incrementAndGet();
        }
    }
}
