package org.tillwatch.collector.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.kafka.RawChunk;
import org.tillwatch.kafka.ShipMark;
import org.tillwatch.kafka.TopicSetup;
import org.tillwatch.kafka.Topics;

/**
 * A register's log grows, rotates and is gzipped while the shipper runs and restarts: the raw topic holds every byte
 * once, in order, each chunk at the stream offset where it belongs.
 */
class ShipperTest {
    @TempDir
    Path dir;

    @Test
    void rotationGzipAndARestartLoseAndRepeatNothing() throws Exception {
        Topics topics = new Topics("s.");
        Path logs = dir.resolve("logs");
        Path reg = Files.createDirectories(logs.resolve("AX1B/POS01"));
        Path other = Files.createDirectories(logs.resolve("URMY/POS02"));
        Path checkpoints = dir.resolve("ship.json");
        String day1 = lines("2026-11-19", 3000);
        String day2a = lines("2026-11-20", 1500);
        String day2b = lines("2026-11-20b", 1500);
        try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
            TopicSetup.ensure(kafka.bootstrapServers(), topics, 3, 1);
            Files.writeString(reg.resolve("pos.log"), day1);
            Files.writeString(other.resolve("pos.log"), day2a);
            try (var producer = ShipCommandSupport.producer(kafka.bootstrapServers())) {
                Shipper first = new Shipper(logs, null, checkpoints, producer, topics, "ship:test", small());
                while (first.shipOnce() > 0) { }
            }
            // Rotation while the shipper is down: yesterday's file gzipped, a new pos.log; the other register grows.
            gzip(reg.resolve("pos.log"), reg.resolve("pos-2026-11-19.log.gz"));
            Files.delete(reg.resolve("pos.log"));
            Files.writeString(reg.resolve("pos.log"), day2a);
            Files.writeString(other.resolve("pos.log"), day2b, java.nio.file.StandardOpenOption.APPEND);
            try (var producer = ShipCommandSupport.producer(kafka.bootstrapServers())) {
                Shipper second = new Shipper(logs, null, checkpoints, producer, topics, "ship:test", small());
                while (second.shipOnce() > 0) { }
                Files.writeString(reg.resolve("pos.log"), day2b, java.nio.file.StandardOpenOption.APPEND);
                Thread.sleep(20);
                while (second.shipOnce() > 0) { }
            }
            Map<Integer, List<Long>> marks = new TreeMap<>();
            Map<String, ByteArrayOutputStream> streams = read(kafka.bootstrapServers(), topics, marks);
            assertThat(streams.get("AX1B/POS01").toString(StandardCharsets.UTF_8)).isEqualTo(day1 + day2a + day2b);
            assertThat(streams.get("URMY/POS02").toString(StandardCharsets.UTF_8)).isEqualTo(day2a + day2b);
            // every round read every file to its end: a mark on each of the 3 partitions, after that round's chunks
            assertThat(marks.keySet()).containsExactly(0, 1, 2);
            assertThat(marks.values()).allSatisfy(m -> assertThat(m).hasSizeGreaterThanOrEqualTo(3).isSorted().doesNotHaveDuplicates());
        }
    }

    private static ShipSettings small() {
        return new ShipSettings(4096, Duration.ofMillis(10), Duration.ofMillis(1));
    }

    /**
     * Each register's bytes as the chunks put them together; fails on a gap or an overlap, on a chunk without its round
     * or with a round older than a mark before it in its partition. The marks' rounds per partition go to {@code marks}.
     */
    private static Map<String, ByteArrayOutputStream> read(String bootstrap, Topics topics, Map<Integer, List<Long>> marks) {
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.raw()));
            long quiet = System.nanoTime();
            while (System.nanoTime() - quiet < Duration.ofSeconds(2).toNanos()) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) quiet = System.nanoTime();
                for (var r : records) {
                    ShipMark mark = ShipMark.of(r.headers());
                    List<Long> before = marks.computeIfAbsent(r.partition(), p -> new java.util.ArrayList<>());
                    if (mark != null) {
                        assertThat(mark.source()).isEqualTo("ship:test");
                        assertThat(mark.partitions()).isEqualTo(3);
                        before.add(mark.epoch());
                        continue;
                    }
                    Long epoch = ShipMark.epochOf(r.headers());
                    assertThat(epoch).as("a chunk's round").isNotNull();
                    if (!before.isEmpty()) assertThat(epoch).as("read after the round marked before it").isGreaterThanOrEqualTo(before.get(before.size() - 1));
                    RawChunk c = RawChunk.of(r.key(), r.headers(), r.value());
                    ByteArrayOutputStream s = out.computeIfAbsent(c.register().toString(), k -> new ByteArrayOutputStream());
                    assertThat(c.offset()).as(c.register() + " chunk offset").isEqualTo(s.size());
                    assertThat(c.source()).isEqualTo("ship:test");
                    s.writeBytes(c.bytes());
                }
            }
        }
        return out;
    }

    private static String lines(String tag, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(tag).append(" line ").append(i).append('\n');
        return sb.toString();
    }

    private static void gzip(Path from, Path to) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
    }
}
