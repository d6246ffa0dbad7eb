package org.tillwatch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.live.ReceiptFact;

/**
 * One record of {@code P+alert-facts}: a receipt, a register's activity, or a partition's progress (every event of
 * that transactions partition up to {@code at} is before this record in the topic; {@code idle}: it had nothing to do
 * lately). Exactly one of {@code receipt}, {@code register}, {@code partition} is set; {@code source} is the
 * transactions partition a receipt or an activity came from. A progress fact also says the next offset the task reads
 * of its transactions and activity partitions (null: unknown): every fact of the records before them is before this
 * record, so the leader can tell a task that has read all its partitions hold from one that has not.
 * <p>
 * With a shipper ({@code tillwatch ship}): {@code epoch} is the shipper's round that read a receipt's or an activity's
 * bytes; a progress fact's {@code shipped} is the oldest round every raw partition has been marked complete in (from
 * every shipper heard lately), {@code shippedBefore} the round each had been marked in before that, and {@code floor}
 * the oldest entry the assembly may still hold back ({@code ShipMark} of {@code modules/kafka}). All null without one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fact(ReceiptFact receipt, RegisterKey register, Integer partition, Instant at, Boolean idle, Integer source,
                   Long transactionsNext, Long activityNext, Long epoch, Long shipped, Long shippedBefore, Instant floor) {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static Fact of(ReceiptFact r, int source) {
        return of(r, source, null);
    }

    public static Fact of(ReceiptFact r, int source, Long epoch) {
        return new Fact(r, null, null, r.closedAt(), null, source, null, null, epoch, null, null, null);
    }

    public static Fact activity(RegisterKey register, Instant at, int source) {
        return activity(register, at, source, null);
    }

    public static Fact activity(RegisterKey register, Instant at, int source, Long epoch) {
        return new Fact(null, register, null, at, null, source, null, null, epoch, null, null, null);
    }

    public static Fact progress(int partition, Instant upTo, boolean idle, Long transactionsNext, Long activityNext) {
        return progress(partition, upTo, idle, transactionsNext, activityNext, ShipMarks.Complete.NONE);
    }

    public static Fact progress(int partition, Instant upTo, boolean idle, Long transactionsNext, Long activityNext, ShipMarks.Complete shipped) {
        return new Fact(null, null, partition, upTo, idle, null, transactionsNext, activityNext, null, shipped.epoch(), shipped.before(),
                shipped.floor() == null ? null : Instant.ofEpochMilli(Math.max(shipped.floor(), 0L)));
    }

    public boolean isProgress() {
        return partition != null;
    }

    public byte[] encode() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Fact decode(byte[] bytes) {
        try {
            return JSON.readValue(bytes, Fact.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an alert fact: " + e.getMessage(), e);
        }
    }
}
