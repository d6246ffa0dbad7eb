package org.tillwatch.domain.parse;

import java.util.Arrays;

/**
 * The {@code key=value} pairs of a message. Values with spaces or '=' are double-quoted with {@code \"} and
 * {@code \\} escapes. Words without '=' (free text such as {@code (17 ms)}) are skipped. Lookup is linear: a
 * message holds a handful of keys.
 */
final class KeyValues {
    // Positions in the message, not substrings: most keys are only compared and most values never asked for
    // (substrings here were a tenth of everything ingestion allocated).
    private String source;
    private int[] bounds = new int[4 * 12];
    private String[] quoted = new String[12];
    private int size;

    /** Parses from {@code from}; returns an error text, or null when the pairs were read. */
    String parse(String s, int from) {
        source = s;
        size = 0;
        int i = from;
        int n = s.length();
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') i++;
            if (i >= n) break;
            int wordStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ' ') i++;
            if (i >= n || s.charAt(i) == ' ') continue;
            int keyEnd = i;
            i++;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        sb.append(s.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        sb.append(c);
                    }
                }
                if (!closed) return "unterminated quoted value of " + s.substring(wordStart, keyEnd);
                add(wordStart, keyEnd, 0, 0, sb.toString());
            } else {
                int vs = i;
                while (i < n && s.charAt(i) != ' ') i++;
                add(wordStart, keyEnd, vs, i, null);
            }
        }
        return null;
    }

    private void add(int keyStart, int keyEnd, int valueStart, int valueEnd, String quotedValue) {
        if (size == quoted.length) {
            bounds = Arrays.copyOf(bounds, size * 8);
            quoted = Arrays.copyOf(quoted, size * 2);
        }
        int b = 4 * size;
        bounds[b] = keyStart;
        bounds[b + 1] = keyEnd;
        bounds[b + 2] = valueStart;
        bounds[b + 3] = valueEnd;
        quoted[size] = quotedValue;
        size++;
    }

    String get(String key) {
        int len = key.length();
        for (int i = 0; i < size; i++) {
            int b = 4 * i;
            if (bounds[b + 1] - bounds[b] == len && source.regionMatches(bounds[b], key, 0, len)) {
                return quoted[i] != null ? quoted[i] : source.substring(bounds[b + 2], bounds[b + 3]);
            }
        }
        return null;
    }
}
