package org.tillwatch.cli.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One register's pushed stream: its files' bytes (gunzipped for {@code .gz}) concatenated in rotation order, read
 * ahead as lines tagged with their entry's log time. A line starting with a timestamp begins an entry; other lines
 * (and lines whose timestamp does not parse) take the time of the entry above; lines before the register's first
 * timestamp take that first timestamp's time. A line longer than the piece limit is read as several pieces.
 *
 * <p>The end of a file counts as the end of a line, so a file cut off mid-line by a crash does not lend its tail's
 * time to the next file's first entry; a chunk never spans two files and knows whether it ends one. The bytes are
 * never altered.
 */
final class RegisterStream implements Closeable {
    /** How far to read ahead looking for the first timestamp before giving up on it. */
    private static final int LEAD_IN_LOOKAHEAD = 4 << 20;
    private static final long UNRESOLVED = Long.MIN_VALUE + 1;
    private static final int BUFFER = 16 << 10;
    static final int MAX_OPEN_FILES = 2048;
    private static final java.util.concurrent.atomic.AtomicInteger OPEN_FILES = new java.util.concurrent.atomic.AtomicInteger();

    /** A whole line or a part of one, with the log time of its entry and the file (index) it comes from. */
    static final class Piece {
        final byte[] bytes;
        long time;
        final boolean lineStart;
        final boolean lineEnd;
        final int file;
        final boolean fileEnd;

        Piece(byte[] bytes, long time, boolean lineStart, boolean lineEnd, int file, boolean fileEnd) {
            this.bytes = bytes;
            this.time = time;
            this.lineStart = lineStart;
            this.lineEnd = lineEnd;
            this.file = file;
            this.fileEnd = fileEnd;
        }

        int length() {
            return bytes.length;
        }
    }

    /**
     * Consecutive bytes of the stream starting at {@code offset}, as sent in one request: all from the file named
     * {@code file}, whose last bytes they are when {@code endsFile}.
     */
    record Chunk(long offset, byte[] data, List<Piece> pieces, long startTime, long endTime, String file, boolean endsFile) {
        int length() {
            return data.length;
        }
    }

    private final List<Path> files;
    private final LineTime lineTime;
    private final int pieceMax;

    private int nextFile;
    private InputStream in;
    /** Whether {@link #in} holds a file descriptor (counted in {@link #OPEN_FILES}) rather than bytes in memory. */
    private boolean holdsDescriptor;
    private int fileIndex;
    private final byte[] buf = new byte[BUFFER];
    private byte[] acc = new byte[4 << 10];
    private int bufPos;
    private int bufLen;
    private boolean midLine;
    private long currentLineTime = UNRESOLVED;
    private long lastTime = UNRESOLVED;
    private boolean exhausted;

    private final ArrayDeque<Piece> ahead = new ArrayDeque<>();
    private long aheadBytes;
    private int unresolved;
    private long position;

    RegisterStream(List<Path> files, ZoneId zone, int pieceMax) {
        this.files = List.copyOf(files);
        this.lineTime = new LineTime(zone);
        this.pieceMax = pieceMax;
    }

    /** Offset in the stream of the next byte {@link #nextChunk} returns. */
    long position() {
        return position;
    }

    boolean hasMore() throws IOException {
        return !ahead.isEmpty() || readPiece();
    }

    /** Log time of the next byte (epoch ms); only when {@link #hasMore()}. */
    long headTime() throws IOException {
        if (!hasMore()) throw new IllegalStateException("stream exhausted");
        while (ahead.peekFirst().time == UNRESOLVED) {
            if (aheadBytes >= LEAD_IN_LOOKAHEAD || !readPiece()) giveUpLeadIn();
        }
        return ahead.peekFirst().time;
    }

    /**
     * The next chunk: at least one byte, then whole pieces of the same file while they fit in {@code maxBytes} and
     * their time is before {@code timeLimit}. Only a line longer than {@code maxBytes} is ever cut.
     */
    Chunk nextChunk(int maxBytes, long timeLimit) throws IOException {
        long start = headTime();
        List<Piece> taken = new ArrayList<>();
        int size = 0;
        Piece first = ahead.peekFirst();
        if (first.length() > maxBytes) {
            taken.add(splitHead(maxBytes));
            size = maxBytes;
        } else {
            taken.add(pollHead());
            size = first.length();
            while (size < maxBytes && !taken.getLast().fileEnd && hasMore()) {
                Piece next = ahead.peekFirst();
                if (next.file != first.file || next.length() > maxBytes - size) break;
                if (headTime() >= timeLimit) break;
                taken.add(pollHead());
                size += next.length();
            }
        }
        byte[] data = new byte[size];
        int at = 0;
        for (Piece p : taken) {
            System.arraycopy(p.bytes, 0, data, at, p.length());
            at += p.length();
        }
        long offset = position;
        position += size;
        Piece last = taken.getLast();
        return new Chunk(offset, data, List.copyOf(taken), start, last.time, files.get(first.file).getFileName().toString(),
                last.fileEnd);
    }

    /** Puts a chunk back: the chunk must be the last one taken. */
    void unread(Chunk chunk) {
        if (chunk.offset() + chunk.length() != position) throw new IllegalStateException("not the last chunk");
        List<Piece> pieces = chunk.pieces();
        for (int i = pieces.size() - 1; i >= 0; i--) {
            ahead.addFirst(pieces.get(i));
            aheadBytes += pieces.get(i).length();
        }
        position = chunk.offset();
    }

