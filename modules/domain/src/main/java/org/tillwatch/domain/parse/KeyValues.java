package org.tillwatch.domain.parse;

import java.util.Arrays;

/**
 * The {@code key=value} pairs of a message. Values with spaces or '=' are double-quoted with {@code \"} and
 * {@code \\} escapes. Words without '=' (free text such as {@code (17 ms)}) are skipped. Lookup is linear: a
 * message holds a handful of keys.
 */
final class KeyValues {
    private String[] keys = new String[12];
    private String[] values = new String[12];
    private int size;

    /** Parses from {@code from}; returns an error text, or null when the pairs were read. */
    String parse(String s, int from) {
        size = 0;
        int i = from;
        int n = s.length();
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') i++;
            if (i >= n) break;
            int wordStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ' ') i++;
            if (i >= n || s.charAt(i) == ' ') continue;
            String key = s.substring(wordStart, i);
            i++;
            String value;
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
                if (!closed) return "unterminated quoted value of " + key;
                value = sb.toString();
            } else {
                int vs = i;
                while (i < n && s.charAt(i) != ' ') i++;
                value = s.substring(vs, i);
            }
            add(key, value);
        }
        return null;
    }

    private void add(String key, String value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
    }

    String get(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) return values[i];
        }
        return null;
    }
}
