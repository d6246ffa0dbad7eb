package org.tillwatch.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Test helper: a simulated fleet's files, read back as raw bytes and as windows-1251 text. */
final class FleetFiles {
    static final Charset CP1251 = Charset.forName("windows-1251");

    private FleetFiles() {
    }

    /** Every file under {@code dir} (relative path with '/' to content), logs gunzipped. */
    static Map<String, byte[]> allFiles(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** Every register log, decompressed: relative path to bytes. */
    static Map<String, byte[]> logs(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir.resolve("logs"))) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), read(p));
            }
        }
        return out;
    }

    static byte[] read(Path p) {
        try (InputStream in = p.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole fleet's logs as one windows-1251 text (files joined with \r\n). */
    static String text(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (byte[] b : logs(dir).values()) {
            sb.append(new String(b, CP1251)).append("\r\n");
        }
        return sb.toString();
    }

    /** Lines of one log's bytes split on \r\n; the last element is what follows the last line end. */
    static List<byte[]> lines(byte[] data) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(data, start, i));
                start = i + 2;
                i++;
            }
        }
        lines.add(java.util.Arrays.copyOfRange(data, start, data.length));
        return lines;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