    /**
     * Moves to {@code target}: forward by reading, backward by reading again from the start (log times need the lines
     * before). Returns the position reached, short of the target when the stream ends first.
     */
    long seek(long target) throws IOException {
        if (target < position) restart();
        while (position < target && hasMore()) {
            headTime();
            Piece head = ahead.peekFirst();
            long gap = target - position;
            if (head.length() <= gap) {
                pollHead();
                position += head.length();
            } else {
                splitHead((int) gap);
                position += gap;
            }
        }
        return position;
    }

    private Piece pollHead() {
        Piece p = ahead.pollFirst();
        aheadBytes -= p.length();
        return p;
    }

    /** Takes the first {@code n} bytes of the head piece, leaving the rest at the head. */
    private Piece splitHead(int n) {
        Piece head = pollHead();
        Piece front = new Piece(Arrays.copyOfRange(head.bytes, 0, n), head.time, head.lineStart, false, head.file, false);
        Piece rest = new Piece(Arrays.copyOfRange(head.bytes, n, head.length()), head.time, false, head.lineEnd, head.file,
                head.fileEnd);
        ahead.addFirst(rest);
        aheadBytes += rest.length();
        return front;
    }

    private void giveUpLeadIn() {
        for (Piece p : ahead) {
            if (p.time == UNRESOLVED) p.time = LineTime.EARLIEST;
        }
        unresolved = 0;
        if (lastTime == UNRESOLVED) lastTime = LineTime.EARLIEST;
        if (currentLineTime == UNRESOLVED) currentLineTime = LineTime.EARLIEST;
    }

    private void restart() throws IOException {
        close();
        nextFile = 0;
        bufPos = bufLen = 0;
        midLine = false;
        currentLineTime = lastTime = UNRESOLVED;
        exhausted = false;
        ahead.clear();
        aheadBytes = 0;
        unresolved = 0;
        position = 0;
    }

    /** Reads the next piece into the look-ahead; false at the end of the last file. */
    private boolean readPiece() throws IOException {
        if (exhausted) return false;
        while (in == null) {
            if (nextFile >= files.size()) {
                exhausted = true;
                return false;
            }
            fileIndex = nextFile++;
            in = open(files.get(fileIndex));
            bufPos = bufLen = 0;
            midLine = false;
            fill(); // an empty file closes at once: on to the next
        }
        int accLen = 0;
        while (true) {
            int limit = Math.min(bufLen, bufPos + (pieceMax - accLen));
            int end = bufPos;
            while (end < limit && buf[end] != '\n') end++;
            boolean newline = end < limit;
            int take = (newline ? end + 1 : end) - bufPos;
            if (accLen + take > acc.length) acc = Arrays.copyOf(acc, Math.min(pieceMax, Math.max(acc.length * 2, accLen + take)));
            System.arraycopy(buf, bufPos, acc, accLen, take);
            accLen += take;
            bufPos += take;
            boolean fileEnd = bufPos == bufLen && !fill();
            if (newline || fileEnd || accLen == pieceMax) {
                emit(acc, accLen, newline || fileEnd, fileEnd);
                return true;
            }
        }
    }

    /** Refills the buffer from the current file; false, the file closed, at its end. */
    private boolean fill() throws IOException {
        int n;
        try {
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
        } catch (IOException e) {
            throw new IOException("cannot read " + files.get(fileIndex) + ": " + e.getMessage(), e);
        }
        if (n < 0) {
            close();
            return false;
        }
        bufPos = 0;
        bufLen = n;
        return true;
    }

    private void emit(byte[] acc, int len, boolean lineEnd, boolean fileEnd) {
        boolean lineStart = !midLine;
        if (lineStart) {
            long t = lineTime.parse(acc, 0, len);
            if (t != LineTime.NONE) {
                lastTime = t;
                if (unresolved > 0) {
                    for (Piece p : ahead) {
                        if (p.time == UNRESOLVED) p.time = t;
                    }
                    unresolved = 0;
                }
            }
            currentLineTime = lastTime;
        }
        Piece p = new Piece(Arrays.copyOf(acc, len), currentLineTime, lineStart, lineEnd, fileIndex, fileEnd);
        if (p.time == UNRESOLVED) unresolved++;
        ahead.addLast(p);
        aheadBytes += len;
        midLine = !lineEnd;
    }

    /**
     * Opens a file for reading. A replay interleaves every register, so each keeps its current file open; past
     * {@link #MAX_OPEN_FILES} (a fleet of 20,000 registers meets the descriptor limit) a file is read whole into memory,
     * still compressed when it is gzipped, and its descriptor closed at once.
     */
    private InputStream open(Path file) throws IOException {
        InputStream in;
        if (OPEN_FILES.incrementAndGet() <= MAX_OPEN_FILES) {
            try {
                in = Files.newInputStream(file);
            } catch (IOException | RuntimeException e) {
                OPEN_FILES.decrementAndGet();
                throw e;
            }
            holdsDescriptor = true;
        } else {
            OPEN_FILES.decrementAndGet();
            in = new java.io.ByteArrayInputStream(Files.readAllBytes(file));
            holdsDescriptor = false;
        }
        try {
            return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, BUFFER) : in;
        } catch (IOException e) {
            in.close();
            if (holdsDescriptor) OPEN_FILES.decrementAndGet();
            holdsDescriptor = false;
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            try {
                in.close();
            } finally {
                in = null;
                if (holdsDescriptor) OPEN_FILES.decrementAndGet();
                holdsDescriptor = false;
            }
        }
    }
}
