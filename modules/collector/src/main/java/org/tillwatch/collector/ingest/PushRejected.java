package org.tillwatch.collector.ingest;

/** A push the collector cannot take now ({@link Saturated}) or that does not fit the stream ({@link OffsetMismatch}). */
public sealed class PushRejected extends Exception permits PushRejected.Saturated, PushRejected.OffsetMismatch {
    PushRejected(String message) {
        super(message, null, false, false);
    }

    /** The pipeline is behind by more than the configured backlog: the shipper should retry later. */
    public static final class Saturated extends PushRejected {
        private final String code;
        private final long retryAfterMillis;

        public Saturated(long backlog) {
            this(backlog, 1_000);
        }

        /** @param retryAfterMillis how long until the backlog has likely drained enough for this chunk */
        public Saturated(long backlog, long retryAfterMillis) {
            this("saturated", "ingest backlog is full (" + backlog + " bytes waiting)", retryAfterMillis);
        }

        private Saturated(String code, String message, long retryAfterMillis) {
            super(message);
            this.code = code;
            this.retryAfterMillis = retryAfterMillis;
        }

        /** The data directory has no room: nothing is taken until space is freed (see {@link DataDisk}). */
        static Saturated diskFull(String reason) {
            return new Saturated("disk_full", reason, 5_000);
        }

        /** The error code of the 503 answer: {@code saturated} or {@code disk_full}. */
        public String code() {
            return code;
        }

        public long retryAfterMillis() {
            return retryAfterMillis;
        }
    }

    /** The chunk starts past what the collector has: bytes in between were never received. */
    public static final class OffsetMismatch extends PushRejected {
        private final long expected;

        public OffsetMismatch(long given, long expected) {
            super("chunk starts at offset " + given + " but the collector has " + expected + " bytes of this register");
            this.expected = expected;
        }

        public long expected() {
            return expected;
        }
    }
}
