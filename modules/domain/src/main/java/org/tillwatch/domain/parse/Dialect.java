package org.tillwatch.domain.parse;

import java.util.List;

/** A register software's log dialect: where entries start and what they mean. */
public interface Dialect {
    String name();

    /** Whether a line begins a new entry (anything else continues the entry above). */
    boolean startsEntry(String line);

    /**
     * Whether an entry beginning with this line may have continuation lines (an XML payload, a stack trace). An entry
     * that cannot may be read as soon as its line is complete, without waiting for the next entry.
     */
    default boolean mayContinue(String firstLine) {
        return true;
    }

    /**
     * Reads one entry: its first line and its continuation lines. Never throws: what it cannot read comes back as
     * {@link Result#malformed(String)}.
     */
    Result parse(String source, long line, String first, List<String> continuations);

    /** A parsed entry: an event, or why it is malformed. */
    record Result(LogEvent event, String problem) {
        public static Result of(LogEvent event) {
            return new Result(event, null);
        }

        public static Result malformed(String problem) {
            return new Result(null, problem);
        }
    }
}
