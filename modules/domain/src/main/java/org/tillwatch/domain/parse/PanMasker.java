package org.tillwatch.domain.parse;

/**
 * Masks payment card numbers so that a full PAN never leaves the parser: {@code pan=} values keep the first six
 * and last four digits; {@link #maskCardLikeNumbers} masks every 13-19 digit run (payment or loyalty card alike),
 * for text the parser could not read (malformed lines) where a key may be mangled.
 */
public final class PanMasker {
    private static final String KEY = "pan=";

    private PanMasker() {
    }

    public static String maskPanValues(String text) {
        int at = text.indexOf(KEY);
        if (at < 0) return text;
        StringBuilder out = null;
        int copied = 0;
        while (at >= 0) {
            int start = at + KEY.length();
            if (start < text.length() && text.charAt(start) == '"') start++;
            int end = start;
            while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
            if (end - start >= 11) {
                if (out == null) out = new StringBuilder(text.length());
                out.append(text, copied, start).append(mask(text.substring(start, end)));
                copied = end;
            }
            at = text.indexOf(KEY, end);
        }
        if (out == null) return text;
        out.append(text, copied, text.length());
        return out.toString();
    }

    /** Keeps the first 6 and last 4 digits of a number long enough to be a PAN. */
    public static String mask(String digits) {
        if (digits.length() < 11) return digits;
        return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    }

    public static String maskCardLikeNumbers(String text) {
        StringBuilder out = null;
        int i = 0;
        int copied = 0;
        while (i < text.length()) {
            if (!asciiDigit(text.charAt(i))) { i++; continue; }
            int start = i;
            while (i < text.length() && asciiDigit(text.charAt(i))) i++;
            int len = i - start;
            if (len >= 13 && len <= 19) {
                if (out == null) out = new StringBuilder(text.length());
                out.append(text, copied, start).append(mask(text.substring(start, i)));
                copied = i;
            }
        }
        if (out == null) return text;
        out.append(text, copied, text.length());
        return out.toString();
    }

    /** A card number is ASCII digits: a neighbouring digit of another script must not hide it in a longer run. */
    private static boolean asciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
