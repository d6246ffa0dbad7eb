package org.tillwatch.bot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Writes the sample fleet into a tailed log tree in steps: every register up to each of the given instants in turn (so
 * the incidents opened by then are still open when the test looks), then the rest of the day. Each register goes to its
 * live {@code pos.log}.
 */
final class FleetFeed {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<Path, byte[][]> parts = new HashMap<>();
    private final int steps;
    private int written;

    FleetFeed(Path fleet, List<Instant> cuts) throws IOException {
        steps = cuts.size() + 1;
        Map<String, ZoneId> zones = new HashMap<>();
        for (String line : Files.readAllLines(fleet.resolve("stores.csv")).subList(1, Files.readAllLines(fleet.resolve("stores.csv")).size())) {
            String[] f = line.split(",");
            zones.put(f[0], ZoneId.of(f[4]));
        }
        try (Stream<Path> registers = Files.list(fleet.resolve("logs")).flatMap(FleetFeed::children)) {
            for (Path register : registers.toList()) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                try (Stream<Path> files = Files.list(register).sorted()) {
                    for (Path f : files.toList()) {
                        try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                            in.transferTo(all);
                        }
                    }
                }
                byte[] b = all.toByteArray();
                ZoneId zone = zones.getOrDefault(register.getParent().getFileName().toString(), ZoneId.of("Europe/Moscow"));
                byte[][] split = new byte[steps][];
                int from = 0;
                for (int i = 0; i < cuts.size(); i++) {
                    int at = Math.max(from, cutAt(b, cuts.get(i), zone));
                    split[i] = java.util.Arrays.copyOfRange(b, from, at);
                    from = at;
                }
                split[steps - 1] = java.util.Arrays.copyOfRange(b, from, b.length);
                parts.put(fleet.resolve("logs").relativize(register).resolve("pos.log"), split);
            }
        }
    }

    private static Stream<Path> children(Path dir) {
        try {
            return Files.list(dir).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The offset of the first line stamped at or after {@code cut} (continuation lines carry no stamp). */
    private static int cutAt(byte[] b, Instant cut, ZoneId zone) {
        int start = 0;
        while (start < b.length) {
            int end = start;
            while (end < b.length && b[end] != '\n') end++;
            if (end - start >= 19 && b[start] >= '0' && b[start] <= '9' && b[start + 4] == '-') {
                try {
                    Instant t = LocalDateTime.parse(new String(b, start, 19, StandardCharsets.US_ASCII), TIME).atZone(zone).toInstant();
                    if (!t.isBefore(cut)) return start;
                } catch (RuntimeException e) {
                    // not a stamped line
                }
            }
            start = end + 1;
        }
        return b.length;
    }

    /** Writes the next step; false once the whole day is written. */
    synchronized boolean next(Path root) throws IOException {
        if (written == steps) return false;
        write(root, written++);
        return true;
    }

    synchronized void rest(Path root) throws IOException {
        while (next(root)) {
            // every step left, in order
        }
    }

    private void write(Path root, int part) throws IOException {
        List<Path> names = new ArrayList<>(parts.keySet());
        for (Path rel : names) {
            Path target = root.resolve(rel.toString());
            Files.createDirectories(target.getParent());
            Files.write(target, parts.get(rel)[part], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
