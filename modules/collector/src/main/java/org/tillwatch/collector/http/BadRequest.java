package org.tillwatch.collector.http;

/** A request the API refuses, with the reason the client gets (400 unless said otherwise). */
final class BadRequest extends RuntimeException {
    final int status;
    final String error;

    BadRequest(String error, String reason) {
        this(400, error, reason);
    }

    BadRequest(int status, String error, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.error = error;
    }
}
