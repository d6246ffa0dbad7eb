package org.tillwatch.cli.replay;

/** A replay that cannot go on: the message is the one line the operator sees. */
public final class ReplayException extends RuntimeException {
    public ReplayException(String message) {
        super(message);
    }
}
