package org.tillwatch.cluster.alert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.tillwatch.alerting.AlertEngine;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.alerting.state.StateStore;
import org.tillwatch.cluster.ClusterTopics;
import org.tillwatch.cluster.Fact;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.StoreRegistry;

/** The alert-facts task: while this instance runs it, it leads alerting. See {@link ClusterAlerting}. */
final class AlertLeader implements Processor<String, byte[], Void, Void> {
    private static final Logger LOG = Logger.getLogger(AlertLeader.class.getName());
    private static final String STATE_KEY = "state";
    /** How long a partition that went quiet without saying so holds the others back (its task is moving). */
    static final Duration HOLD = Duration.ofSeconds(30);
    /**
     * How long (wall clock) a register handed to the engine holds the others back in the engine's order: its partition's
     * other registers may be seconds behind it on a loaded machine (the engine's own default, 1 s, is for one process
     * reading its registers' files).
     */
    static final Duration ACTIVE = Duration.ofSeconds(5);

    private final ClusterAlerting owner;
    private final StoreRegistry registry;
    private final ClusterTopics topics;
    private final CollectorConfig config;
    private final Supplier<List<Notifier>> notifiers;
    private final Path workDir;
    private final Clock clock;
    private FactOrder order;
    private Backlog backlog;
    private KafkaProducer<String, byte[]> stateProducer;
    private AlertEngine engine;
    private long resumeAt;
    /** The instant the restored state's rules had reached (null: a new state): what is older, they saw. */
    private java.time.Instant evaluated;
    private long reread;
    private final Map<org.tillwatch.domain.model.RegisterKey, Long> handed = new java.util.concurrent.ConcurrentHashMap<>();

    AlertLeader(ClusterAlerting owner, StoreRegistry registry, ClusterTopics topics, CollectorConfig config,
                Supplier<List<Notifier>> notifiers, Path workDir, Clock clock) {
        this.owner = owner;
        this.registry = registry;
        this.topics = topics;
        this.config = config;
        this.notifiers = notifiers;
        this.workDir = workDir;
        this.clock = clock;
    }

