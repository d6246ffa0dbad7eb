package org.tillwatch.kafka.assembly;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What this instance's assembly has done, for metrics; plus the latest entry time it has seen (its watermark). */
public final class AssemblyStats {
    final LongAdder bytes = new LongAdder();
    final LongAdder transactions = new LongAdder();
    final LongAdder malformedLines = new LongAdder();
    final LongAdder duplicateChunks = new LongAdder();
    final LongAdder gaps = new LongAdder();
    final LongAdder badRecords = new LongAdder();
    final AtomicLong watermarkMillis = new AtomicLong(Long.MIN_VALUE);

    public long bytes() {
        return bytes.sum();
    }

    public long transactions() {
        return transactions.sum();
    }

    public long malformedLines() {
        return malformedLines.sum();
    }

    /** Chunks skipped because the register's stream already had their bytes (a re-send). */
    public long duplicateChunks() {
        return duplicateChunks.sum();
    }

    /** Chunks that started past the register's stream: bytes were lost before Kafka. */
    public long gaps() {
        return gaps.sum();
    }

    /** Raw records that were no chunk (no store key or register header). */
    public long badRecords() {
        return badRecords.sum();
    }

    void sawEvent(long millis) {
        watermarkMillis.accumulateAndGet(millis, Math::max);
    }
}
