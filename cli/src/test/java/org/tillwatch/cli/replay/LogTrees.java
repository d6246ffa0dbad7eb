package org.tillwatch.cli.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.ingest.FleetLogTree;
import org.tillwatch.ingest.RegisterLogs;

/** Log trees for the replay tests: the shared sample fleet, small synthetic ones, and what a replay must deliver. */
public final class LogTrees {
    public static final Charset CP1251 = Charset.forName("windows-1251");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private LogTrees() {
    }

    /** The shared sample fleet's folder (logs/, stores.csv), or null when the shared folder is absent. */
    public static Path sampleFleet() {
        Path fleet = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        return Files.isDirectory(fleet.resolve("logs")) ? fleet : null;
    }

    public static StoreRegistry registry(Path storesCsv, ZoneId defaultZone) throws IOException {
        return StoreRegistry.parse(Files.readString(storesCsv), defaultZone);
    }

    /** Every register's files, gunzipped and concatenated in rotation order: what the collector must end up with. */
    public static Map<RegisterKey, byte[]> streams(Path logs) throws IOException {
        Map<RegisterKey, byte[]> m = new TreeMap<>();
        for (RegisterLogs r : FleetLogTree.scan(logs).registers()) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Path f : r.files()) {
                try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                    in.transferTo(all);
                }
            }
            m.put(r.key(), all.toByteArray());
        }
        return m;
    }

    /** A file's place in its register's stream: {@code [start, end)}. */
    public record FileRange(String name, long start, long end) {
    }

    /** Per register, its non-empty files' places in the stream, in order. */
    public static Map<RegisterKey, List<FileRange>> fileRanges(Path logs) throws IOException {
        Map<RegisterKey, List<FileRange>> m = new TreeMap<>();
        for (RegisterLogs r : FleetLogTree.scan(logs).registers()) {
            List<FileRange> ranges = new ArrayList<>();
            long at = 0;
            for (Path f : r.files()) {
                long n;
                try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                    n = in.transferTo(OutputStream.nullOutputStream());
                }
                if (n > 0) ranges.add(new FileRange(f.getFileName().toString(), at, at + n));
                at += n;
            }
            m.put(r.key(), ranges);
        }
        return m;
    }

    /** Line starts of a register stream with the log time (epoch ms) of each line's entry; -1 before the first. */
    public record Timeline(long[] starts, long[] times) {
        /** Log times of the lines that overlap {@code [offset, offset + length)}: {min, max}. */
        public long[] span(long offset, int length) {
            int first = line(offset);
            int last = line(offset + length - 1);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = first; i <= last; i++) {
                min = Math.min(min, times[i]);
                max = Math.max(max, times[i]);
            }
            return new long[] {min, max};
        }

        int line(long offset) {
            int i = Arrays.binarySearch(starts, offset);
            return i >= 0 ? i : -i - 2;
        }
    }

    public static Timeline timeline(byte[] stream, ZoneId zone) {
        List<Long> starts = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        long time = -1;
        int start = 0;
        while (start < stream.length) {
            int end = start;
            while (end < stream.length && stream[end] != '\n') end++;
            if (end - start >= 23) {
                try {
                    time = LocalDateTime.parse(new String(stream, start, 23, CP1251), STAMP).atZone(zone).toInstant().toEpochMilli();
                } catch (DateTimeParseException e) {
                    // a continuation: the entry's time
                }
            }
            starts.add((long) start);
            times.add(time);
            start = end + 1;
        }
        return new Timeline(starts.stream().mapToLong(Long::longValue).toArray(), times.stream().mapToLong(Long::longValue).toArray());
    }

    /** Copies some registers ({@code "URMY/POS01"}) of a log tree, as they are (gzipped or not). */
    public static Path copyRegisters(Path logs, Path target, String... registers) throws IOException {
        for (String register : registers) {
            Path dir = logs.resolve(register);
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Path to = target.resolve(register).resolve(f.getFileName().toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
        return target;
    }

    /** Writes a file, gzipped when its name ends in .gz. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        if (file.toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
    }

    /** One entry line (CRLF) at the given local time, in windows-1251. */
    public static String line(String localTime, String message) {
        return localTime + " INFO  [PurchaseManager] " + message + "\r\n";
    }

    /**
     * Two registers spanning two hours of log time (10:00 to 12:00 local, Moscow): AAAA/POS01 in a gzipped rotated day
     * and a live file, BBBB/POS02 with a continuation payload and Cyrillic text.
     */
    public static Path twoHourTree(Path root) throws IOException {
        StringBuilder a1 = new StringBuilder();
        for (int m = 0; m < 60; m += 10) a1.append(line(String.format("2026-11-20 10:%02d:00.000", m), "Receipt opened: shift=1 receipt=" + m));
        StringBuilder a2 = new StringBuilder();
        for (int m = 0; m <= 60; m += 10) {
            a2.append(line(String.format("2026-11-20 %02d:%02d:00.000", 11 + m / 60, m % 60), "Позиция добавлена: name=\"Молоко 1л\""));
        }
        StringBuilder b = new StringBuilder();
        for (int m = 5; m < 120; m += 10) {
            b.append(line(String.format("2026-11-20 %02d:%02d:30.500", 10 + m / 60, m % 60), "Loymax request:"));
            b.append("<XMLRequest><Version>3.2</Version></XMLRequest>\r\n");
        }
        write(root.resolve("AAAA/POS01/pos-2026-11-19.log.gz"), a1.toString().getBytes(CP1251));
        write(root.resolve("AAAA/POS01/pos.log"), a2.toString().getBytes(CP1251));
        write(root.resolve("BBBB/POS02/pos.log"), b.toString().getBytes(CP1251));
        return root;
    }
}
