package org.tillwatch.cli.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.tillwatch.cli.replay.CollectorClient.Accepted;
import org.tillwatch.cli.replay.CollectorClient.Conflict;
import org.tillwatch.cli.replay.CollectorClient.PushResult;
import org.tillwatch.cli.replay.CollectorClient.TooLarge;
import org.tillwatch.cli.replay.RegisterStream.Chunk;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.ingest.FleetLogTree;
import org.tillwatch.ingest.RegisterLogs;

/**
 * Pushes a fleet's log tree to a collector in log-time order.
 *
 * <p>Every register's stream is cut into chunks and the registers are merged by log time: the register whose next line
 * is oldest goes next, and its chunk runs on while its lines are less than one slice (1 s) newer than the oldest line
 * of every other register still to be accepted — the next line of an idle register or the first line of a chunk in
 * flight. So whenever a line is sent, every line of the other registers older than it by more than a slice has been
 * accepted, however the requests in flight overtake each other; and a register that logs alone is sent in big chunks.
 * At a set speed a chunk also spans at most one slice of log time, and waits for its log time to come round.
 *
 * <p>A single scheduler thread owns the streams; worker threads only send and report back.
 */
public final class Replayer {
    /** 409s in a row for one register without progress before giving up. */
    private static final int MAX_CONFLICTS = 5;

    private final ReplaySettings settings;
    private final PrintWriter out;
    private final long sliceMs;

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();

    private int chunkLimit;
    private long chunks;
    private long bytesSent;
    private long resyncs;
    private long firstLogTime = Long.MAX_VALUE;
    private long lastLogTime = Long.MIN_VALUE;

    public Replayer(ReplaySettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
        this.sliceMs = Math.max(1, settings.slice().toMillis());
        this.chunkLimit = settings.chunkBytes();
    }

    private static final class Reg {
        final RegisterKey key;
        final RegisterStream stream;
        final int files;
        long head;
        Chunk inFlight;
        long skipped;
        int conflicts;
        boolean done;

        Reg(RegisterKey key, RegisterStream stream, int files) {
            this.key = key;
            this.stream = stream;
            this.files = files;
        }
    }

    private sealed interface Event {
    }

    private record Done(Reg reg, PushResult result) implements Event {
    }

    private record Failed(Reg reg, RuntimeException error) implements Event {
    }

