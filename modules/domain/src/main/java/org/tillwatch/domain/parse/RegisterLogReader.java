package org.tillwatch.domain.parse;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one register's log bytes into events, push-style: bytes in (any chunking), lines framed and decoded,
 * continuation lines gathered under their entry, each entry read by the dialect. An entry is complete only when
 * the next entry starts, the file ends ({@link #endOfFile()}) or the caller gives up waiting
 * ({@link #flushPendingEntry()}). Never throws on content: unreadable input is reported as malformed.
 */
public final class RegisterLogReader implements LineSink {
    private final Dialect dialect;
    private final EntrySink sink;
    private final LineFramer framer;
    private String source = "";

    private String first;
    private long firstLine;
    private long firstOffset;
    private long entryOffset = -1;
    private long entryLine;
    private boolean absorbing;
    private String firstProblem;
    private final List<String> continuations = new ArrayList<>();
    private String continuationProblem;
    private int entryLines;
    private long droppedLines;

    public RegisterLogReader(Dialect dialect, Charset charset, EntrySink sink) {
        this.dialect = dialect;
        this.sink = sink;
        this.framer = new LineFramer(charset, this);
    }

    /** Starts a new file (or stream); line numbers count from {@code linesAlreadyRead + 1}. */
    public void startFile(String sourceName, long linesAlreadyRead) {
        this.source = sourceName;
        framer.reset(linesAlreadyRead);
    }

    /** Starts reading a file from the middle: its next byte is at {@code streamOffset} and begins line {@code linesAlreadyRead + 1}. */
    public void startFile(String sourceName, long linesAlreadyRead, long streamOffset) {
        startFile(sourceName, linesAlreadyRead);
        framer.seek(streamOffset);
    }

    /** Stream offset of the next byte to be fed. */
    public long position() {
        return framer.position();
    }

    /**
     * The earliest byte still needed: where the pending entry or the unfinished line began. Re-reading from there
     * (with {@link #resumeLine()} as the line number) rebuilds this reader's state.
     */
    public long resumeOffset() {
        return first != null ? firstOffset : framer.pendingStart();
    }

    /** Lines before {@link #resumeOffset()} in the current file. */
    public long resumeLine() {
        return first != null ? firstLine - 1 : framer.linesSeen();
    }

    /** Stream offset and line of the entry being delivered; valid inside {@link EntrySink} calls. */
    public long entryOffset() {
        return entryOffset;
    }

    public long entryLine() {
        return entryLine;
    }

    /** Lines of the entry being delivered (its first line and continuations; 1 for a lone line); valid inside {@link EntrySink} calls. */
    public int entryLines() {
        return entryLines;
    }

    /** Continuation lines dropped because their entry had already been read early ({@link #flushIfComplete()}). */
    public long droppedContinuationLines() {
        return droppedLines;
    }

    /**
     * Reads the pending entry now if it is complete for sure: no unfinished line, and the dialect says an entry like
     * it never continues. Continuation lines that still come after it are then dropped, as reading it whole would
     * have ignored them. For a live stream that went quiet; returns whether an entry was read.
     */
    public boolean flushIfComplete() {
        if (first == null || framer.pendingBytes() > 0 || dialect.mayContinue(first)) return false;
        flushPendingEntry();
        absorbing = true;
        return true;
    }
    public void feed(byte[] buf, int off, int len) {
        framer.feed(buf, off, len);
    }

    /** The file ended: its last line (even without a line end) and last entry are complete. */
    public void endOfFile() {
        framer.finish();
        flushPendingEntry();
        absorbing = false;
    }

    @Override
    public void line(long number, String text, String problem) {
        if (dialect.startsEntry(text)) {
            flushPendingEntry();
            absorbing = false;
            first = text;
            firstLine = number;
            firstOffset = framer.lineStart();
            firstProblem = problem;
            return;
        }
        if (absorbing) {
            entryLines = 1;
            if (problem != null) sink.malformed(new MalformedLine(source, number, problem, PanMasker.maskCardLikeNumbers(text)));
            else droppedLines++;
            return;
        }
        if (first == null) {
            entryLines = 1;
            sink.malformed(new MalformedLine(source, number,
                    problem != null ? problem : "continuation line with no entry above", PanMasker.maskCardLikeNumbers(text)));
            return;
        }
        continuations.add(text);
        if (problem != null && continuationProblem == null) continuationProblem = problem;
    }

    public void flushPendingEntry() {
        if (first == null) return;
        String problem = firstProblem != null ? firstProblem : continuationProblem;
        entryOffset = firstOffset;
        entryLine = firstLine;
        entryLines = 1 + continuations.size();
        if (problem == null) {
            Dialect.Result r = dialect.parse(source, firstLine, first, continuations);
            if (r.event() != null) sink.event(r.event());
            else problem = r.problem();
        }
        if (problem != null) {
            sink.malformed(new MalformedLine(source, firstLine, problem, PanMasker.maskCardLikeNumbers(sample(first, continuations))));
        }
        first = null;
        firstProblem = null;
        continuationProblem = null;
        continuations.clear();
    }

    private static String sample(String first, List<String> continuations) {
        String text = continuations.isEmpty() ? first : first + "\n" + String.join("\n", continuations);
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
