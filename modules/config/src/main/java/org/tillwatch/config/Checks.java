package org.tillwatch.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one configuration section so a record constructor can report them all at once. */
final class Checks {

    private final String section;
    private final List<Problem> problems = new ArrayList<>();

    Checks(String section) {
        this.section = section;
    }

    void fail(String key, String message) {
        problems.add(new Problem(section + "." + key, message));
    }

    boolean present(Object value, String key) {
        if (value == null) {
            fail(key, "must be set");
            return false;
        }
        return true;
    }

    void range(long value, long min, long max, String key) {
        if (value < min || value > max) {
            fail(key, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    void byteRange(long value, long min, long max, String key) {
        if (value < min || value > max) {
            fail(key, "must be between " + Units.formatBytes(min) + " and " + Units.formatBytes(max)
                    + ", got " + Units.formatBytes(value));
        }
    }

    void positive(Duration value, String key) {
        if (present(value, key) && (value.isZero() || value.isNegative())) {
            fail(key, "must be positive, got " + Units.formatDuration(value));
        }
    }

    void durationRange(Duration value, Duration min, Duration max, String key) {
        if (present(value, key) && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            fail(key, "must be between " + Units.formatDuration(min) + " and " + Units.formatDuration(max)
                    + ", got " + Units.formatDuration(value));
        }
    }

    /** Throws when anything failed; the record's fields are safe to use only after this. */
    void done() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }
}
