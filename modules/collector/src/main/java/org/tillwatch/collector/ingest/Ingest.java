package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.tillwatch.domain.model.RegisterKey;

/**
 * What the HTTP API needs of ingestion: pushes, readiness and figures. The embedded {@link IngestEngine} reads into
 * the local index; in distributed mode pushes go to Kafka ({@code org.tillwatch.collector.cluster.KafkaIngest}).
 */
public interface Ingest {
    IngestEngine.PushResult push(RegisterKey register, byte[] body, Long offset, String file, boolean endOfFile)
            throws IOException, PushRejected;

    /** Bytes of the register's pushed stream this collector has (a shipper resumes from there). */
    long pushedOffset(RegisterKey register);

    boolean ready();

    /** Why ingestion stopped, or null. */
    Throwable failure();

    /** Why the collector is not ready, in words for an operator, or null when it is. */
    default String notReadyReason() {
        Throwable f = failure();
        if (f != null) return "ingestion failed: " + f;
        return ready() ? null : "restoring or stopping";
    }

    int streamCount();

    /** Figures of everything ingested, per register stream. */
    List<StreamFigures> figures();

    Instant lastCommit();

    long backlogBytes();

    long backlogLimitBytes();

    Duration lastCommitPause();

    Duration maxCommitPause();
}
