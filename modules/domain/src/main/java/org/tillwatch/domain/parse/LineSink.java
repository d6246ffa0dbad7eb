package org.tillwatch.domain.parse;

/** Receives decoded lines. {@code problem} is null for a good line, else why its bytes could not be read. */
@FunctionalInterface
public interface LineSink {
    void line(long number, String text, String problem);
}
