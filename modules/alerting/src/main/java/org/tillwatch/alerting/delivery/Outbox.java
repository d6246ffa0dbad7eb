package org.tillwatch.alerting.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.alerting.state.Saved.Pending;

/**
 * Notices waiting for their channels. Each notifier has its own thread, so a slow or broken channel never holds up
 * another; it takes its notices in sequence order, and a failed delivery is retried with exponential backoff (up to
 * {@code maxBackoff}) until it succeeds: nothing is dropped. The owner persists {@link #snapshot()} after every change.
 */
public final class Outbox {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    /** Told of every delivery outcome, outside the outbox's lock. */
    public interface Listener {
        void delivered(String notifier, IncidentNotice notice, Duration took);

        void failed(String notifier, IncidentNotice notice, int failuresInARow, Exception error);
    }

    private final Object lock = new Object();
    private final LinkedHashMap<Long, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Thread> workers = new ConcurrentHashMap<>();
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Listener listener;
    private volatile boolean closed;

    public Outbox(List<Pending> restored, Duration firstBackoff, Duration maxBackoff, Listener listener) {
        for (Pending p : restored) pending.put(p.notice().sequence(), p);
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.listener = listener;
    }

    public void start(Notifier notifier) {
        Thread t = new Thread(() -> run(notifier), "alert-deliver-" + notifier.name());
        t.setDaemon(true);
        if (workers.putIfAbsent(notifier.name(), t) != null) throw new IllegalArgumentException("a notifier named " + notifier.name() + " is already registered");
        t.start();
    }

    public void add(IncidentNotice notice, List<String> to) {
        if (to.isEmpty()) return;
        synchronized (lock) {
            pending.put(notice.sequence(), new Pending(notice, to));
            lock.notifyAll();
        }
    }

    public List<Pending> snapshot() {
        synchronized (lock) {
            return new ArrayList<>(pending.values());
        }
    }

    /** Notices still waiting for this notifier. */
    public int waiting(String notifier) {
        synchronized (lock) {
            return (int) pending.values().stream().filter(p -> p.to().contains(notifier)).count();
        }
    }

    private IncidentNotice nextFor(String name) throws InterruptedException {
        synchronized (lock) {
            while (!closed) {
                for (Pending p : pending.values()) if (p.to().contains(name)) return p.notice();
                lock.wait();
            }
            return null;
        }
    }

    private void done(String name, IncidentNotice n) {
        synchronized (lock) {
            Pending p = pending.get(n.sequence());
            if (p == null) return;
            List<String> rest = new ArrayList<>(p.to());
            rest.remove(name);
            if (rest.isEmpty()) pending.remove(n.sequence());
            else pending.put(n.sequence(), new Pending(n, rest));
        }
    }

    private void run(Notifier notifier) {
        String name = notifier.name();
        int failures = 0;
        try {
            while (!closed) {
                IncidentNotice n = nextFor(name);
                if (n == null) return;
                long t0 = System.nanoTime();
                try {
                    notifier.deliver(n);
                    done(name, n);
                    failures = 0;
                    listener.delivered(name, n, Duration.ofNanos(System.nanoTime() - t0));
                } catch (Exception e) {
                    failures++;
                    LOG.log(Level.WARNING, "notifier " + name + " failed to deliver notice " + n.sequence() + " (" + n.type() + " "
                            + n.incident().id() + "), attempt " + failures + ": " + e);
                    listener.failed(name, n, failures, e);
                    long wait = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(20, failures - 1));
                    synchronized (lock) {
                        if (!closed) lock.wait(wait);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until nothing is pending for the started notifiers (tests, shutdown); false on timeout. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lock) {
                boolean busy = pending.values().stream().anyMatch(p -> p.to().stream().anyMatch(workers::containsKey));
                if (!busy) return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        for (Thread t : workers.values()) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
