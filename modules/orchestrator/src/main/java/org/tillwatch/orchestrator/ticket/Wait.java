package org.tillwatch.orchestrator.ticket;

import java.util.Objects;

/** What a waiting ticket waits for: {@code queue} (an offline-queued operation id) or {@code incident} (its id). */
public record Wait(String kind, String ref, String transaction) {
    public Wait {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        if (!kind.equals("queue") && !kind.equals("incident")) throw new IllegalArgumentException("wait kind must be queue or incident");
    }
}
