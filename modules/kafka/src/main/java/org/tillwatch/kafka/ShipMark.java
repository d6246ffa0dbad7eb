package org.tillwatch.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A shipper's word that it has read every register file it knows of to its end: {@code epoch} is the instant (the
 * shipper's clock, epoch millis) its round started, before it listed the log tree again. Every byte of every file
 * that existed then is on the raw topic before this record, in its partition; whatever is not was written after
 * {@code epoch}. Sent to every raw partition ({@code partitions} of them) after the round's chunks, with an empty
 * value and no register header. Chunks carry the epoch of the round that read them in the {@link #EPOCH} header, so
 * the assembly can say which round each transaction's bytes came in.
 */
public record ShipMark(String source, long epoch, int partitions) {
    /** Header of a mark: its epoch. */
    public static final String MARK = "ship-mark";
    /** Header of a mark: how many raw partitions were marked. */
    public static final String PARTITIONS = "ship-partitions";
    /**
     * Key of a mark as the assembly passes it on, to every partition of the transactions and activity topics, for the
     * alert leader: every other reader of those topics skips records with this key.
     */
    public static final String RECORD_KEY = "#ship-mark";
    /** Header of a chunk (and of what the assembly makes of it): the epoch of the round that read its bytes. */
    public static final String EPOCH = "ship-epoch";

    public ShipMark {
        Objects.requireNonNull(source, "source");
        if (partitions < 1) throw new IllegalArgumentException("a mark covers at least one partition, got " + partitions);
    }

    public ProducerRecord<String, byte[]> toRecord(String topic, int partition) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, partition, null, new byte[0]);
        r.headers().add(RawChunk.SOURCE, utf8(source)).add(MARK, utf8(Long.toString(epoch)))
                .add(PARTITIONS, utf8(Integer.toString(partitions)));
        return r;
    }

    /** The mark a raw record holds, or null when it is not one. */
    public static ShipMark of(Headers headers) {
        String epoch = header(headers, MARK);
        if (epoch == null) return null;
        String source = header(headers, RawChunk.SOURCE);
        String partitions = header(headers, PARTITIONS);
        try {
            return new ShipMark(source == null ? "unknown" : source, Long.parseLong(epoch), partitions == null ? 1 : Integer.parseInt(partitions));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a ship mark with a bad number: " + e.getMessage(), e);
        }
    }

    /** The epoch a record's {@link #EPOCH} header holds, or null. */
    public static Long epochOf(Headers headers) {
        String e = header(headers, EPOCH);
        if (e == null) return null;
        try {
            return Long.valueOf(e);
        } catch (NumberFormatException x) {
            return null;
        }
    }

    public static byte[] epochBytes(long epoch) {
        return utf8(Long.toString(epoch));
    }

    private static String header(Headers headers, String name) {
        Header h = headers == null ? null : headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
