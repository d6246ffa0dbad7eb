package org.tillwatch.collector.ingest;

import java.util.List;

/**
 * Where every register stream stood at one index commit, and what it had counted. The index commit names its
 * checkpoint's generation, so the two are one atomic unit: after a crash both come back from the same instant.
 */
public record Checkpoint(long generation, String writtenAt, List<Stream> streams) {
    public Checkpoint {
        streams = List.copyOf(streams);
    }

    /**
     * One stream: it had read up to {@code position}; re-reading from {@code resumeOffset} (line {@code resumeLine}
     * of its file) silently up to {@code position} rebuilds its parser state. Offsets count bytes of the register's
     * stream (all its files, in order). {@code segments}: the files from the one holding {@code resumeOffset} on.
     */
    public record Stream(String input, String store, String register, long position, long resumeOffset, long resumeLine,
                         List<Segment> segments, RegisterFigures.Snapshot figures) {
        public Stream {
            segments = segments == null ? List.of() : List.copyOf(segments);
        }
    }

    /** A file of a tailed stream: named as when last seen, known by the hash of its first bytes. */
    public record Segment(String name, String fingerprint, long base, long consumed, boolean ended) {
    }
}
