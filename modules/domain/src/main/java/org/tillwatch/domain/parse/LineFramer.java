package org.tillwatch.domain.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) and decodes them, push-style: chunks may end
 * mid-line, and the tail waits for the next chunk. A line over {@link #MAX_LINE_BYTES} or with bytes invalid in the
 * charset is still delivered, with a problem, so the caller can count it and keep going.
 */
public final class LineFramer {
    public static final int MAX_LINE_BYTES = 64 * 1024;
    private static final char INVALID = '\uFFFF';

    private final LineSink sink;
    /** Built once per charset: a collector opens a framer per register, thousands of them. */
    private static final Map<Charset, Optional<char[]>> SINGLE_BYTE_TABLES = new ConcurrentHashMap<>();

    private final char[] singleByteTable;
    private final CharsetDecoder decoder;
    private byte[] pending = new byte[256];
    private int pendingLength;
    private boolean overflow;
    private long lineNumber;
    private char[] chars = new char[256];
    private long position;
    private long pendingStart;
    private long lineStart;

    public LineFramer(Charset charset, LineSink sink) {
        this.sink = sink;
        this.singleByteTable = SINGLE_BYTE_TABLES.computeIfAbsent(charset, LineFramer::singleByteTable).orElse(null);
        this.decoder = singleByteTable == null
                ? charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                : null;
    }

    /** Lines delivered so far; the next line is number {@code linesSeen() + 1}. */
    public long linesSeen() {
        return lineNumber;
    }

    /** Starts numbering again, for a new file. Any unfinished line is dropped: call {@link #finish()} first. */
    public void reset(long linesAlreadySeen) {
        pendingLength = 0;
        overflow = false;
        lineNumber = linesAlreadySeen;
    }

    /** Sets the stream offset of the next byte fed (bytes count on across {@link #reset(long)}). */
    public void seek(long streamOffset) {
        position = streamOffset;
    }

    /** Stream offset of the next byte to be fed. */
    public long position() {
        return position;
    }

    /** Stream offset of the first byte of the line being delivered; valid inside {@link LineSink#line}. */
    public long lineStart() {
        return lineStart;
    }

    /** Stream offset where the unfinished line began, or {@link #position()} if there is none. */
    public long pendingStart() {
        return pendingLength > 0 || overflow ? pendingStart : position;
    }

    /** Bytes of an unfinished line waiting for the rest. */
    public int pendingBytes() {
        return pendingLength;
    }

    public void feed(byte[] buf, int off, int len) {
        int end = off + len;
        int start = off;
        long base = position - off;
        position += len;
        while (start < end) {
            int nl = indexOf(buf, start, end);
            if (nl < 0) {
                if (pendingLength == 0 && !overflow) pendingStart = base + start;
                append(buf, start, end - start);
                return;
            }
            if (pendingLength == 0 && !overflow) {
                lineStart = base + start;
                emit(buf, start, nl - start);
            } else {
                append(buf, start, nl - start);
                lineStart = pendingStart;
                emitPending();
            }
            start = nl + 1;
        }
    }

    /** End of input: a last line without a line end is delivered as it is. */
    public void finish() {
        if (pendingLength > 0 || overflow) {
            lineStart = pendingStart;
            emitPending();
        }
    }

    private static int indexOf(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') return i;
        }
        return -1;
    }

    private void append(byte[] buf, int off, int len) {
        if (overflow) return;
        if (pendingLength + len > MAX_LINE_BYTES + 1) {
            overflow = true;
            int keep = Math.max(0, Math.min(len, 256 - Math.min(pendingLength, 256)));
            if (pendingLength < 256) {
                ensure(pendingLength + keep);
                System.arraycopy(buf, off, pending, pendingLength, keep);
                pendingLength += keep;
            }
            return;
        }
        ensure(pendingLength + len);
        System.arraycopy(buf, off, pending, pendingLength, len);
        pendingLength += len;
    }

    private void ensure(int capacity) {
        if (capacity > pending.length) pending = Arrays.copyOf(pending, Math.max(capacity, pending.length * 2));
    }

    private void emitPending() {
        if (overflow) {
            lineNumber++;
            String head = decodeLenient(pending, 0, Math.min(pendingLength, 200));
            sink.line(lineNumber, head, "line longer than " + MAX_LINE_BYTES + " bytes");
        } else {
            emit(pending, 0, pendingLength);
        }
        pendingLength = 0;
        overflow = false;
    }

    private void emit(byte[] buf, int off, int len) {
        if (len > 0 && buf[off + len - 1] == '\r') len--;
        lineNumber++;
        if (len > MAX_LINE_BYTES) {
            sink.line(lineNumber, decodeLenient(buf, off, 200), "line longer than " + MAX_LINE_BYTES + " bytes");
            return;
        }
        if (singleByteTable != null) {
            emitSingleByte(buf, off, len);
        } else {
            emitDecoded(buf, off, len);
        }
    }

    private void emitSingleByte(byte[] buf, int off, int len) {
        boolean ascii = true;
        for (int i = off, e = off + len; i < e; i++) {
            if (buf[i] < 0) { ascii = false; break; }
        }
        if (ascii) {
            sink.line(lineNumber, new String(buf, off, len, StandardCharsets.ISO_8859_1), null);
            return;
        }
        if (chars.length < len) chars = new char[Math.max(len, chars.length * 2)];
        boolean invalid = false;
        for (int i = 0; i < len; i++) {
            char c = singleByteTable[buf[off + i] & 0xFF];
            if (c == INVALID) { invalid = true; c = '\uFFFD'; }
            chars[i] = c;
        }
        sink.line(lineNumber, new String(chars, 0, len), invalid ? "bytes not valid in the store's encoding" : null);
    }

    private void emitDecoded(byte[] buf, int off, int len) {
        try {
            CharBuffer cb = decoder.reset().decode(ByteBuffer.wrap(buf, off, len));
            sink.line(lineNumber, cb.toString(), null);
        } catch (CharacterCodingException e) {
            sink.line(lineNumber, decodeLenient(buf, off, len), "bytes not valid in the store's encoding");
        }
    }

    private String decodeLenient(byte[] buf, int off, int len) {
        len = Math.min(len, buf.length - off);
        if (singleByteTable != null) {
            char[] out = new char[len];
            for (int i = 0; i < len; i++) {
                char c = singleByteTable[buf[off + i] & 0xFF];
                out[i] = c == INVALID ? '\uFFFD' : c;
            }
            return new String(out);
        }
        return new String(buf, off, len, decoder.charset());
    }

    /** For a single-byte charset, the char of each byte ({@link #INVALID} where undefined); null otherwise. */
    private static Optional<char[]> singleByteTable(Charset charset) {
        if (charset.newEncoder().maxBytesPerChar() != 1.0f) return Optional.empty();
        CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] table = new char[256];
        for (int b = 0; b < 256; b++) {
            try {
                CharBuffer cb = d.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                table[b] = cb.length() == 1 ? cb.get(0) : INVALID;
            } catch (CharacterCodingException e) {
                table[b] = INVALID;
            }
        }
        return Optional.of(table);
    }
}
