package org.tillwatch.collector.ship;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.tillwatch.collector.ingest.TailSegments;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.kafka.ShipMark;
import org.tillwatch.kafka.Topics;

/**
 * Edge shipping: tails a log tree ({@code <store>/<register>/pos.log}, rotated {@code pos-YYYY-MM-DD.log}, gzip,
 * truncation, as the collector does) and produces each register's bytes in chunks to the raw topic, keyed by store.
 * The checkpoint file moves only after the broker acknowledged every chunk before it, so a crash re-sends (the
 * assembler skips bytes it has, by their stream offset) and never skips. Each round that lists the tree again (every
 * {@code rescan}) and reads every file to its end ends with a {@link ShipMark} on every raw partition: the alert
 * leader's "everything written before this instant is in".
 */
public final class Shipper {
    private static final Logger LOG = Logger.getLogger(Shipper.class.getName());
    private static final long BUDGET_PER_REGISTER = 4L * 1024 * 1024;

    private final Path logs;
    private final StoreRegistry stores;
    private final Path checkpointFile;
    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final String source;
    private final ShipSettings settings;
    private final Map<RegisterKey, Tail> tails = new TreeMap<>();
    private final byte[] buf = new byte[64 * 1024];
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();
    private ShipCheckpoint restored;
    private long lastRescan;
    private long shippedBytes;
    /** When the current round of listing the tree started (epoch millis): the chunks read since carry it. */
    private long epoch;

    private record Tail(TailSegments segments, ChunkSink sink) {
    }

    /** {@code stores}: when not null, only registered stores are shipped. */
    public Shipper(Path logs, StoreRegistry stores, Path checkpointFile, Producer<String, byte[]> producer, Topics topics,
                   String source, ShipSettings settings) throws IOException {
        this.logs = logs;
        this.stores = stores;
        this.checkpointFile = checkpointFile;
        this.producer = producer;
        this.topics = topics;
        this.source = source;
        this.settings = settings;
        this.restored = ShipCheckpoint.read(checkpointFile);
    }

    /** Bytes acknowledged by the broker since start. */
    public long shippedBytes() {
        return shippedBytes;
    }

    /**
     * Sends what is new in every register, waits for the broker's acknowledgements, then writes the checkpoint.
     * Returns the bytes sent (0: nothing new).
     */
    public long shipOnce() throws IOException {
        long now = System.nanoTime();
        boolean rescan = tails.isEmpty() || now - lastRescan >= settings.rescan().toNanos();
        if (rescan) {
            epoch = Math.max(System.currentTimeMillis(), epoch + 1);
            discover();
            lastRescan = now;
        }
        long sent = 0;
        boolean readAll = true;
        for (Tail t : tails.values()) {
            if (rescan) t.segments().refresh();
            long n = t.segments().pump(t.sink(), buf, BUDGET_PER_REGISTER);
            if (n >= BUDGET_PER_REGISTER) readAll = false;
            sent += n;
            t.sink().flush(false);
        }
        // every file there was when the round started is read to its end: say so on every partition, after the chunks
        if (rescan && readAll) mark();
        if (pending.isEmpty()) return 0;
        producer.flush();
        try {
            for (Future<RecordMetadata> f : pending) f.get();
        } catch (ExecutionException e) {
            throw new IOException("the broker did not acknowledge a chunk: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for acknowledgements", e);
        } finally {
            pending.clear();
        }
        Map<String, ShipCheckpoint.Register> regs = new TreeMap<>();
        for (Map.Entry<RegisterKey, Tail> e : tails.entrySet()) {
            long position = e.getValue().sink().position();
            regs.put(e.getKey().toString(), new ShipCheckpoint.Register(position, e.getValue().segments().marks(position)));
        }
        new ShipCheckpoint(regs).write(checkpointFile);
        for (Tail t : tails.values()) t.segments().committed(t.sink().position());
        shippedBytes += sent;
        return sent;
    }

    /** Ships until {@code running} says stop: what is there first, then new bytes as they are written. */
    public void run(java.util.function.BooleanSupplier running) throws IOException, InterruptedException {
        while (running.getAsBoolean()) {
            if (shipOnce() == 0) Thread.sleep(settings.poll().toMillis());
        }
    }

    private void discover() throws IOException {
        if (!Files.isDirectory(logs)) throw new IOException("log root " + logs + " is not a directory");
        for (Path store : list(logs)) {
            String code = store.getFileName().toString();
            if (!RegisterKey.isStoreCode(code) || !Files.isDirectory(store)) continue;
            if (stores != null && !stores.isRegistered(code)) continue;
            for (Path reg : list(store)) {
                String name = reg.getFileName().toString();
                if (!RegisterKey.isRegisterName(name) || !Files.isDirectory(reg)) continue;
                RegisterKey key = new RegisterKey(code, name);
                if (!tails.containsKey(key)) tails.put(key, open(key, reg));
            }
        }
    }

    private Tail open(RegisterKey key, Path dir) throws IOException {
        TailSegments segments = new TailSegments(key, dir);
        ChunkSink sink = new ChunkSink(key, source, settings.chunkBytes(),
                chunk -> {
                    var record = chunk.toRecord(topics.raw());
                    record.headers().add(ShipMark.EPOCH, ShipMark.epochBytes(epoch));
                    pending.add(producer.send(record));
                });
        ShipCheckpoint.Register cp = restored.registers().get(key.toString());
        if (cp != null) {
            if (!segments.seek(cp.segments(), cp.position(), sink)) {
                LOG.warning(() -> key + ": " + segments.lostState() + "; shipping goes on with the newer files");
            }
        } else {
            segments.refresh();
        }
        return new Tail(segments, sink);
    }

    private void mark() {
        int partitions = producer.partitionsFor(topics.raw()).size();
        ShipMark mark = new ShipMark(source, epoch, partitions);
        for (int p = 0; p < partitions; p++) pending.add(producer.send(mark.toRecord(topics.raw(), p)));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
