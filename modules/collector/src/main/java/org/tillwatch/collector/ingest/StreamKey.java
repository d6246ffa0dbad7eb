package org.tillwatch.collector.ingest;

import java.util.Objects;

import org.tillwatch.domain.model.RegisterKey;

/** One register's byte stream as it reaches the collector: tailed from the log root, or pushed over HTTP. */
public record StreamKey(Input input, RegisterKey register) {
    public enum Input { TAIL, PUSH }

    public StreamKey {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(register, "register");
    }

    @Override
    public String toString() {
        return input.name().toLowerCase() + ":" + register;
    }
}
