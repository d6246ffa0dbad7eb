package org.tillwatch.kafka;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tillwatch.domain.model.RegisterKey;

/**
 * Everything one register has yielded so far, counted once by the assembly (in the same exactly-once transaction as
 * its output): what the embedded collector counts per register stream, for the status API. Outcomes count every
 * request (also those sent between receipts), tags every tag (also between receipts). The value of the compacted
 * figures topic, keyed {@code STORE/REGISTER}. {@code register} is null only inside the assembly's register state.
 */
public record RegisterCounts(RegisterKey register, long receipts, long loyalty, long failed, long incomplete, long malformed,
                             Map<String, Long> outcomes, Map<String, Long> tags, Instant lastEvent) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RegisterCounts {
        if (receipts < 0 || loyalty < 0 || failed < 0 || incomplete < 0 || malformed < 0) {
            throw new IllegalArgumentException("negative count for " + register);
        }
        outcomes = Map.copyOf(outcomes);
        tags = Map.copyOf(tags);
    }

    public static RegisterCounts zero(RegisterKey register) {
        return new RegisterCounts(register, 0, 0, 0, 0, 0, Map.of(), Map.of(), null);
    }

    public byte[] toJson() {
        ObjectNode n = JSON.createObjectNode().put("store", register.store()).put("register", register.register())
                .put("receipts", receipts).put("loyalty", loyalty).put("failed", failed).put("incomplete", incomplete)
                .put("malformed", malformed);
        ObjectNode o = n.putObject("outcomes");
        new TreeMap<>(outcomes).forEach(o::put);
        ObjectNode t = n.putObject("tags");
        new TreeMap<>(tags).forEach(t::put);
        if (lastEvent != null) n.put("last_event", lastEvent.toString());
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Throws IllegalArgumentException for a value that is not a register's counts. */
    public static RegisterCounts fromJson(byte[] value) {
        JsonNode n;
        try {
            n = JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (n == null || !n.hasNonNull("store") || !n.hasNonNull("register")) {
            throw new IllegalArgumentException("register counts without store/register");
        }
        return new RegisterCounts(new RegisterKey(n.get("store").asText(), n.get("register").asText()),
                n.path("receipts").asLong(), n.path("loyalty").asLong(), n.path("failed").asLong(),
                n.path("incomplete").asLong(), n.path("malformed").asLong(), longs(n.path("outcomes")), longs(n.path("tags")),
                n.hasNonNull("last_event") ? Instant.parse(n.get("last_event").asText()) : null);
    }

    /** Binary form kept in the assembly's register state. */
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(receipts);
        out.writeLong(loyalty);
        out.writeLong(failed);
        out.writeLong(incomplete);
        out.writeLong(malformed);
        writeMap(out, outcomes);
        writeMap(out, tags);
        out.writeLong(lastEvent == null ? Long.MIN_VALUE : lastEvent.toEpochMilli());
    }

    public static RegisterCounts read(RegisterKey register, DataInputStream in) throws IOException {
        long receipts = in.readLong();
        long loyalty = in.readLong();
        long failed = in.readLong();
        long incomplete = in.readLong();
        long malformed = in.readLong();
        Map<String, Long> outcomes = readMap(in);
        Map<String, Long> tags = readMap(in);
        long last = in.readLong();
        return new RegisterCounts(register, receipts, loyalty, failed, incomplete, malformed, outcomes, tags,
                last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last));
    }

    private static Map<String, Long> longs(JsonNode n) {
        Map<String, Long> m = new TreeMap<>();
        n.properties().forEach(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    private static void writeMap(DataOutputStream out, Map<String, Long> m) throws IOException {
        out.writeInt(m.size());
        for (var e : new TreeMap<>(m).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    private static Map<String, Long> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Long> m = new TreeMap<>();
        for (int i = 0; i < n; i++) m.put(in.readUTF(), in.readLong());
        return m;
    }
}
