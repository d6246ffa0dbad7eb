package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

import org.tillwatch.config.Units;

/**
 * The data directory's free space. Below the reserve ({@code data.min-free-bytes}) the engine writes nothing: pushes
 * are refused, reading and commits pause, so no write fails half done (an index flush or commit that hits a full disk
 * would leave the index writer unusable). A write that fails for lack of space anyway marks the disk full too. Space
 * counts as back at one and a half times the reserve, so the engine does not flap at the edge.
 */
final class DataDisk {
    private static final Logger LOG = Logger.getLogger(IngestEngine.class.getName());
    private final Path dir;
    private final long reserve;
    private volatile String problem;
    private volatile long free = -1;

    DataDisk(Path dir, long reserve) {
        this.dir = dir;
        this.reserve = reserve;
    }

    /** Measures the free space again; true when the directory is writable. */
    boolean check() {
        long usable;
        try {
            usable = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return problem == null; // cannot measure now: keep the last state
        }
        free = usable;
        if (usable < reserve) {
            problem = full(usable + " bytes free, below the " + Units.formatBytes(reserve) + " reserve");
        } else if (problem != null && usable >= reserve + reserve / 2) {
            problem = null;
        }
        return problem == null;
    }

    /**
     * Space gone: pause (nothing is written). Space back: {@code resume} goes on reading whatever waits, no restart
     * needed. The only place that measures, so that no return of space goes unnoticed. True when writable.
     */
    synchronized boolean watch(Runnable resume) {
        boolean was = writable();
        boolean now = check();
        if (was && !now) LOG.warning(this::problem);
        if (!was && now) {
            LOG.info(() -> "data directory " + dir + " has room again (" + free + " bytes free): ingestion resumes");
            resume.run();
        }
        return now;
    }

    /** Why the collector is not ready after a write failed for lack of space. */
    String failedWrite() {
        return problem + " (a write failed half done: restart the collector once space is freed)";
    }

    /** A write failed for lack of space. */
    void full(Throwable e) {
        problem = full(String.valueOf(rootCause(e).getMessage()));
    }

    private String full(String detail) {
        return "диск каталога данных заполнен, приём приостановлен / data directory disk full, ingestion paused: " + dir + ": " + detail;
    }

    boolean writable() {
        return problem == null;
    }

    /** Why the directory is not writable, Russian then English; null when it is. */
    String problem() {
        return problem;
    }

    /** Bytes free at the last measure, -1 before one. */
    long freeBytes() {
        return free;
    }

    /** The failure (or one of its causes) is the file system out of space or quota. */
    static boolean noSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof IOException && m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}
