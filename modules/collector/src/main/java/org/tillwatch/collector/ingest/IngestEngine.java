package org.tillwatch.collector.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.assemble.RegisterAssembler;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.index.TransactionIndexWriter;

/**
 * Runs every register stream: reads new bytes (tailed files, pushed spool) on a pool of ingest threads, one thread
 * per stream at a time, and commits the index together with a checkpoint of every stream.
 *
 * <p>Exactly once: a commit stops ingestion for a moment (the write side of {@link #barrier}), takes every stream's
 * checkpoint, and prepares the index commit, so the commit holds exactly the transactions the checkpoint has counted.
 * After a crash, each stream goes back to its checkpoint and silently re-reads the few bytes its parser state needs.
 */
public final class IngestEngine implements Ingest, Closeable {
    private static final Logger LOG = Logger.getLogger(IngestEngine.class.getName());
    private static final int SLICE = 1 << 20;
    private static final long SLOW_PAUSE_NANOS = 1_000_000_000L;

    private final CollectorConfig config;
    private final StoreRegistry registry;
    private final TransactionIndexWriter writer;
    private final Path dataDir;
    private final IngestObserver observer;
    private final Supplier<Instant> watermark;
    private final CheckpointStore checkpoints;
    private final MalformedSamples samples;
    private final Map<StreamKey, RegisterStream> streams = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock barrier = new ReentrantReadWriteLock(true);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong pushedRead = new AtomicLong();
    private final AtomicLong droppedContinuation = new AtomicLong();
    private final BacklogLimit backlogLimit;
    private final DataDisk disk;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[SLICE]);
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private volatile boolean ready;
    private volatile boolean closed;
    private volatile Instant lastCommit;
    private volatile long lastCommitPauseNanos;
    private volatile long maxCommitPauseNanos;
    private volatile Throwable failure;
    private volatile long lastRefusalNanos = System.nanoTime();
    private long generation;

    public IngestEngine(CollectorConfig config, StoreRegistry registry, TransactionIndexWriter writer, Path dataDir,
                        IngestObserver observer, Supplier<Instant> watermark, MalformedSamples samples) throws IOException {
        this.config = config;
        this.registry = registry;
        this.writer = writer;
        this.dataDir = dataDir;
        this.observer = observer;
        this.watermark = watermark;
        this.samples = samples;
        this.checkpoints = new CheckpointStore(dataDir);
        this.workers = Executors.newFixedThreadPool(config.ingest().threads(), daemon("ingest"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("ingest-timer"));
        this.backlogLimit = new BacklogLimit(config.ingest().maxChunkBytes(), config.ingest().maxBacklogBytes(),
                config.ingest().maxBacklogDelay());
        this.disk = new DataDisk(dataDir, config.data().minFreeBytes());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Restores every stream from the last committed checkpoint, then starts reading and committing. */
    public void start() throws IOException {
        disk.check();
        restore();
        holdExpiryOfRestored();
        discover();
        ready = true;
        timer.scheduleWithFixedDelay(guard(this::watchDisk), 200, 200, TimeUnit.MILLISECONDS);
        long poll = config.logs().pollInterval().toMillis();
        timer.scheduleWithFixedDelay(guard(this::poll), poll, poll, TimeUnit.MILLISECONDS);
        long rescan = config.logs().rescanInterval().toMillis();
        timer.scheduleWithFixedDelay(guard(this::discover), rescan, rescan, TimeUnit.MILLISECONDS);
        long tick = Math.max(50, config.ingest().idleFlush().toMillis() / 4);
        timer.scheduleWithFixedDelay(guard(this::quiet), tick, tick, TimeUnit.MILLISECONDS);
        long commit = config.ingest().commitInterval().toMillis();
        timer.scheduleWithFixedDelay(guard(this::commit), commit, commit, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> backlogLimit.sample(pushedRead.get(), System.nanoTime(), backlog.get()),
                250, 250, TimeUnit.MILLISECONDS);
        for (RegisterStream s : streams.values()) schedule(s);
    }

    private Runnable guard(IoTask task) {
        return () -> {
            try {
                if (!closed) task.run();
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        };
    }

    private interface IoTask {
        void run() throws IOException;
    }

    private void fail(Throwable e) {
        if (DataDisk.noSpace(e)) disk.full(e);
        if (failure == null) failure = e;
        LOG.log(Level.SEVERE, "ingestion failed", e);
    }

    /** A stored failure (disk full, index corrupt): readiness turns false and the operator must look. */
    public Throwable failure() {
        return failure;
    }

    public boolean ready() {
        return ready && failure == null && !closed && disk.writable();
    }

    /** Why {@link #ready()} is false (null when it is not): a failure, the data directory full, a start or stop. */
    @Override
    public String notReadyReason() {
        Throwable f = failure;
        if (f != null) {
            return DataDisk.noSpace(f) ? disk.problem() + " (a write failed half done: restart the collector once space is freed)"
                    : "ingestion failed: " + f;
        }
        if (!disk.writable()) return disk.problem();
        return ready() ? null : "restoring or stopping";
    }

    /** The data directory has room (above {@code data.min-free-bytes}); ingestion pauses while it does not. */
    public boolean dataDirWritable() {
        return disk.writable();
    }

    /** Why the data directory is not writable, Russian then English; null when it is. */
    public String dataDirProblem() {
        return disk.problem();
    }

    /** Free bytes of the data directory's file system at the last check (every 200 ms). */
    public long dataDirFreeBytes() {
        return disk.freeBytes();
    }

    /**
     * Space gone: pause (nothing is written). Space back: go on reading whatever waits, no restart needed. The only
     * place that measures, so that no return of space goes unnoticed.
     */
    private boolean watchDisk() {
        synchronized (disk) {
            boolean was = disk.writable();
            boolean now = disk.check();
            if (was && !now) LOG.warning(disk::problem);
            if (!was && now) {
                LOG.info(() -> "data directory " + dataDir + " has room again (" + disk.freeBytes() + " bytes free): ingestion resumes");
                for (RegisterStream s : streams.values()) schedule(s);
            }
            return now;
        }
    }

    private void restore() throws IOException {
        String g = writer.lastCommitData().get(CheckpointStore.COMMIT_KEY);
        if (g == null) return;
        generation = Long.parseLong(g);
        Checkpoint cp = checkpoints.read(generation).orElseThrow(() ->
                new IOException("the index names checkpoint " + g + " but " + dataDir.resolve("checkpoints") + " lacks it"));
        byte[] buf = new byte[SLICE];
        for (Checkpoint.Stream s : cp.streams()) {
            StreamKey key = new StreamKey(StreamKey.Input.valueOf(s.input()), new RegisterKey(s.store(), s.register()));
            if (key.input() == StreamKey.Input.TAIL && config.logs().root() == null) {
                LOG.warning(() -> key + " was tailed before but no log root is configured now: left as it was");
                continue;
            }
            RegisterStream stream = newStream(key, false);
            stream.figures.restore(s.figures());
            stream.segments.restore(s, stream.pipeline, buf);
            stream.countDropped(false);
            droppedContinuation.addAndGet(stream.figures.droppedContinuation);
            if (stream.segments instanceof TailSegments t && t.lostState() != null) {
                LOG.warning(() -> key + ": could not rebuild the parser state after the restart, " + t.lostState());
            }
            if (stream.segments instanceof SpoolSegments sp) backlog.addAndGet(sp.length() - stream.pipeline.position());
            if (stream.figures.lastEvent != null) observer.activity(key.register(), stream.figures.lastEvent);
            streams.put(key, stream);
        }
    }

    /**
     * The watermark comes back as the fleet's newest event, but a register's shipper may have been behind it when the
     * collector stopped, and takes a while to resume: until a restored register sends again, its open receipt waits
     * for the watermark to move the spec's silence past the restart, not past its own last entry.
     */
    private void holdExpiryOfRestored() {
        Instant mark = watermark.get();
        if (mark == null) return;
        Instant notBefore = mark.plus(RegisterAssembler.SILENCE);
        for (RegisterStream s : streams.values()) s.expireNotBefore = notBefore;
    }

    private RegisterStream newStream(StreamKey key, boolean fresh) throws IOException {
        RegisterKey r = key.register();
        Segments segments = switch (key.input()) {
            case TAIL -> new TailSegments(r, config.logs().root().resolve(r.store()).resolve(r.register()));
            case PUSH -> SpoolSegments.open(spoolDir(r), "push:" + r.store() + "/" + r.register());
        };
        RegisterStream s = new RegisterStream(key, registry.store(r.store()), segments, writer, observer, samples);
        if (fresh) {
            if (segments instanceof SpoolSegments sp) {
                sp.start(s.pipeline);
                backlog.addAndGet(sp.length());
            } else {
                ((TailSegments) segments).refresh();
            }
        }
        return s;
    }

    private Path spoolDir(RegisterKey r) {
        return dataDir.resolve("spool").resolve(r.store()).resolve(r.register());
    }

    /** Finds registers not seen yet: new folders under the log root, spools left by pushes before a crash. */
    private void discover() throws IOException {
        Path root = config.logs().root();
        if (root != null && Files.isDirectory(root)) {
            for (Path store : list(root)) {
                String code = store.getFileName().toString();
                if (!RegisterKey.isStoreCode(code) || !Files.isDirectory(store)) continue;
                for (Path reg : list(store)) {
                    String name = reg.getFileName().toString();
                    if (!RegisterKey.isRegisterName(name) || !Files.isDirectory(reg)) continue;
                    StreamKey key = new StreamKey(StreamKey.Input.TAIL, new RegisterKey(code, name));
                    RegisterStream s = streams.get(key);
                    if (s == null) {
                        s = newStream(key, true);
                        streams.put(key, s);
                    } else {
                        refresh(s);
                    }
                    schedule(s);
                }
            }
        }
        Path spool = dataDir.resolve("spool");
        if (!ready && Files.isDirectory(spool)) {
            for (Path store : list(spool)) {
                for (Path reg : list(store)) {
                    StreamKey key = new StreamKey(StreamKey.Input.PUSH,
                            new RegisterKey(store.getFileName().toString(), reg.getFileName().toString()));
                    if (!streams.containsKey(key)) streams.put(key, newStream(key, true));
                }
            }
        }
    }

    private void refresh(RegisterStream s) throws IOException {
        if (!s.lock.tryLock()) return;
        try {
            ((TailSegments) s.segments).refresh();
        } finally {
            s.lock.unlock();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** Tailed files that grew get read. */
    private void poll() throws IOException {
        if (!disk.writable()) return;
        for (RegisterStream s : streams.values()) {
            if (s.key.input() != StreamKey.Input.TAIL || s.queued.get() || !s.lock.tryLock()) continue;
            boolean more;
            try {
                more = s.segments.hasMore(s.pipeline.position());
            } finally {
                s.lock.unlock();
            }
            if (more) schedule(s);
        }
    }

    private void schedule(RegisterStream s) {
        if (!closed && s.queued.compareAndSet(false, true)) workers.execute(() -> run(s));
    }

    private void run(RegisterStream s) {
        s.queued.set(false);
        if (!disk.writable()) return; // the stream is scheduled again when space is back
        long fed = 0;
        boolean more = false;
        barrier.readLock().lock();
        s.lock.lock();
        try {
            fed = s.segments.pump(s.pipeline, buffers.get(), SLICE);
            if (fed > 0) {
                s.lastInputNanos = System.nanoTime();
                s.expireNotBefore = null;
                s.quietHandled = false;
                Instant last = s.lastEvent();
                s.figures.lastEvent = last;
                if (last != null) observer.activity(s.key.register(), last);
                if (s.key.input() == StreamKey.Input.PUSH) {
                    backlog.addAndGet(-fed);
                    pushedRead.addAndGet(fed);
                }
                observer.bytes(s.key, fed);
                droppedContinuation.addAndGet(s.countDropped(true));
            }
            more = fed >= SLICE || (fed > 0 && s.segments.hasMore(s.pipeline.position()));
        } catch (IOException | RuntimeException e) {
            // Not only I/O: a bug that throws while reading must stop readiness loudly, not lose a stream's bytes quietly.
            fail(e);
        } finally {
            s.lock.unlock();
            barrier.readLock().unlock();
        }
        if (more) schedule(s);
    }

    /**
     * Streams that went quiet: their last entry is read once it is surely complete (so a receipt's close is searchable
     * within moments), and an open receipt is ended INCOMPLETE once event time has moved 30 minutes past it.
     *
     * <p>Silence is the register's, not the collector's: time in which pushes were refused (anyone's: the shippers
     * wait in line behind the refused ones) does not count, nor does a restart before the register resumes (see
     * {@link #holdExpiryOfRestored()}). Otherwise a register lagging behind the fleet loses a receipt whose close is
     * still on its way.
     */
    private void quiet() {
        long now = System.nanoTime();
        long idleFlush = config.ingest().idleFlush().toNanos();
        long expiry = config.ingest().silenceExpiry().toNanos();
        long refused = lastRefusalNanos;
        Instant mark = watermark.get();
        if (!disk.writable()) return;
        barrier.readLock().lock();
        try {
            for (RegisterStream s : streams.values()) {
                long idle = now - s.lastInputNanos;
                long silent = now - Math.max(s.lastInputNanos, refused);
                Instant notBefore = s.expireNotBefore;
                boolean expire = silent >= expiry && mark != null && (notBefore == null || !mark.isBefore(notBefore));
                if (idle < idleFlush || (s.quietHandled && !expire)) continue;
                if (s.queued.get() || !s.lock.tryLock()) continue;
                try {
                    if (!s.quietHandled) s.pipeline.flushIfComplete();
                    s.quietHandled = true;
                    if (expire) s.pipeline.expireIfSilent(mark.atZone(s.store.zone()).toLocalDateTime());
                } finally {
                    s.lock.unlock();
                }
            }
        } finally {
            barrier.readLock().unlock();
        }
    }

    /**
     * Accepts a pushed chunk: spooled before this returns, so an acknowledged chunk survives a crash. With an
     * {@code offset} (where the chunk starts in the register's pushed stream), bytes the collector already has are
     * skipped, which makes a shipper's retry harmless.
     */
    public PushResult push(RegisterKey register, byte[] body, Long offset) throws IOException, PushRejected {
        return push(register, body, offset, null, false);
    }

    /**
     * As {@link #push(RegisterKey, byte[], Long)}, naming the file the bytes come from ({@code file}, optional) and
     * whether the chunk ends it: a shipper that says where files end gets exactly what reading the files gives (a
     * file's last line is complete at its end).
     */
    public PushResult push(RegisterKey register, byte[] body, Long offset, String file, boolean endOfFile)
            throws IOException, PushRejected {
        if (!disk.writable()) throw refused(PushRejected.Saturated.diskFull(disk.problem()));
        if (!ready()) throw refused(new PushRejected.Saturated(backlog.get()));
        StreamKey key = new StreamKey(StreamKey.Input.PUSH, register);
        RegisterStream s = streams.get(key);
        if (s == null) {
            synchronized (streams) {
                s = streams.get(key);
                if (s == null) {
                    s = newStream(key, true);
                    streams.put(key, s);
                }
            }
        }
        SpoolSegments spool = (SpoolSegments) s.segments;
        long accepted;
        long length;
        synchronized (spool) {
            long have = spool.length();
            int skip = 0;
            if (offset != null) {
                if (offset > have) throw new PushRejected.OffsetMismatch(offset, have);
                skip = (int) Math.min(body.length, have - offset);
            }
            accepted = body.length - skip;
            reserve(accepted);
            boolean retry = offset != null && offset + body.length <= have;
            try {
                length = retry ? have : spool.append(body, skip, (int) accepted, file, endOfFile);
            } catch (IOException | RuntimeException e) {
                backlog.addAndGet(-accepted);
                if (!DataDisk.noSpace(e)) throw e;
                disk.full(e); // the spool took nothing (see SpoolSegments#append): refused like a full backlog
                throw refused(PushRejected.Saturated.diskFull(disk.problem()));
            }
        }
        schedule(s);
        return new PushResult(accepted, length);
    }

    /**
     * Counts {@code bytes} into the backlog if they fit under the limit. Check and add are one step: pushes to
     * different registers run at once, and a separate check would let each of them pass the same free room.
     */
    private void reserve(long bytes) throws PushRejected.Saturated {
        if (bytes <= 0) return;
        while (true) {
            long now = backlog.get();
            long limit = backlogLimit.limit();
            if (now + bytes > limit) throw refused(new PushRejected.Saturated(now, backlogLimit.drainMillis(now + bytes - limit)));
            if (backlog.compareAndSet(now, now + bytes)) return;
        }
    }

    /** A refused push: shippers hold their bytes, so no register's silence counts until pushes are accepted again. */
    private PushRejected.Saturated refused(PushRejected.Saturated e) {
        lastRefusalNanos = System.nanoTime();
        observer.refused(e.code());
        return e;
    }

    /** What a shipper should send next for a register: how many bytes the collector has. */
    public long pushedOffset(RegisterKey register) {
        RegisterStream s = streams.get(new StreamKey(StreamKey.Input.PUSH, register));
        return s == null ? 0 : ((SpoolSegments) s.segments).length();
    }

    public record PushResult(long acceptedBytes, long offset) {
    }

    /**
     * Commits the index with a checkpoint of every stream (see the class comment for why ingestion pauses); false,
     * committing nothing, while the data directory is short of space (the spool and the last commit hold everything).
     */
    public synchronized boolean commit() throws IOException {
        if (!watchDisk()) return false;
        List<RegisterStream> taken = new ArrayList<>(streams.size());
        List<Checkpoint.Stream> snapshot = new ArrayList<>(streams.size());
        long gen = generation + 1;
        writer.flush(); // the bulk of the index work, done while ingestion goes on
        long pauseStart = System.nanoTime();
        long locked = pauseStart;
        long snapshotted = pauseStart;
        barrier.writeLock().lock();
        try {
            locked = System.nanoTime();
            for (RegisterStream s : streams.values()) {
                taken.add(s);
                snapshot.add(s.checkpoint());
            }
            snapshotted = System.nanoTime();
            writer.prepareCommit(Map.of(CheckpointStore.COMMIT_KEY, Long.toString(gen), "last_ingest", Instant.now().toString()));
        } finally {
            barrier.writeLock().unlock();
            long end = System.nanoTime();
            long pause = end - pauseStart;
            lastCommitPauseNanos = pause;
            maxCommitPauseNanos = Math.max(maxCommitPauseNanos, pause);
            if (pause > SLOW_PAUSE_NANOS) {
                long wait = locked - pauseStart, cps = snapshotted - locked, flush = end - snapshotted;
                LOG.info(() -> String.format("commit held ingestion still for %d ms: %d ms waiting for running reads, %d ms "
                        + "for the checkpoints of %d streams, %d ms preparing the index commit", pause / 1_000_000,
                        wait / 1_000_000, cps / 1_000_000, taken.size(), flush / 1_000_000));
            }
        }
        for (RegisterStream s : streams.values()) {
            if (s.segments instanceof SpoolSegments sp) sp.sync();
        }
        checkpoints.write(new Checkpoint(gen, Instant.now().toString(), snapshot));
        writer.commit();
        generation = gen;
        lastCommit = Instant.now();
        checkpoints.prune(gen);
        samples.flush();
        for (int i = 0; i < taken.size(); i++) {
            RegisterStream s = taken.get(i);
            if (s.lock.tryLock()) {
                try {
                    s.segments.committed(snapshot.get(i).resumeOffset());
                } finally {
                    s.lock.unlock();
                }
            }
        }
        return true;
    }

    public Instant lastCommit() {
        return lastCommit;
    }

    /** How long the last commit held ingestion still (waiting for running reads, then flushing the index). */
    public Duration lastCommitPause() {
        return Duration.ofNanos(lastCommitPauseNanos);
    }

    /** The longest such pause since start. */
    public Duration maxCommitPause() {
        return Duration.ofNanos(maxCommitPauseNanos);
    }

    /** The backlog (bytes) pushes are accepted up to now: see {@link BacklogLimit}. */
    public long backlogLimitBytes() {
        return backlogLimit.limit();
    }

    /** Continuation lines dropped after their entry was read early, in all (restored from the last commit, then counted on). */
    public long droppedContinuationLines() {
        return droppedContinuation.get();
    }

    /** Bytes pushed and spooled but not read yet. */
    public long backlogBytes() {
        return backlog.get();
    }

    /** Streams waiting for an ingest thread. */
    public int queuedStreams() {
        int n = 0;
        for (RegisterStream s : streams.values()) if (s.queued.get()) n++;
        return n;
    }

    /** The register has read work waiting or under way: more of its entries are coming (alerting orders by it). */
    public boolean busy(RegisterKey register) {
        for (StreamKey.Input input : StreamKey.Input.values()) {
            RegisterStream s = streams.get(new StreamKey(input, register));
            if (s != null && (s.queued.get() || s.lock.isLocked())) return true;
        }
        return false;
    }

    public int streamCount() {
        return streams.size();
    }

    /** Every stream's figures (each consistent in itself). */
    public List<StreamFigures> figures() {
        List<StreamFigures> out = new ArrayList<>(streams.size());
        for (RegisterStream s : streams.values()) {
            s.lock.lock();
            try {
                out.add(new StreamFigures(s.key, s.figures.snapshot(), s.figures.lastEvent, s.pipeline.position()));
            } finally {
                s.lock.unlock();
            }
        }
        return out;
    }

    /** Waits until every stream has read all it can see now (tests, graceful shutdown); false on timeout. */
    public boolean awaitIdle(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean idle = true;
            for (RegisterStream s : streams.values()) {
                if (s.queued.get()) { idle = false; break; }
                s.lock.lock();
                try {
                    if (s.key.input() == StreamKey.Input.TAIL) ((TailSegments) s.segments).refresh();
                    if (s.segments.hasMore(s.pipeline.position())) { idle = false; schedule(s); }
                } finally {
                    s.lock.unlock();
                }
            }
            if (idle) return true;
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * Graceful stop: reads what is already there (up to {@code drain}), commits, stops. The writer stays open, unless
     * nothing could be committed: then it is rolled back (closed) to the last commit.
     */
    public void close(Duration drain) throws IOException {
        try {
            if (ready && failure == null && disk.writable()) awaitIdle(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Not shutdownNow(): an interrupt in the middle of Lucene I/O closes its file channels, the write lock's included.
        timer.shutdown();
        try {
            timer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean committed = ready && failure == null && commit();
        // Not committed (short of space, or failed): closing would still commit, on a full disk, what the next start reads again.
        if (!committed) writer.rollback();
        samples.close();
    }

    @Override
    public void close() throws IOException {
        close(Duration.ofSeconds(10));
    }
}
