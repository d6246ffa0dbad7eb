package org.tillwatch.orchestrator.data;

import java.io.IOException;

/** The incidents cannot be known right now (e.g. alerting is moving between instances): ask again shortly. */
public final class IncidentsUnavailable extends IOException {
    public IncidentsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
