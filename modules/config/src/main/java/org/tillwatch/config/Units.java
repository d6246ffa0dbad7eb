package org.tillwatch.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 {@code PT5S}) and byte sizes
 * ({@code 65536}, {@code 64KiB}, {@code 8MiB}, {@code 1GiB}, decimal {@code 8MB}) as written in configuration.
 */
public final class Units {

    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    public static final long GIB = 1024 * MIB;

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*([kmgt]i?b|b)?", Pattern.CASE_INSENSITIVE);

    private Units() {
    }

    /** @throws IllegalArgumentException when the text is not a duration */
    public static Duration parseDuration(String text) {
        String s = text.strip();
        Matcher m = DURATION.matcher(s);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            if (s.startsWith("P") || s.startsWith("p") || s.startsWith("-P") || s.startsWith("-p")) {
                return Duration.parse(s);
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("duration out of range or malformed: " + text, e);
        }
        throw new IllegalArgumentException("not a duration: " + text);
    }

    /** The shortest of the forms {@link #parseDuration} reads back: {@code 1d}, {@code 2m}, {@code 500ms}, else ISO-8601. */
    public static String formatDuration(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative() || d.getNano() % 1_000_000 != 0) {
            return d.toString();
        }
        long seconds = d.getSeconds();
        if (d.getNano() != 0) {
            try {
                return Math.addExact(Math.multiplyExact(seconds, 1000L), d.getNano() / 1_000_000) + "ms";
            } catch (ArithmeticException e) {
                return d.toString();
            }
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** @throws IllegalArgumentException when the text is not a byte size or does not fit a long */
    public static long parseBytes(String text) {
        Matcher m = BYTES.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a byte size: " + text);
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long multiplier = switch (unit) {
            case "b" -> 1L;
            case "kib" -> KIB;
            case "mib" -> MIB;
            case "gib" -> GIB;
            case "tib" -> 1024 * GIB;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            default -> 1_000_000_000_000L; // tb
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("byte size too large: " + text, e);
        }
    }

    /** {@code 8MiB} when a whole number of KiB/MiB/GiB, else the plain number of bytes. */
    public static String formatBytes(long bytes) {
        if (bytes != 0) {
            if (bytes % GIB == 0) {
                return bytes / GIB + "GiB";
            }
            if (bytes % MIB == 0) {
                return bytes / MIB + "MiB";
            }
            if (bytes % KIB == 0) {
                return bytes / KIB + "KiB";
            }
        }
        return Long.toString(bytes);
    }

    /** "99%", "99.5%" or a fraction "0.99"; returns the fraction. @throws IllegalArgumentException otherwise */
    public static double parsePercent(String text) {
        String s = text.strip();
        try {
            double v = s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1).strip()) / 100.0 : Double.parseDouble(s);
            if (Double.isNaN(v) || Double.isInfinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a percentage: " + text, e);
        }
    }

    /** A fraction as a percentage {@link #parsePercent} reads back: {@code 99%}, {@code 99.5%}. */
    public static String formatPercent(double fraction) {
        java.math.BigDecimal p = java.math.BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }
}
