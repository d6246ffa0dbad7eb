package org.tillwatch.domain.parse;

/** A line that could not be read: where it was, why, and its text with any card numbers masked. */
public record MalformedLine(String source, long line, String reason, String text) {
}
