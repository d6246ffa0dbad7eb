package org.tillwatch.kafka.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.index.store.TransactionWriter;
import org.tillwatch.kafka.Topics;

/**
 * The indexing consumer group ({@code P+indexer}): reads the transactions topic in batches and writes them through a
 * {@link TransactionWriter}. Offsets are committed only after the write returned, so a crash re-writes (harmlessly:
 * the transaction id is the document id) instead of losing. Items the store keeps refusing are parked in the
 * dead-letter topic with the reason; when a whole batch fails and the store refuses even a transaction it took
 * before, the store is down: nothing is parked, the batch is read again after a pause.
 */
public final class Indexer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Indexer.class.getName());

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final TransactionWriter writer;
    private final Topics topics;
    private final IndexerSettings settings;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final LongAdder indexed = new LongAdder();
    private final LongAdder parked = new LongAdder();
    private volatile boolean closing;
    private volatile Throwable failure;
    private Transaction knownGood;

    public Indexer(String bootstrap, Topics topics, TransactionWriter writer, IndexerSettings settings) {
        this.topics = topics;
        this.writer = writer;
        this.settings = settings;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topics.indexerGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch(),
                // A crashed instance's partitions move to the others after 10 s, not the default 45.
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::run, "tillwatch-indexer");
    }

    public void start() {
        thread.start();
    }

    public long indexed() {
        return indexed.sum();
    }

    /** Transactions parked in the dead-letter topic. */
    public long parked() {
        return parked.sum();
    }

    /** Why the indexer stopped on its own, or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topics.transactions()));
            while (!closing) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) continue;
                if (index(records)) consumer.commitSync(next(records));
            }
        } catch (WakeupException e) {
            if (!closing) failure = e;
        } catch (RuntimeException | InterruptedException e) {
            failure = e;
            LOG.log(Level.SEVERE, "indexer stopped", e);
        } finally {
            try {
                consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
            } finally {
                stopped.countDown();
            }
        }
    }

    /** True when every record is written or parked; false when the store is down and the batch must be read again. */
    private boolean index(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<ConsumerRecord<String, byte[]>> items = new ArrayList<>(records.count());
        List<Transaction> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            if (org.tillwatch.kafka.ShipMark.RECORD_KEY.equals(r.key())) continue; // the alert leader's, not a transaction
            try {
                batch.add(TransactionCodec.decode(r.value()));
                items.add(r);
            } catch (RuntimeException e) {
                park(r, "undecodable transaction: " + e.getMessage());
            }
        }
        if (batch.isEmpty() || write(batch) == null) {
            indexed.add(batch.size());
            if (!batch.isEmpty()) knownGood = batch.get(batch.size() - 1);
            return true;
        }
        List<Integer> refused = writeEach(batch, allIndexes(batch.size()), null);
        if (refused.isEmpty()) return true;
        if (!storeAnswers()) {
            LOG.warning(() -> refused.size() + " of a batch of " + batch.size()
                    + " transactions failed and the store refuses what it took before: it looks down; reading the batch again");
            rewind(records);
            Thread.sleep(settings.backoff().multipliedBy(10).toMillis());
            return false;
        }
        // The store answers: what still fails now is refused for itself (what failed during an outage gets written).
        List<String> reasons = new ArrayList<>();
        List<Integer> parkNow = writeEach(batch, refused, reasons);
        for (int k = 0; k < parkNow.size(); k++) park(items.get(parkNow.get(k)), reasons.get(k));
        return true;
    }

    /** Writes the items at {@code indexes} one by one; the indexes that failed (with their reasons when asked). */
    private List<Integer> writeEach(List<Transaction> batch, List<Integer> indexes, List<String> reasons) throws InterruptedException {
        List<Integer> failed = new ArrayList<>();
        for (int i : indexes) {
            IOException e = write(List.of(batch.get(i)));
            if (e == null) {
                indexed.increment();
                knownGood = batch.get(i);
            } else {
                failed.add(i);
                if (reasons != null) reasons.add(String.valueOf(e.getMessage()));
            }
        }
        return failed;
    }

    private static List<Integer> allIndexes(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) all.add(i);
        return all;
    }

    /**
     * Whether the store takes a write at all: the last transaction it took is written again (harmless: same id).
     * Without one yet, the store is taken to be down, so nothing is parked before it has been seen to work.
     */
    private boolean storeAnswers() {
        if (knownGood == null) return false;
        try {
            writer.write(List.of(knownGood));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes with retries; the last failure, or null once written. */
    private IOException write(List<Transaction> batch) throws InterruptedException {
        IOException last = null;
        long wait = settings.backoff().toMillis();
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                writer.write(batch);
                return null;
            } catch (IOException e) {
                last = e;
                if (attempt < settings.attempts()) {
                    Thread.sleep(wait);
                    wait *= 2;
                }
            }
        }
        return last;
    }

    private void park(ConsumerRecord<String, byte[]> r, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topics.deadLetter(), r.key(), r.value());
        dead.headers().add("reason", utf8(reason))
                .add("source-topic", utf8(r.topic()))
                .add("source-partition", utf8(Integer.toString(r.partition())))
                .add("source-offset", utf8(Long.toString(r.offset())));
        try {
            deadLetters.send(dead).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not park " + r.topic() + "-" + r.partition() + "@" + r.offset()
                    + " in the dead-letter topic", e);
        }
        parked.increment();
        LOG.warning(() -> "parked " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + reason);
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition p : records.partitions()) consumer.seek(p, records.records(p).get(0).offset());
    }

    private static Map<TopicPartition, OffsetAndMetadata> next(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition p : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> rs = records.records(p);
            offsets.put(p, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            if (thread.isAlive()) stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }
}
