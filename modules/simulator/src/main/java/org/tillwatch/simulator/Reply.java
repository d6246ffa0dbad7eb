package org.tillwatch.simulator;

/**
 * How one loyalty request ended, as the register will log it. {@link #outcome()} is the name the
 * spec's reading gives it (the key in expected.json's {@code outcomes}).
 */
record Reply(Kind kind, LoymaxCode code, int httpStatus, String exception) {

    /** What the register logs after the request. */
    enum Kind {
        /** A well-formed {@code Loymax response}; the code says what it answered. */
        RESPONSE,
        /** {@code Loymax request failed ... SocketTimeoutException}. */
        TIMEOUT,
        /** {@code Loymax request failed ... ConnectException} and friends. */
        CONNECTION,
        /** {@code Loymax HTTP error: status=...}. */
        HTTP,
        /** A {@code Loymax response} whose XML is cut off: the request stays without an outcome. */
        BAD_XML,
        /** Nothing at all is logged for the request. */
        SILENT
    }

    static final Reply OK = response(LoymaxCode.Ok);
    static final Reply TIMEOUT = new Reply(Kind.TIMEOUT, null, 0, "java.net.SocketTimeoutException");
    static final Reply BAD_XML = new Reply(Kind.BAD_XML, null, 0, null);
    static final Reply SILENT = new Reply(Kind.SILENT, null, 0, null);

    static Reply response(LoymaxCode code) {
        return new Reply(Kind.RESPONSE, code, 0, null);
    }

    static Reply http(int status) {
        return new Reply(Kind.HTTP, null, status, null);
    }

    static Reply connection(String exceptionClass) {
        return new Reply(Kind.CONNECTION, null, 0, exceptionClass);
    }

    boolean ok() {
        return kind == Kind.RESPONSE && code == LoymaxCode.Ok;
    }

    String outcome() {
        return switch (kind) {
            case RESPONSE -> code.name();
            case TIMEOUT -> "TIMEOUT";
            case CONNECTION -> "CONNECTION";
            case HTTP -> "HTTP_" + httpStatus;
            case BAD_XML, SILENT -> "NO_RESPONSE";
        };
    }

    boolean critical() {
        return kind != Kind.RESPONSE || code.critical;
    }
}
