package org.tillwatch.domain.model;

/**
 * One log entry as written: its first line and continuations joined by '\n', full PANs already masked.
 * {@code line} is the 1-based number of its first line in {@code source}.
 */
public record RawEntry(String source, long line, String text) {
}
