package org.tillwatch.kafka;

import java.util.Objects;

/** The distributed mode's topic names and application ids, all under one prefix ({@code cluster.topic-prefix}). */
public record Topics(String prefix) {
    public Topics {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** Raw register log chunks: key store, value bytes, headers {@link RawChunk}. */
    public String raw() {
        return prefix + "raw";
    }

    /** Assembled transactions: key store, value {@code TransactionCodec.encode(t)}. */
    public String transactions() {
        return prefix + "transactions";
    }

    /** A register's latest entry time: key store, value JSON {"register": "POS01", "at": "<instant>"}. */
    public String activity() {
        return prefix + "activity";
    }

    /** Loyalty requests between receipts (offline-queue confirms): key store, value {@link RegisterRequestRecord}. */
    public String requests() {
        return prefix + "requests";
    }

    /** Lines the parser could not read: key store, value JSON (register, file, line, reason, masked text). */
    public String malformed() {
        return prefix + "malformed";
    }

    /**
     * Compacted: per register the latest {@link RegisterCounts} (key {@code STORE/REGISTER}, value its JSON), what the
     * status API sums up.
     */
    public String figures() {
        return prefix + "figures";
    }

    /** Transactions the indexer gave up on, with headers reason, source-topic, source-partition, source-offset. */
    public String deadLetter() {
        return prefix + "dead-letter";
    }

    public String assemblyApplicationId() {
        return prefix + "assembly";
    }

    /** The support-ticket orchestrator's consumer group (offsets kept for lag monitoring; its positions live in its own state). */
    public String orchestratorGroup() {
        return prefix + "orchestrator";
    }

    /** Compacted, one partition: which instance runs the orchestrator (key {@code orchestrator}, value its base URL). */
    public String roles() {
        return prefix + "roles";
    }

    public String indexerGroup() {
        return prefix + "indexer";
    }
}
