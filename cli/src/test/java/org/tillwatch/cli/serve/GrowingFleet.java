package org.tillwatch.cli.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.kafka.SampleFleetKafka;

/**
 * A fleet's log tree written again as the registers wrote it: every register's {@code pos.log} grows, all of them
 * together in log time, so a tailer ({@code tillwatch ship}) sees a live chain rather than one store after another.
 */
final class GrowingFleet {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private record Line(Instant at, byte[] bytes) {
    }

    private static final class Register {
        final Path file;
        final List<Line> lines;
        int next;

        Register(Path file, List<Line> lines) {
            this.file = file;
            this.lines = lines;
        }
    }

    private final List<Register> registers = new ArrayList<>();

    GrowingFleet(Path logs, StoreRegistry registry, Path target) throws IOException {
        Map<RegisterKey, List<Line>> byRegister = new LinkedHashMap<>();
        for (SampleFleetKafka.RegisterFile f : SampleFleetKafka.files(logs)) {
            RegisterKey r = f.register();
            split(f.bytes(), registry.store(r.store()).zone(), byRegister.computeIfAbsent(r, k -> new ArrayList<>()));
        }
        for (Map.Entry<RegisterKey, List<Line>> e : byRegister.entrySet()) {
            Path out = Files.createDirectories(target.resolve(e.getKey().store()).resolve(e.getKey().register()));
            registers.add(new Register(out.resolve("pos.log"), e.getValue()));
        }
    }

    Instant first() {
        return registers.stream().map(r -> r.lines.get(0).at()).min(Instant::compareTo).orElseThrow();
    }

    Instant last() {
        return registers.stream().map(r -> r.lines.get(r.lines.size() - 1).at()).max(Instant::compareTo).orElseThrow();
    }

    /** Appends every register's lines written before {@code t}. */
    void writeUpTo(Instant t) throws IOException {
        for (Register r : registers) {
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            while (r.next < r.lines.size() && r.lines.get(r.next).at().isBefore(t)) chunk.writeBytes(r.lines.get(r.next++).bytes());
            if (chunk.size() == 0) continue;
            try (OutputStream out = Files.newOutputStream(r.file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                chunk.writeTo(out);
            }
        }
    }

    /** The day ends: every register's pos.log is rotated to {@code pos-<day>.log}, which ends it for a tailer. */
    void rotate(java.time.LocalDate day) throws IOException {
        for (Register r : registers) {
            if (Files.exists(r.file)) Files.move(r.file, r.file.resolveSibling("pos-" + day + ".log"));
        }
    }

    private static void split(byte[] bytes, java.time.ZoneId zone, List<Line> into) {
        Instant at = into.isEmpty() ? Instant.EPOCH : into.get(into.size() - 1).at();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') continue;
            int end = Math.min(i + 1, bytes.length);
            if (end > start) {
                if (end - start >= 23) {
                    try {
                        at = LocalDateTime.parse(new String(bytes, start, 23, StandardCharsets.ISO_8859_1), STAMP).atZone(zone).toInstant();
                    } catch (java.time.format.DateTimeParseException e) {
                        // a continuation line: it goes with the entry before it
                    }
                }
                into.add(new Line(at, java.util.Arrays.copyOfRange(bytes, start, end)));
            }
            start = end;
        }
    }
}
