package org.tillwatch.cli.replay;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The log time of a line: a line that starts {@code yyyy-MM-dd HH:mm:ss.SSS} begins an entry. Works on the raw bytes
 * (digits are ASCII in windows-1251 and UTF-8 alike), so the text is never decoded.
 */
final class LineTime {
    /** Not a valid timestamp at the start of the line. */
    static final long NONE = Long.MIN_VALUE;
    /** Lines of a register that no timestamp precedes or follows closely: they go first. */
    static final long EARLIEST = Long.MIN_VALUE / 4;
    /** No bound. */
    static final long LATEST = Long.MAX_VALUE / 4;

    static final int LENGTH = 23;

    private final ZoneRules rules;

    LineTime(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** Epoch milliseconds of the timestamp that starts {@code b[off..off+len)}, or {@link #NONE}. */
    long parse(byte[] b, int off, int len) {
        if (len < LENGTH) return NONE;
        int year = digits(b, off, 4);
        int month = digits(b, off + 5, 2);
        int day = digits(b, off + 8, 2);
        int hour = digits(b, off + 11, 2);
        int minute = digits(b, off + 14, 2);
        int second = digits(b, off + 17, 2);
        int milli = digits(b, off + 20, 3);
        if ((year | month | day | hour | minute | second | milli) < 0) return NONE;
        if (b[off + 4] != '-' || b[off + 7] != '-' || b[off + 10] != ' ' || b[off + 13] != ':' || b[off + 16] != ':'
                || b[off + 19] != '.') {
            return NONE;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
            // In a gap or an overlap (clock change) this is the offset before the change, as ZonedDateTime does.
            ZoneOffset offset = rules.getOffset(local);
            return local.toEpochSecond(offset) * 1000 + milli;
        } catch (DateTimeException e) {
            return NONE;
        }
    }

    private static int digits(byte[] b, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = b[off + i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    static long plus(long time, long millis) {
        long r = time + millis;
        return Math.min(r, LATEST);
    }
}
