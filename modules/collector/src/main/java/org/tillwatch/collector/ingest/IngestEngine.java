package org.tillwatch.collector.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.index.TransactionIndexWriter;

/**
 * Runs every register stream: reads new bytes (tailed files, pushed spool) on a pool of ingest threads, one thread
 * per stream at a time, and commits the index together with a checkpoint of every stream.
 *
 * <p>The coordinator: streams come from {@link StreamOpener}, reads hold the {@link CheckpointCommitter}'s barrier so
 * a commit holds exactly the transactions its checkpoint has counted (exactly once), quiet streams are flushed and
 * expired by the {@link SilencePolicy}, pushes are bounded by the {@link PushBacklog}, and everything pauses while the
 * {@link DataDisk} is short of space. After a crash, each stream goes back to its checkpoint and silently re-reads the
 * few bytes its parser state needs.
 */
public final class IngestEngine implements Ingest, Closeable {
    private static final Logger LOG = Logger.getLogger(IngestEngine.class.getName());
    private static final int SLICE = 1 << 20;
    /** A push this small to a stream with no read queued is a live register's (a shipper sends every second or so). */
    static final int LIVE_CHUNK_BYTES = 16 * 1024;

    private final CollectorConfig config;
    private final IngestObserver observer;
    private final MalformedSamples samples;
    private final TransactionIndexWriter writer;
    private final RegisterStreams streams = new RegisterStreams();
    private final AtomicLong droppedContinuation = new AtomicLong();
    private final PushBacklog backlog;
    private final DataDisk disk;
    private final StreamOpener opener;
    private final CheckpointCommitter committer;
    private final SilencePolicy silence;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[SLICE]);
    private final ExecutorService workers;
    private final AtomicLong runs = new AtomicLong();
    private final ScheduledExecutorService timer;
    private volatile boolean ready;
    private volatile boolean closed;
    private volatile Throwable failure;

    public IngestEngine(CollectorConfig config, StoreRegistry registry, TransactionIndexWriter writer, Path dataDir,
                        IngestObserver observer, Supplier<Instant> watermark, MalformedSamples samples) throws IOException {
        this.config = config;
        this.observer = observer;
        this.samples = samples;
        this.writer = writer;
        this.backlog = new PushBacklog(config.ingest());
        this.disk = new DataDisk(dataDir, config.data().minFreeBytes());
        this.opener = new StreamOpener(config.logs().root(), dataDir, registry, writer, observer, samples, backlog);
        this.committer = new CheckpointCommitter(writer, dataDir, samples, observer);
        this.silence = new SilencePolicy(config.ingest().idleFlush(), config.ingest().silenceExpiry(), watermark);
        this.workers = new ThreadPoolExecutor(config.ingest().threads(), config.ingest().threads(), 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(), daemon("ingest"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("ingest-timer"));
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
        silence.holdRestored(streams.all());
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
        timer.scheduleAtFixedRate(backlog::sample, 250, 250, TimeUnit.MILLISECONDS);
        for (RegisterStream s : streams.all()) schedule(s);
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
            return DataDisk.noSpace(f) ? disk.failedWrite() : "ingestion failed: " + f;
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

    private boolean watchDisk() {
        return disk.watch(() -> streams.all().forEach(this::schedule));
    }

    private void restore() throws IOException {
        Checkpoint cp = committer.restore().orElse(null);
        if (cp == null) return;
        byte[] buf = new byte[SLICE];
        for (Checkpoint.Stream s : cp.streams()) {
            StreamKey key = new StreamKey(StreamKey.Input.valueOf(s.input()), new RegisterKey(s.store(), s.register()));
            if (key.input() == StreamKey.Input.TAIL && !opener.tails()) {
                LOG.warning(() -> key + " was tailed before but no log root is configured now: left as it was");
                continue;
            }
            RegisterStream stream = opener.open(key, false);
            stream.figures.restore(s.figures());
            stream.segments.restore(s, stream.pipeline, buf);
            stream.countDropped(false);
            droppedContinuation.addAndGet(stream.figures.droppedContinuation);
            if (stream.segments instanceof TailSegments t && t.lostState() != null) {
                LOG.warning(() -> key + ": could not rebuild the parser state after the restart, " + t.lostState());
            }
            if (stream.segments instanceof SpoolSegments sp) backlog.add(sp.length() - stream.pipeline.position());
            if (stream.figures.lastEvent != null) observer.activity(key.register(), stream.figures.lastEvent);
            streams.put(stream);
        }
    }

    /** Finds registers not seen yet: new folders under the log root, spools left by pushes before a crash. */
    private void discover() throws IOException {
        for (StreamKey key : opener.tailed()) {
            RegisterStream s = streams.get(key);
            if (s == null) {
                s = opener.open(key, true);
                streams.put(s);
            } else {
                refresh(s);
            }
            schedule(s);
        }
        if (ready) return;
        for (StreamKey key : opener.spooled()) {
            if (!streams.contains(key)) streams.put(opener.open(key, true));
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

    /** Tailed files that grew get read. */
    private void poll() throws IOException {
        if (!disk.writable()) return;
        for (RegisterStream s : streams.all()) {
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
        schedule(s, false);
    }

    /**
     * Queues a read of the stream unless one is queued; {@code live}: the stream has only a live register's few new
     * bytes to read, and goes before streams with more (see {@link Run}).
     */
    private void schedule(RegisterStream s, boolean live) {
        if (!closed && s.queued.compareAndSet(false, true)) workers.execute(new Run(this, s, live, runs.incrementAndGet()));
    }

    /**
     * A queued read of one stream. Reads of a live register's few new bytes go first, the rest in the order they were
     * queued: with a fleet's backlog being pushed at full speed (up to {@code max-backlog-delay} of work queued), a
     * live register's receipt waited behind all of it before it could be searched.
     */
    private record Run(IngestEngine engine, RegisterStream stream, boolean live, long seq) implements Runnable, Comparable<Run> {
        @Override
        public void run() {
            engine.run(stream);
        }

        @Override
        public int compareTo(Run o) {
            return live != o.live ? (live ? -1 : 1) : Long.compare(seq, o.seq);
        }
    }

    private void run(RegisterStream s) {
        s.queued.set(false);
        if (!disk.writable()) return; // the stream is scheduled again when space is back
        long fed = 0;
        boolean more = false;
        committer.reading().lock();
        s.lock.lock();
        try {
            fed = s.segments.pump(s.pipeline, buffers.get(), SLICE);
            if (fed > 0) {
                SilencePolicy.heard(s);
                Instant last = s.lastEvent();
                s.figures.lastEvent = last;
                if (last != null) observer.activity(s.key.register(), last);
                if (s.key.input() == StreamKey.Input.PUSH) {
                    backlog.read(fed);
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
            committer.reading().unlock();
        }
        if (more) schedule(s);
    }

    /** Streams that went quiet get flushed and, once silent long enough, expired: see {@link SilencePolicy}. */
    private void quiet() {
        if (!disk.writable()) return;
        silence.sweep(streams.all(), committer.reading());
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
        if (!ready()) throw refused(new PushRejected.Saturated(backlog.bytes()));
        RegisterStream s = streams.pushed(register, opener);
        SpoolSegments spool = (SpoolSegments) s.segments;
        long accepted;
        long length;
        boolean live;
        synchronized (spool) {
            long have = spool.length();
            int skip = 0;
            if (offset != null) {
                if (offset > have) throw new PushRejected.OffsetMismatch(offset, have);
                skip = (int) Math.min(body.length, have - offset);
            }
            accepted = body.length - skip;
            live = accepted > 0 && accepted <= LIVE_CHUNK_BYTES && !s.queued.get();
            try {
                backlog.reserve(accepted, live);
            } catch (PushRejected.Saturated e) {
                throw refused(e);
            }
            boolean retry = offset != null && offset + body.length <= have;
            try {
                length = retry ? have : spool.append(body, skip, (int) accepted, file, endOfFile);
            } catch (IOException | RuntimeException e) {
                backlog.add(-accepted);
                if (!DataDisk.noSpace(e)) throw e;
                disk.full(e); // the spool took nothing (see SpoolSegments#append): refused like a full backlog
                throw refused(PushRejected.Saturated.diskFull(disk.problem()));
            }
        }
        schedule(s, live); // a retry of bytes it has (accepted 0) says nothing of what is pending
        return new PushResult(accepted, length);
    }

    /** A refused push: shippers hold their bytes, so no register's silence counts until pushes are accepted again. */
    private PushRejected.Saturated refused(PushRejected.Saturated e) {
        silence.refused();
        observer.refused(e.code());
        return e;
    }

    /** What a shipper should send next for a register: how many bytes the collector has. */
    public long pushedOffset(RegisterKey register) {
        return streams.pushedOffset(register);
    }

    public record PushResult(long acceptedBytes, long offset) {
    }

    /**
     * Commits the index with a checkpoint of every stream (see the class comment for why ingestion pauses); false,
     * committing nothing, while the data directory is short of space (the spool and the last commit hold everything).
     */
    public synchronized boolean commit() throws IOException {
        if (!watchDisk()) return false;
        committer.commit(streams.all());
        return true;
    }

    public Instant lastCommit() {
        return committer.lastCommit();
    }

    /** How long the last commit held ingestion still (waiting for running reads, then flushing the index). */
    public Duration lastCommitPause() {
        return committer.lastPause();
    }

    /** The longest such pause since start. */
    public Duration maxCommitPause() {
        return committer.maxPause();
    }

    /** The backlog (bytes) pushes are accepted up to now: see {@link BacklogLimit}. */
    public long backlogLimitBytes() {
        return backlog.limitBytes();
    }

    /** Continuation lines dropped after their entry was read early, in all (restored from the last commit, then counted on). */
    public long droppedContinuationLines() {
        return droppedContinuation.get();
    }

    /** Bytes pushed and spooled but not read yet. */
    public long backlogBytes() {
        return backlog.bytes();
    }

    /** Streams waiting for an ingest thread. */
    public int queuedStreams() {
        return streams.queued();
    }

    /**
     * Tells whether the register has read work waiting or under way: more of its entries are coming (alerting orders
     * by it).
     */
    public BooleanSupplier busyProbe(RegisterKey register) {
        return streams.busyProbe(register);
    }

    public int streamCount() {
        return streams.size();
    }

    /** Every stream's figures (each consistent in itself). */
    public List<StreamFigures> figures() {
        return streams.figures();
    }

    /** Waits until every stream has read all it can see now (tests, graceful shutdown); false on timeout. */
    public boolean awaitIdle(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean idle = true;
            for (RegisterStream s : streams.all()) {
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
