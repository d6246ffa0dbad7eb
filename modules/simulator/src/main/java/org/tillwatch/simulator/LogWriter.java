package org.tillwatch.simulator;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.time.LocalDate;

/**
 * Writes one register log as windows-1251 bytes with {@code \r\n} line ends, straight from primitive
 * values into its own buffer (no per-line strings, no {@code String.format}). It can also write a raw
 * byte, which is how the deliberate invalid 0x98 gets in.
 */
final class LogWriter implements Closeable {
    static final Charset CP1251 = Charset.forName("windows-1251");
    private static final byte[] ENCODE = buildEncodeTable();
    private static final byte UNMAPPABLE = '?';

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private final byte[] datePrefix;
    private int pos;
    private long written;

    LogWriter(OutputStream out, LocalDate day) {
        this.out = out;
        this.datePrefix = (day.toString() + ' ').getBytes(CP1251);
    }

    /** Starts an entry line: date, time, padded level, component, then the message is appended. */
    LogWriter entry(int ms, Level level, String component) {
        return entry(ms, level.padded, component);
    }

    /** Starts an entry line with any level text (the malformed {@code FATAL} uses this). */
    LogWriter entry(int ms, String levelText, String component) {
        date();
        time(ms);
        raw(' ');
        ascii(levelText);
        ascii(" [");
        ascii(component);
        ascii("] ");
        return this;
    }

    /** Writes the day's date and a space, as every entry line starts. */
    LogWriter date() {
        return bytes(datePrefix);
    }

    /** Writes {@code HH:mm:ss.SSS} for a millisecond of the day. */
    LogWriter time(int ms) {
        ensure(12);
        int h = ms / 3_600_000;
        int m = ms / 60_000 % 60;
        int s = ms / 1000 % 60;
        int f = ms % 1000;
        two(h);
        buf[pos++] = ':';
        two(m);
        buf[pos++] = ':';
        two(s);
        buf[pos++] = '.';
        buf[pos++] = (byte) ('0' + f / 100);
        buf[pos++] = (byte) ('0' + f / 10 % 10);
        buf[pos++] = (byte) ('0' + f % 10);
        return this;
    }

    private void two(int v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    /** Text known to be ASCII (keys, XML, numbers as strings). */
    LogWriter ascii(String s) {
        int n = s.length();
        if (n > buf.length) {
            return text(s);
        }
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** The ASCII characters {@code s[from, to)}. */
    LogWriter ascii(String s, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Any text, encoded as windows-1251 (unmappable characters become '?'). */
    LogWriter text(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (pos == buf.length) {
                flushBuffer();
            }
            char c = s.charAt(i);
            buf[pos++] = c < 0x80 ? (byte) c : ENCODE[c] == 0 ? UNMAPPABLE : ENCODE[c];
        }
        return this;
    }

    LogWriter num(long v) {
        if (v < 0) {
            raw('-');
            v = -v;
        }
        ensure(20);
        if (v == 0) {
            buf[pos++] = '0';
            return this;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (byte) ('0' + v % 10);
            v /= 10;
        }
        reverse(start, pos - 1);
        return this;
    }

    /** A zero-padded number of exactly {@code width} digits. */
    LogWriter padded(long v, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buf[pos + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos += width;
        return this;
    }

    /** An amount in kopecks as {@code 123.45}. */
    LogWriter money(long cents) {
        if (cents < 0) {
            raw('-');
            cents = -cents;
        }
        num(cents / 100);
        raw('.');
        return padded(cents % 100, 2);
    }

    /** A weight in grams as kilograms with three decimals. */
    LogWriter kilos(long grams) {
        num(grams / 1000);
        raw('.');
        return padded(grams % 1000, 3);
    }

    LogWriter raw(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
        return this;
    }

    private LogWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** Ends the line with {@code \r\n}. */
    void eol() {
        ensure(2);
        buf[pos++] = '\r';
        buf[pos++] = '\n';
    }

    long bytesWritten() {
        return written + pos;
    }

    private void reverse(int i, int j) {
        while (i < j) {
            byte t = buf[i];
            buf[i++] = buf[j];
            buf[j--] = t;
        }
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            flushBuffer();
        }
    }

    private void flushBuffer() {
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        written += pos;
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            out.close();
        }
    }

    private static byte[] buildEncodeTable() {
        byte[] table = new byte[Character.MAX_VALUE + 1];
        for (int b = 0x80; b <= 0xFF; b++) {
            CharBuffer decoded = CP1251.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
            char c = decoded.get(0);
            if (c != '\uFFFD') {
                table[c] = (byte) b;
            }
        }
        return table;
    }

    /** Whether every character of {@code s} has a windows-1251 byte. */
    static boolean encodable(CharSequence s) {
        return s.chars().allMatch(c -> c < 0x80 || ENCODE[c] != 0);
    }

    /** Log levels, padded to five characters as the registers write them. */
    enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR;

        final String padded = String.format("%-5s", name());
    }

}
