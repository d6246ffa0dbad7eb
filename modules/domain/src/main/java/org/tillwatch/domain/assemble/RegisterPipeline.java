package org.tillwatch.domain.assemble;

import java.time.LocalDateTime;
import java.util.function.Consumer;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.Dialect;
import org.tillwatch.domain.parse.EntrySink;
import org.tillwatch.domain.parse.LogEvent;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.domain.parse.RegisterLogReader;
import org.tillwatch.domain.parse.StreamSink;

/**
 * One register's bytes to transactions: a {@link RegisterLogReader} feeding a {@link RegisterAssembler}. Feed the
 * register's files oldest first; state (an open receipt, requests awaiting answers) carries across files.
 */
public final class RegisterPipeline implements EntrySink, StreamSink {
    private final RegisterLogReader reader;
    private final RegisterAssembler assembler;
    private final Consumer<MalformedLine> malformed;
    private boolean silent;

    public RegisterPipeline(RegisterKey key, Store store, Dialect dialect, AssemblyListener listener,
                            Consumer<MalformedLine> malformed) {
        this.assembler = new RegisterAssembler(key, store.zone(), new AssemblyListener() {
            @Override
            public void transaction(Transaction t) {
                if (!silent) listener.transaction(t);
            }

            @Override
            public void registerRequest(RegisterKey register, LoyaltyRequest request) {
                if (!silent) listener.registerRequest(register, request);
            }

            @Override
            public void registerTag(RegisterKey register, TagEvent tag) {
                if (!silent) listener.registerTag(register, tag);
            }
        });
        this.reader = new RegisterLogReader(dialect, store.encoding(), this);
        this.malformed = malformed;
    }

    public void startFile(String source) {
        reader.startFile(source, 0);
    }

    /** Starts a file from the middle: at stream offset {@code streamOffset}, after {@code linesBefore} of its lines. */
    @Override
    public void startFile(String source, long linesBefore, long streamOffset) {
        reader.startFile(source, linesBefore, streamOffset);
    }

    /**
     * While silent, the pipeline rebuilds its state without telling anyone: for re-reading, after a restart, bytes
     * whose results were already counted before it.
     */
    public void silent(boolean silent) {
        this.silent = silent;
    }

    /** Stream offset of the next byte to be fed. */
    @Override
    public long position() {
        return reader.position();
    }

    /**
     * The earliest stream offset whose bytes this pipeline still needs: re-reading from there into a new pipeline
     * (silently, up to {@link #position()}) rebuilds this one's state exactly. See {@link #resumeLine()}.
     */
    public long resumeOffset() {
        return Math.min(reader.resumeOffset(), assembler.earliestLiveOffset());
    }

    /** Lines of its file before {@link #resumeOffset()}. */
    public long resumeLine() {
        long reading = reader.resumeOffset();
        long live = assembler.earliestLiveOffset();
        return live < reading ? assembler.earliestLiveLine() - 1 : reader.resumeLine();
    }

    /** Local time of the register's latest entry, or null before any. */
    public LocalDateTime lastEventTime() {
        return assembler.lastTime();
    }

    /** A live stream went quiet: reads its last entry if it is surely complete. */
    public boolean flushIfComplete() {
        return reader.flushIfComplete();
    }

    /** Continuation lines dropped because their entry had been read early ({@link #flushIfComplete()}), so far. */
    public long droppedContinuationLines() {
        return reader.droppedContinuationLines();
    }

    /** Ends the open receipt as INCOMPLETE if the register has been silent for the spec's limit as of {@code now}. */
    public void expireIfSilent(LocalDateTime now) {
        assembler.expireIfSilent(now);
    }

    @Override
    public void feed(byte[] buf, int off, int len) {
        reader.feed(buf, off, len);
    }

    @Override
    public void endOfFile() {
        reader.endOfFile();
    }

    /** End of all input: ends the last entry and any open receipt (INCOMPLETE). */
    public void finish() {
        reader.flushPendingEntry();
        assembler.finish();
    }

    @Override
    public void event(LogEvent event) {
        assembler.accept(event, reader.entryOffset(), reader.entryLine());
    }

    @Override
    public void malformed(MalformedLine line) {
        if (!silent) malformed.accept(line);
    }
}
