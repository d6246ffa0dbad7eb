package org.tillwatch.domain.parse;

/** Receives what a dialect made of each entry of one register's log. */
public interface EntrySink {
    void event(LogEvent event);

    void malformed(MalformedLine line);
}
