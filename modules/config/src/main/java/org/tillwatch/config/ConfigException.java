package org.tillwatch.config;

import java.util.List;

/**
 * The configuration could not be loaded. The message lists every problem found, one per line, each saying where the
 * value came from (the file or the environment variable) and the key path, e.g.
 * {@code config.yaml: unknown key 'server.prot' (known: host, port)}.
 */
public final class ConfigException extends Exception {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
