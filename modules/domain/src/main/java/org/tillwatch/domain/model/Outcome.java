package org.tillwatch.domain.model;

import java.util.Objects;

/**
 * How one loyalty request ended. {@code name} is the spec's name ({@code Ok}, {@code CardBlocked},
 * {@code TIMEOUT}, {@code HTTP_502}, {@code NO_RESPONSE}, {@code Unknown} ...); {@code code} the numeric
 * processing code where there is one; {@code critical} whether the loyalty service itself failed.
 */
public record Outcome(String name, Integer code, Kind kind, boolean critical) {
    public enum Kind { PROCESSING, UNKNOWN_CODE, TIMEOUT, CONNECTION, TRANSPORT, HTTP, NO_RESPONSE }

    public static final String UNKNOWN = "Unknown";
    public static final Outcome OK = new Outcome("Ok", 0, Kind.PROCESSING, false);
    public static final Outcome TIMEOUT = new Outcome("TIMEOUT", null, Kind.TIMEOUT, true);
    public static final Outcome CONNECTION = new Outcome("CONNECTION", null, Kind.CONNECTION, true);
    /** A transport failure whose exception the spec does not name: critical, kept apart so it is not silently guessed. */
    public static final Outcome TRANSPORT = new Outcome("TRANSPORT", null, Kind.TRANSPORT, true);
    public static final Outcome NO_RESPONSE = new Outcome("NO_RESPONSE", null, Kind.NO_RESPONSE, true);

    public Outcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static Outcome ofErrorCode(int code) {
        return ErrorCode.of(code)
                .map(c -> c == ErrorCode.OK ? OK : new Outcome(c.displayName(), c.code(), Kind.PROCESSING, c.critical()))
                .orElseGet(() -> new Outcome(UNKNOWN, code, Kind.UNKNOWN_CODE, true));
    }

    /** Every gateway HTTP failure is critical: the request never reached processing. */
    public static Outcome http(int status) {
        return new Outcome("HTTP_" + status, status, Kind.HTTP, true);
    }

    public static Outcome ofException(String exceptionClass) {
        return switch (exceptionClass) {
            case "java.net.SocketTimeoutException" -> TIMEOUT;
            case "java.net.ConnectException", "java.net.NoRouteToHostException", "java.net.SocketException" -> CONNECTION;
            default -> TRANSPORT;
        };
    }

    public boolean ok() {
        return this == OK || (kind == Kind.PROCESSING && code != null && code == 0);
    }
}
