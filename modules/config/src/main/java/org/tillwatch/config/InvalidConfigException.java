package org.tillwatch.config;

import java.util.List;

/**
 * Thrown by the configuration records' constructors when values are out of range. It lists every problem of the
 * record, one per line, each naming the key path ({@code server.port: must be between 0 and 65535, got 70000}).
 */
public final class InvalidConfigException extends IllegalArgumentException {

    private final transient List<Problem> details;

    InvalidConfigException(List<Problem> details) {
        super(String.join("\n", details.stream().map(Problem::toString).toList()));
        this.details = List.copyOf(details);
    }

    /** Every problem as {@code path: message}. */
    public List<String> problems() {
        return details.stream().map(Problem::toString).toList();
    }

    List<Problem> details() {
        return details;
    }
}
