package org.tillwatch.kafka;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Transaction;

/** The shared sample fleet for Kafka tests: its logs as raw chunks, and its expected figures per store. */
public final class SampleFleetKafka {
    private SampleFleetKafka() {
    }

    public static Path root() {
        Path p = Paths.get(System.getProperty("tillwatch.shared", "../../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(p), "shared sample fleet not found at " + p);
        return p;
    }

    /** store -> [receipts, loyalty, failed, incomplete] as expected.json says. */
    public static Map<String, List<Long>> expectedStores() throws IOException {
        JsonNode e = new ObjectMapper().readTree(root().resolve("expected.json").toFile());
        Map<String, List<Long>> out = new TreeMap<>();
        e.get("stores").properties().forEach(s -> out.put(s.getKey(), List.of(
                s.getValue().get("receipts").asLong(), s.getValue().get("loyalty").asLong(),
                s.getValue().get("failed").asLong(), s.getValue().get("incomplete").asLong())));
        return out;
    }

    /** The same figures counted from transactions (each once). */
    public static Map<String, List<Long>> figures(Collection<Transaction> transactions) {
        Map<String, long[]> f = new TreeMap<>();
        for (Transaction t : transactions) {
            long[] c = f.computeIfAbsent(t.store(), k -> new long[4]);
            if (t.status().closed()) c[0]++; else c[3]++;
            if (t.loyalty()) c[1]++;
            if (t.failed()) c[2]++;
        }
        Map<String, List<Long>> out = new TreeMap<>();
        f.forEach((k, c) -> out.put(k, List.of(c[0], c[1], c[2], c[3])));
        return out;
    }

    /** Every register file of the fleet, as (register, file name, bytes), each register's files in stream order. */
    public static List<RegisterFile> files() throws IOException {
        return files(root().resolve("logs"));
    }

    /** Every register file under a log tree ({@code <store>/<register>/<files>}), each register's files in stream order. */
    public static List<RegisterFile> files(Path logs) throws IOException {
        List<RegisterFile> out = new ArrayList<>();
        try (Stream<Path> stores = Files.list(logs)) {
            for (Path store : stores.sorted().toList()) {
                try (Stream<Path> regs = Files.list(store)) {
                    for (Path reg : regs.sorted().toList()) {
                        try (Stream<Path> files = Files.list(reg)) {
                            for (Path file : files.sorted((a, b) -> order(a).compareTo(order(b))).toList()) {
                                out.add(new RegisterFile(new RegisterKey(store.getFileName().toString(), reg.getFileName().toString()),
                                        file.getFileName().toString(), read(file)));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Produces the fleet to the raw topic in chunks of {@code chunk} bytes, register after register: the part
     * [from, to) of each file (0..1). Returns how many bytes were produced.
     */
    public static long produce(String bootstrap, Topics topics, int chunk, double from, double to) throws Exception {
        long sent = 0;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            Map<RegisterKey, Long> streamOffset = new TreeMap<>();
            for (RegisterFile f : files()) {
                long base = streamOffset.getOrDefault(f.register(), 0L);
                int start = (int) (f.bytes().length * from);
                int end = (int) (f.bytes().length * to);
                for (int off = start; off < end; off += chunk) {
                    int len = Math.min(chunk, end - off);
                    byte[] part = java.util.Arrays.copyOfRange(f.bytes(), off, off + len);
                    boolean eof = off + len == f.bytes().length;
                    producer.send(new RawChunk(f.register(), "test", base + off, f.name(), eof, part).toRecord(topics.raw()));
                    sent += len;
                }
                streamOffset.put(f.register(), base + f.bytes().length);
            }
            producer.flush();
        }
        return sent;
    }

    private static String order(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("pos.log") ? "~" : n;
    }

    private static byte[] read(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }

    public record RegisterFile(RegisterKey register, String name, byte[] bytes) {
    }
}
