package org.tillwatch.alerting;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs the engine's rounds (release, evaluate, save) on one thread at a time, without making anyone wait for them: an
 * ingest thread that finds a round under way leaves its facts (already queued in the event order) to the thread running
 * it and returns. The runner looks for such requests after each round, so none is left behind.
 */
final class Handoff {
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicBoolean everything = new AtomicBoolean();
    private final Consumer<Boolean> round;

    /** @param round one round; its argument says whether to release everything held back */
    Handoff(Consumer<Boolean> round) {
        this.round = round;
    }

    /** Runs rounds until no request is left, unless another thread is at it: then it is left to that thread. */
    void request(boolean all) {
        if (all) everything.set(true);
        requests.incrementAndGet();
        drain();
    }

    /** Runs a round, waiting for the thread at it if any: when this returns, every request made before was served. */
    void await(boolean all) {
        if (all) everything.set(true);
        requests.incrementAndGet();
        running.lock();
        try {
            run();
        } finally {
            running.unlock();
        }
        drain();
    }

    boolean busy() {
        return running.isLocked();
    }

    private void drain() {
        while (requests.get() > 0 && running.tryLock()) {
            try {
                run();
            } finally {
                running.unlock();
            }
        }
    }

    private void run() {
        requests.set(0);
        round.accept(everything.getAndSet(false));
    }
}
