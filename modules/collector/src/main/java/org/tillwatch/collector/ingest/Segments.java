package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.util.List;

import org.tillwatch.domain.assemble.RegisterPipeline;

/** Where a register stream's bytes come from, in order. Used by one thread at a time (under its stream's lock). */
interface Segments {
    /** Feeds at most {@code budget} new bytes to the pipeline, starting and ending files as it goes; returns bytes fed. */
    long pump(RegisterPipeline pipeline, byte[] buf, long budget) throws IOException;

    /** Whether bytes are waiting that {@link #pump} would feed now. */
    boolean hasMore(long position) throws IOException;

    /**
     * After a restart: re-reads {@code [resumeOffset, position)} of the checkpointed stream into a silent pipeline,
     * which then stands exactly where the stream stood at the checkpoint.
     */
    void restore(Checkpoint.Stream checkpoint, RegisterPipeline pipeline, byte[] buf) throws IOException;

    /** The files a checkpoint must name so that a restart can re-read from {@code resumeOffset}. */
    List<Checkpoint.Segment> marks(long resumeOffset);

    /** A checkpoint is committed: bytes before {@code resumeOffset} are never needed again. */
    void committed(long resumeOffset) throws IOException;
}
