package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;

import org.tillwatch.index.TransactionIndexWriter;

/**
 * Commits the index together with a checkpoint of every stream, exactly once: a commit stops ingestion for a moment
 * (the write side of the barrier; reads hold {@link #reading()}), takes every stream's checkpoint and prepares the index
 * commit, so the commit holds exactly the transactions the checkpoint has counted. The checkpoint file is written and
 * synced before the index commit that names it. One commit at a time.
 */
final class CheckpointCommitter {
    private static final Logger LOG = Logger.getLogger(IngestEngine.class.getName());
    private static final long SLOW_PAUSE_NANOS = 1_000_000_000L;

    private final TransactionIndexWriter writer;
    private final CheckpointStore checkpoints;
    private final MalformedSamples samples;
    private final IngestObserver observer;
    private final Path dataDir;
    private final ReentrantReadWriteLock barrier = new ReentrantReadWriteLock(true);
    private long generation;
    private volatile Instant lastCommit;
    private volatile long lastPauseNanos;
    private volatile long maxPauseNanos;

    CheckpointCommitter(TransactionIndexWriter writer, Path dataDir, MalformedSamples samples, IngestObserver observer)
            throws IOException {
        this.writer = writer;
        this.observer = observer;
        this.dataDir = dataDir;
        this.samples = samples;
        this.checkpoints = new CheckpointStore(dataDir);
    }

    /** Held while reading into the index: a commit waits for running reads and holds new ones off. */
    Lock reading() {
        return barrier.readLock();
    }

    /** The checkpoint the index's last commit names (empty before the first commit); commits go on from it. */
    synchronized Optional<Checkpoint> restore() throws IOException {
        String g = writer.lastCommitData().get(CheckpointStore.COMMIT_KEY);
        if (g == null) return Optional.empty();
        generation = Long.parseLong(g);
        return Optional.of(checkpoints.read(generation).orElseThrow(() ->
                new IOException("the index names checkpoint " + g + " but " + dataDir.resolve("checkpoints") + " lacks it")));
    }

    synchronized void commit(Collection<RegisterStream> streams) throws IOException {
        List<RegisterStream> taken = new ArrayList<>(streams.size());
        List<Checkpoint.Stream> snapshot = new ArrayList<>(streams.size());
        long gen = generation + 1;
        writer.flush(); // the bulk of the index work, done while ingestion goes on
        writer.syncWritten(); // and the bulk of the fsyncs
        long pauseStart = System.nanoTime();
        long locked = pauseStart;
        long snapshotted = pauseStart;
        barrier.writeLock().lock();
        try {
            locked = System.nanoTime();
            for (RegisterStream s : streams) {
                taken.add(s);
                snapshot.add(s.checkpoint());
            }
            snapshotted = System.nanoTime();
            writer.prepareCommit(Map.of(CheckpointStore.COMMIT_KEY, Long.toString(gen), "last_ingest", Instant.now().toString()));
        } finally {
            barrier.writeLock().unlock();
            long end = System.nanoTime();
            long pause = end - pauseStart;
            lastPauseNanos = pause;
            maxPauseNanos = Math.max(maxPauseNanos, pause);
            if (pause > SLOW_PAUSE_NANOS) {
                long wait = locked - pauseStart, cps = snapshotted - locked, flush = end - snapshotted;
                LOG.info(() -> String.format("commit held ingestion still for %d ms: %d ms waiting for running reads, %d ms "
                        + "for the checkpoints of %d streams, %d ms preparing the index commit", pause / 1_000_000,
                        wait / 1_000_000, cps / 1_000_000, taken.size(), flush / 1_000_000));
            }
        }
        for (RegisterStream s : streams) {
            if (s.segments instanceof SpoolSegments sp) sp.sync();
        }
        observer.beforeCheckpoint();
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
    }

    Instant lastCommit() {
        return lastCommit;
    }

    Duration lastPause() {
        return Duration.ofNanos(lastPauseNanos);
    }

    Duration maxPause() {
        return Duration.ofNanos(maxPauseNanos);
    }
}
