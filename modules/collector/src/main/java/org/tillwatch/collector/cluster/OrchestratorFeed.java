package org.tillwatch.collector.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.kafka.RegisterRequestRecord;
import org.tillwatch.kafka.Topics;
import org.tillwatch.orchestrator.Orchestrator;

/**
 * Feeds the cluster's one orchestrator as the embedded collector's ingest does: every assembled transaction
 * ({@code P+transactions}), every loyalty request between receipts ({@code P+requests}) and the registers' activity
 * ({@code P+activity}, for the watermark), committed records only, all partitions. After each batch the positions are
 * stored with the orchestrator's state (synced to disk) and only then committed to the consumer group
 * {@code P+orchestrator} (which shows the lag); a restart resumes from the stored positions, so what was applied
 * is not applied again, and a record applied twice after a crash inside a batch changes nothing (cases, queued and
 * delivered confirms are kept by id). Waiting tickets are re-checked every {@code recheckEvery} and when reading
 * catches up.
 */
public final class OrchestratorFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OrchestratorFeed.class.getName());
    private static final Duration CAUGHT_UP_RECHECK = Duration.ofSeconds(2);

    private final Topics topics;
    private final Orchestrator orchestrator;
    private final BooleanSupplier holdsRole;
    private final Duration recheckEvery;
    private final Clock clock;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean closing;
    private volatile Instant latest;
    private volatile boolean caughtUp;
    private volatile long applied;
    private volatile long unreadable;
    private volatile Throwable failure;

    public OrchestratorFeed(String bootstrap, Topics topics, Orchestrator orchestrator, BooleanSupplier holdsRole,
                            Duration recheckEvery, Clock clock) {
        this.topics = topics;
        this.orchestrator = orchestrator;
        this.holdsRole = holdsRole;
        this.recheckEvery = recheckEvery;
        this.clock = clock;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topics.orchestratorGroup(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500), new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "tillwatch-orchestrator-feed");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * The latest event time read (receipts, requests, activity) while reading has caught up with every partition, else
     * null: the end of a store's day is judged only on everything there is, as the embedded collector's watermark.
     */
    public Instant watermark() {
        return caughtUp ? latest : null;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Records applied since start. */
    public long applied() {
        return applied;
    }

    public long unreadable() {
        return unreadable;
    }

    /** Why reading stopped, or null while it goes on. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        try {
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : List.of(topics.transactions(), topics.requests(), topics.activity())) {
                consumer.partitionsFor(topic).forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(parts);
            Map<String, Long> stored = orchestrator.readPositions();
            for (TopicPartition tp : parts) {
                Long next = stored.get(tp.toString());
                if (next != null) consumer.seek(tp, next);
                else consumer.seekToBeginning(List.of(tp));
            }
            Instant lastRecheck = clock.instant();
            boolean appliedSinceRecheck = false;
            while (!closing) {
                if (!holdsRole.getAsBoolean()) {
                    caughtUp = false;
                    Thread.sleep(500);
                    continue;
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    apply(records);
                    appliedSinceRecheck = true;
                }
                caughtUp = parts.stream().allMatch(tp -> consumer.currentLag(tp).orElse(1) == 0);
                Instant now = clock.instant();
                Duration since = Duration.between(lastRecheck, now);
                if (since.compareTo(recheckEvery) >= 0 || (caughtUp && appliedSinceRecheck && since.compareTo(CAUGHT_UP_RECHECK) >= 0)) {
                    orchestrator.recheck();
                    lastRecheck = now;
                    appliedSinceRecheck = false;
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            LOG.log(Level.SEVERE, "the orchestrator stopped reading transactions", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        Map<String, Long> next = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            next.put(tp.toString(), r.offset() + 1);
            commit.put(tp, new OffsetAndMetadata(r.offset() + 1));
            // the alert leader's ship marks: no transaction, and stamped with a shipper's wall clock, not log time
            if (org.tillwatch.kafka.ShipMark.RECORD_KEY.equals(r.key())) continue;
            Object decoded;
            try {
                decoded = r.topic().equals(topics.transactions()) ? TransactionCodec.decode(r.value())
                        : r.topic().equals(topics.requests()) ? RegisterRequestRecord.decode(r.key(), r.value()) : null;
            } catch (RuntimeException e) {
                decoded = null;
                unreadable++;
                LOG.log(Level.WARNING, "unreadable record skipped by the orchestrator: " + r.topic() + "-" + r.partition() + "@" + r.offset(), e);
            }
            // A failure of the orchestrator's own store stops reading here: these records are read again after a restart.
            if (decoded instanceof org.tillwatch.domain.model.Transaction t) orchestrator.transaction(t);
            else if (decoded instanceof RegisterRequestRecord q) orchestrator.registerRequest(q.register(), q.request());
            Instant at = Instant.ofEpochMilli(r.timestamp());
            if (latest == null || at.isAfter(latest)) latest = at;
            applied++;
        }
        orchestrator.readUpTo(next);
        consumer.commitAsync(commit, (offsets, e) -> {
            if (e != null) LOG.log(Level.FINE, "orchestrator offsets not committed to its group (positions are kept in its state)", e);
        });
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