    public ReplayResult run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        FleetLogTree.Scan scan = FleetLogTree.scan(settings.logs());
        if (!scan.skipped().isEmpty()) {
            out.println("Skipped (not in the layout) / пропущено: " + scan.skipped());
            out.flush();
        }
        List<Reg> regs = new ArrayList<>();
        int files = 0;
        for (RegisterLogs logs : scan.registers()) {
            var zone = settings.registry().store(logs.key().store()).zone();
            regs.add(new Reg(logs.key(), new RegisterStream(logs.files(), zone, settings.chunkBytes()), logs.files().size()));
            files += logs.files().size();
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "replay-push-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CollectorClient client = new CollectorClient(settings.server(), settings.retries(), settings.backoff().toMillis(), settings.token());
        try {
            if (settings.resume()) resume(regs, client, pool);
            pump(regs, client, pool, started);
        } finally {
            pool.shutdownNow();
            client.close();
            for (Reg r : regs) r.stream.close();
        }
        long total = 0;
        long skipped = 0;
        for (Reg r : regs) {
            total += r.stream.position();
            skipped += r.skipped;
        }
        return new ReplayResult(regs.size(), files, total, bytesSent, skipped, chunks, client.retriesAfter503(),
                client.retriesAfterErrors(), resyncs, instant(firstLogTime), instant(lastLogTime),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Asks the collector what it has of every register and skips that much of each stream. */
    private void resume(List<Reg> regs, CollectorClient client, ExecutorService pool) throws IOException, InterruptedException {
        List<Future<Long>> offsets = new ArrayList<>();
        for (Reg r : regs) offsets.add(pool.submit(() -> client.offset(r.key)));
        for (int i = 0; i < regs.size(); i++) {
            long offset;
            try {
                offset = offsets.get(i).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new ReplayException(String.valueOf(e.getCause()));
            }
            Reg r = regs.get(i);
            long reached = r.stream.seek(offset);
            r.skipped = reached;
            if (reached < offset) {
                out.printf("Note / внимание: the collector has %d bytes of %s, more than its logs' %d: nothing to send%n",
                        offset, r.key, reached);
            }
        }
        out.flush();
    }

    private void pump(List<Reg> regs, CollectorClient client, ExecutorService pool, long started)
            throws IOException, InterruptedException {
        PriorityQueue<Reg> idle = new PriorityQueue<>(Comparator.comparingLong((Reg r) -> r.head).thenComparing(r -> r.key));
        for (Reg r : regs) enqueue(r, idle);
        List<Reg> busy = new ArrayList<>();
        long logStart = idle.stream().mapToLong(r -> r.head).filter(t -> t > LineTime.EARLIEST).min().orElse(LineTime.EARLIEST);
        long wallStart = System.nanoTime();
        long progressEvery = Math.max(1, settings.progressEvery().toNanos());
        long nextProgress = wallStart + progressEvery;
        while (true) {
            for (Event e; (e = events.poll()) != null; ) handle(e, idle, busy);
            if (idle.isEmpty() && busy.isEmpty()) return;
            long now = System.nanoTime();
            long wakeAt = nextProgress;
            long waitingFor = Long.MIN_VALUE;
            if (!idle.isEmpty() && busy.size() < settings.concurrency()) {
                Reg r = idle.poll();
                long floor = idle.isEmpty() ? LineTime.LATEST : idle.peek().head;
                for (Reg b : busy) floor = Math.min(floor, b.inFlight.startTime());
                long start = r.head;
                if (start < LineTime.plus(floor, sliceMs)) {
                    long due = now;
                    if (settings.paced() && start > logStart) {
                        // at most ~11 days ahead, so that nanoTime arithmetic cannot overflow
                        double delay = Math.min((start - logStart) * 1e6 / settings.speed(), 1e15);
                        due = wallStart + (long) delay;
                    }
                    if (due - now <= 0) {
                        long limit = LineTime.plus(settings.paced() ? Math.min(floor, start) : floor, sliceMs);
                        Chunk c = r.stream.nextChunk(chunkLimit, limit);
                        r.inFlight = c;
                        busy.add(r);
                        pool.execute(() -> push(r, c, client));
                        continue;
                    }
                    if (due - wakeAt < 0) wakeAt = due;
                    waitingFor = start;
                }
                idle.add(r);
            }
            if (now - nextProgress >= 0) {
                progress(regs, started, waitingFor, now);
                nextProgress = now + progressEvery;
                continue;
            }
            await(wakeAt);
        }
    }

    private void push(Reg r, Chunk c, CollectorClient client) {
        try {
            post(new Done(r, client.push(r.key, c.offset(), c.data(), c.file(), c.endsFile())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            post(new Failed(r, e));
        }
    }

    private void handle(Event e, PriorityQueue<Reg> idle, List<Reg> busy) throws IOException {
        if (e instanceof Failed f) throw f.error();
        Done d = (Done) e;
        Reg r = d.reg();
        Chunk c = r.inFlight;
        r.inFlight = null;
        busy.remove(r);
        switch (d.result()) {
            case Accepted a -> {
                chunks++;
                bytesSent += c.length();
                r.conflicts = 0;
                if (c.startTime() > LineTime.EARLIEST) firstLogTime = Math.min(firstLogTime, c.startTime());
                if (c.endTime() > LineTime.EARLIEST) lastLogTime = Math.max(lastLogTime, c.endTime());
                long position = r.stream.position();
                if (a.offset() > position) r.skipped += r.stream.seek(a.offset()) - position;
            }
            case Conflict conflict -> {
                resyncs++;
                if (++r.conflicts > MAX_CONFLICTS) {
                    throw new ReplayException("collector keeps answering 409 for " + r.key + " (expected offset "
                            + conflict.expected() + "): giving up");
                }
                out.printf("%s: the collector has %d bytes, not %d: re-sending from there / повтор с байта %d%n",
                        r.key, conflict.expected(), c.offset(), conflict.expected());
                out.flush();
                r.stream.unread(c);
                r.stream.seek(conflict.expected());
            }
            case TooLarge tooLarge -> {
                r.stream.unread(c);
                if (c.length() <= 1) throw new ReplayException("collector refuses even a 1-byte chunk for " + r.key + " (413)");
                int smaller = c.length() / 2;
                if (smaller < chunkLimit) {
                    chunkLimit = smaller;
                    out.printf("The collector refused %d bytes for %s (413): chunks now at most %d bytes%n", c.length(), r.key, chunkLimit);
                    out.flush();
                }
            }
        }
        enqueue(r, idle);
    }

    private static void enqueue(Reg r, PriorityQueue<Reg> idle) throws IOException {
        if (r.stream.hasMore()) {
            r.head = r.stream.headTime();
            idle.add(r);
        } else {
            r.done = true;
            r.stream.close();
        }
    }

    private void progress(List<Reg> regs, long started, long waitingFor, long now) {
        long done = regs.stream().filter(r -> r.done).count();
        double seconds = Math.max(1, now - started) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "Progress / ход: %d/%d registers done, %.1f MB sent in %d chunks (%.1f MB/s), log time %s",
                done, regs.size(), bytesSent / 1e6, chunks, bytesSent / 1e6 / seconds,
                lastLogTime == Long.MIN_VALUE ? "-" : instant(lastLogTime).truncatedTo(ChronoUnit.SECONDS)));
        if (waitingFor != Long.MIN_VALUE && waitingFor > LineTime.EARLIEST) {
            line.append(", waiting for log time / ждём ").append(instant(waitingFor).truncatedTo(ChronoUnit.SECONDS))
                    .append(" at speed ").append(speedText(settings.speed()));
        }
        out.println(line);
        out.flush();
    }

    static String speedText(double speed) {
        return Double.isInfinite(speed) ? "max" : speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }

    private void post(Event e) {
        events.add(e);
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await(long deadline) throws InterruptedException {
        lock.lock();
        try {
            long left;
            while (events.isEmpty() && (left = deadline - System.nanoTime()) > 0) arrived.awaitNanos(left);
        } finally {
            lock.unlock();
        }
    }

    private static Instant instant(long millis) {
        return millis == Long.MAX_VALUE || millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
    }
}
