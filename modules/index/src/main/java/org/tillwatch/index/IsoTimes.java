package org.tillwatch.index;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The stored form's times, written as the JSR-310 module writes them ({@link DateTimeFormatter#ISO_LOCAL_DATE_TIME},
 * {@link Instant#toString()}) but without going through a {@code DateTimeFormatter}: a transaction carries a time per
 * entry, and formatting them was a fifth of encoding it. Years outside 0000-9999 take the JDK's path.
 */
final class IsoTimes {
    private IsoTimes() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("tillwatch-iso-times");
        m.addSerializer(LocalDateTime.class, new StdSerializer<>(LocalDateTime.class) {
            @Override
            public void serialize(LocalDateTime value, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(localDateTime(value));
            }
        });
        m.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(instant(value));
            }
        });
        return m;
    }

    /** Exactly {@code DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t)}: seconds always, the fraction without trailing zeros. */
    static String localDateTime(LocalDateTime t) {
        if (t.getYear() < 0 || t.getYear() > 9999) return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
        char[] b = new char[29];
        int n = dateTime(b, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        int nano = t.getNano();
        if (nano != 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            b[n++] = '.';
            for (int i = digits - 1; i >= 0; i--) {
                b[n + i] = (char) ('0' + nano % 10);
                nano /= 10;
            }
            n += digits;
        }
        return new String(b, 0, n);
    }

    /** Exactly {@code i.toString()}: seconds always, the fraction in groups of three digits, then {@code Z}. */
    static String instant(Instant i) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(i.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) return i.toString();
        char[] b = new char[30];
        int n = dateTime(b, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        int nano = i.getNano();
        if (nano != 0) {
            b[n++] = '.';
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
            int v = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1000 : nano;
            for (int k = digits - 1; k >= 0; k--) {
                b[n + k] = (char) ('0' + v % 10);
                v /= 10;
            }
            n += digits;
        }
        b[n++] = 'Z';
        return new String(b, 0, n);
    }

    private static int dateTime(char[] b, int year, int month, int day, int hour, int minute, int second) {
        b[0] = (char) ('0' + year / 1000);
        b[1] = (char) ('0' + year / 100 % 10);
        b[2] = (char) ('0' + year / 10 % 10);
        b[3] = (char) ('0' + year % 10);
        b[4] = '-';
        two(b, 5, month);
        b[7] = '-';
        two(b, 8, day);
        b[10] = 'T';
        two(b, 11, hour);
        b[13] = ':';
        two(b, 14, minute);
        b[16] = ':';
        two(b, 17, second);
        return 19;
    }

    private static void two(char[] b, int at, int v) {
        b[at] = (char) ('0' + v / 10);
        b[at + 1] = (char) ('0' + v % 10);
    }
}