    AlertEngine engine() {
        return engine;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "leader-");
            byte[] saved = lastSavedState();
            if (saved != null) {
                Files.createDirectories(dir.resolve("alerting"));
                Files.write(dir.resolve("alerting").resolve("state.json"), saved);
            }
            int partitions;
            int rawPartitions;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.cluster().kafkaBootstrap()))) {
                partitions = admin.describeTopics(List.of(topics.transactions())).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(topics.transactions()).partitions().size();
                String raw = topics.prefix() + "raw";
                rawPartitions = admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(raw)
                        ? admin.describeTopics(List.of(raw)).allTopicNames().get(30, TimeUnit.SECONDS).get(raw).partitions().size() : 0;
            }
            backlog = new Backlog(consumerProps(), topics, partitions, rawPartitions, Duration.ofMillis(200));
            order = new FactOrder(HOLD, partitions);
            stateProducer = new KafkaProducer<>(producerProps());
            StateStore store = new StateStore(dir, this::mirror);
            evaluated = store.read().lastStep();
            engine = new AlertEngine(config.alerting(), registry, store, clock, new SimpleMeterRegistry(), Duration.ofSeconds(1));
            replay(evaluated);
            engine.busyRegisters(r -> {
                Long at = handed.get(r);
                return at != null && System.nanoTime() - at < ACTIVE.toNanos();
            });
            notifiers.get().forEach(engine::addNotifier);
            engine.start();
            owner.leading(this);
            LOG.info(() -> "this instance leads alerting now (state " + (saved == null ? "new" : "restored") + ", resuming at offset " + resumeAt + ")");
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot take over alerting: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted taking over alerting", e);
        }
        context.schedule(Duration.ofMillis(500), PunctuationType.WALL_CLOCK_TIME, t -> release());
    }

    /** Saved before the notices in it go out: a leader taking over after this resumes from it. */
    private void mirror(byte[] state) throws IOException {
        try {
            stateProducer.send(new ProducerRecord<>(topics.alertState(), 0, STATE_KEY, state)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted saving the alert state to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot save the alert state to " + topics.alertState() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        try {
            order.add(Fact.decode(record.value()));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "skipped an alert fact: " + e.getMessage());
        }
        release();
    }

    /**
     * Hands the facts every partition has passed to the engine. A partition's progress is the latest event its task
     * saw, not a low watermark: its registers are shipped and assembled each on its own, so one may be behind another
     * of the same partition (minutes of log time in a fast replay on a loaded machine). The engine's own per-register
     * order puts those back in order, as it does in single-instance mode: it is not flushed here.
     */
    private void release() {
        for (Fact f : order.ready(backlog)) {
            long at = f.at().toEpochMilli();
            if (evaluated != null && !f.at().isAfter(evaluated)) {
                // read again after a take-over: the last leader's rules saw it before they reached the saved step (it
                // read the topic past its committed offset); the figures did not, since they were rebuilt up to that offset
                if (reread++ == 0) LOG.info(() -> "facts before the restored step " + evaluated + " read again after the take-over go to the figures");
                if (f.receipt() != null) engine.live().receipt(f.receipt());
                else engine.live().activity(f.register(), f.at());
                continue;
            }
            // a late receipt may change what a rule saw; late activity only how long a register looked quiet
            java.time.Instant seen = engine.live().watermark();
            if (f.receipt() != null && seen != null && at < seen.toEpochMilli() - 1000) {
                owner.late();
                // a receipt left open when its register went quiet ends (incomplete) only when it writes again: late in both modes
                String what = f.receipt().closed() ? "late receipt" : "late incomplete receipt";
                LOG.warning(() -> what + " from partition " + f.source() + " (" + f.receipt().registerKey() + "): " + f.at() + ", "
                        + (seen.toEpochMilli() - at) / 1000 + " s behind what the rules already saw (read in round " + f.epoch()
                        + ", marks let out up to " + (order.markedUpTo() == Long.MIN_VALUE ? "-" : java.time.Instant.ofEpochMilli(order.markedUpTo()))
                        + (evaluated == null ? "" : ", restored step " + evaluated) + "; " + order.describe() + ")");
            }
            handed.put(f.receipt() != null ? f.receipt().registerKey() : f.register(), System.nanoTime());
            if (f.receipt() != null) engine.receipt(f.receipt());
            else engine.activity(f.register(), f.at());
        }
    }

    @Override
    public void close() {
        owner.stepped(this);
        if (engine != null) engine.close();
        if (stateProducer != null) stateProducer.close(Duration.ofSeconds(10));
        if (backlog != null) backlog.close();
        LOG.info("this instance no longer leads alerting");
    }

    // ---- taking over ----------------------------------------------------------------------------------------

    private byte[] lastSavedState() {
        TopicPartition tp = new TopicPartition(topics.alertState(), 0);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProps(), new StringDeserializer(), new ByteArrayDeserializer())) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            byte[] last = null;
            while (c.position(tp) < end) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) if (STATE_KEY.equals(r.key())) last = r.value();
            }
            return last;
        }
    }

    /**
     * Feeds the engine's live figures the facts of the longest alert window before where this task resumes (the
     * group's committed offset), as the embedded collector rebuilds them from its index after a restart. Facts after
     * the step the saved state was evaluated at go to the rules instead, in event order: the last leader had read them
     * (its offset moved past them) but may have held them back, waiting for a slower partition, when it stopped; fed
     * to the figures only, the rules would never have seen them (and would see the facts after them as late).
     */
    private void replay(java.time.Instant evaluated) throws ExecutionException, InterruptedException, TimeoutException {
        TopicPartition tp = new TopicPartition(topics.alertFacts(), 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.cluster().kafkaBootstrap()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(topics.applicationId()).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(tp);
            resumeAt = committed == null ? 0 : committed.offset();
        }
        if (resumeAt == 0) return;
        Duration longest = engine.windows().stream().max(Duration::compareTo).orElseThrow().plus(Duration.ofMinutes(10));
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProps(), new StringDeserializer(), new ByteArrayDeserializer())) {
            c.assign(List.of(tp));
            // the last fact before resumeAt (records before it are committed: readable at once; offsets may be markers)
            long lastTime = -1;
            for (long start = resumeAt; lastTime < 0 && start > 0; ) {
                start = Math.max(0, start - 1000);
                c.seek(tp, start);
                lastTime = lastTimestampBefore(c, tp);
            }
            Map<TopicPartition, OffsetAndTimestamp> from = c.offsetsForTimes(Map.of(tp, Math.max(0, lastTime - longest.toMillis())));
            c.seek(tp, from.get(tp) == null ? resumeAt : Math.min(resumeAt, from.get(tp).offset()));
            long replayed = 0;
            while (c.position(tp) < resumeAt) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= resumeAt) break;
                    Fact f = Fact.decode(r.value());
                    // no saved state (the last leader never had anything to save): nothing is known to be evaluated, and
                    // what it read may be far past what it let out: all of it goes through the order
                    if (f.isProgress() || evaluated == null || f.at().isAfter(evaluated)) order.add(f);
                    else if (f.receipt() != null) engine.live().receipt(f.receipt());
                    else engine.live().activity(f.register(), f.at());
                    replayed++;
                }
            }
            long n = replayed;
            LOG.info(() -> "alert leader replayed " + n + " facts before offset " + resumeAt);
        }
    }

    private long lastTimestampBefore(KafkaConsumer<String, byte[]> c, TopicPartition tp) throws TimeoutException {
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (c.position(tp) < resumeAt) {
            if (System.nanoTime() > deadline) throw new TimeoutException("cannot read " + tp + " up to offset " + resumeAt);
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) if (r.offset() < resumeAt) last = r.timestamp();
        }
        return last;
    }

    private Properties consumerProps() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.cluster().kafkaBootstrap());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    private Properties producerProps() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.cluster().kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        return p;
    }
}
