package org.tillwatch.cli.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.cli.replay.RegisterStream.Chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tillwatch.cli.replay.LogTrees.CP1251;
import static org.tillwatch.cli.replay.LogTrees.line;

/** Cutting one register's stream into chunks: exact bytes, line boundaries, log times. */
class ReplayStreamTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path tmp;

    private static long ms(String local) {
        return LocalDateTime.parse(local.replace(' ', 'T')).atZone(MOSCOW).toInstant().toEpochMilli();
    }

    private static byte[] concat(List<Chunk> chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        chunks.forEach(c -> all.writeBytes(c.data()));
        return all.toByteArray();
    }

    private static List<Chunk> drain(RegisterStream s, int maxBytes, long timeLimit) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        while (s.hasMore()) chunks.add(s.nextChunk(maxBytes, timeLimit));
        return chunks;
    }

    @Test
    void chunksAreTheFilesBytesCutOnLinesUnlessALineIsTooLong() throws IOException {
        StringBuilder day1 = new StringBuilder();
        for (int i = 0; i < 40; i++) day1.append(line(String.format("2026-11-20 10:00:%02d.000", i), "Позиция добавлена: name=\"Хлеб\" i=" + i));
        String huge = "<XMLResponse>" + "Ж".repeat(3000) + "</XMLResponse>\n";
        String live = line("2026-11-21 08:00:00.000", "Loymax response (12 ms):") + huge + "2026-11-21 08:00:01.000 INFO  [X] tail without newline";
        byte[] a = day1.toString().getBytes(CP1251);
        byte[] b = live.getBytes(CP1251);
        LogTrees.write(tmp.resolve("pos-2026-11-20.log.gz"), a);
        LogTrees.write(tmp.resolve("pos.log"), b);
        byte[] expected = new byte[a.length + b.length];
        System.arraycopy(a, 0, expected, 0, a.length);
        System.arraycopy(b, 0, expected, a.length, b.length);

        try (RegisterStream s = new RegisterStream(List.of(tmp.resolve("pos-2026-11-20.log.gz"), tmp.resolve("pos.log")), MOSCOW, 1024)) {
            List<Chunk> chunks = drain(s, 1024, LineTime.LATEST);
            assertThat(concat(chunks)).isEqualTo(expected);
            long offset = 0;
            for (Chunk c : chunks) {
                assertThat(c.offset()).isEqualTo(offset);
                assertThat(c.length()).isBetween(1, 1024);
                offset += c.length();
                boolean endsLine = c.data()[c.length() - 1] == '\n' || offset == expected.length;
                boolean insideHugeLine = new String(c.data(), CP1251).contains("ЖЖЖ");
                assertThat(endsLine || insideHugeLine).as("chunk at %d ends mid-line", c.offset()).isTrue();
            }
            // no chunk spans the two files; each names its file, and the last of each file says it ends it
            for (Chunk c : chunks) {
                boolean inFirst = c.offset() < a.length;
                assertThat(c.file()).isEqualTo(inFirst ? "pos-2026-11-20.log.gz" : "pos.log");
                if (inFirst) assertThat(c.offset() + c.length()).isLessThanOrEqualTo(a.length);
                assertThat(c.endsFile()).isEqualTo(c.offset() + c.length() == a.length || c.offset() + c.length() == expected.length);
            }
            // the 3 KB payload line is the only one cut: into 1 KiB pieces
            assertThat(chunks.stream().filter(c -> c.length() == 1024).count()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aChunkStopsAtTheTimeLimitAndContinuationsKeepTheirEntrysTime() throws IOException {
        String text = "lead-in before any timestamp\r\n"
                + line("2026-11-20 10:00:00.000", "Loymax request:")
                + "<XMLRequest/>\r\n"
                + "2026-13-45 99:99:99.999 not a real time\r\n"
                + line("2026-11-20 10:00:00.900", "a")
                + line("2026-11-20 10:00:01.000", "b")
                + line("2026-11-20 10:00:05.000", "c");
        LogTrees.write(tmp.resolve("pos.log"), text.getBytes(CP1251));
        try (RegisterStream s = new RegisterStream(List.of(tmp.resolve("pos.log")), MOSCOW, 1 << 20)) {
            long t0 = ms("2026-11-20 10:00:00.000");
            assertThat(s.headTime()).as("lead-in lines take the first timestamp").isEqualTo(t0);
            Chunk first = s.nextChunk(1 << 20, t0 + 1000);
            assertThat(new String(first.data(), CP1251)).startsWith("lead-in").contains("not a real time").endsWith("] a\r\n");
            assertThat(first.startTime()).isEqualTo(t0);
            assertThat(first.endTime()).isEqualTo(t0 + 900);
            assertThat(s.headTime()).isEqualTo(t0 + 1000);
            Chunk second = s.nextChunk(1 << 20, t0 + 2000);
            assertThat(new String(second.data(), CP1251)).contains(" b").doesNotContain(" c");
            assertThat(s.headTime()).isEqualTo(ms("2026-11-20 10:00:05.000"));
        }
    }

    @Test
    void seekSkipsForwardMidLineAndBackwardByRereading() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) text.append(line(String.format("2026-11-20 11:%02d:%02d.000", i / 60, i % 60), "n=" + i));
        byte[] all = text.toString().getBytes(CP1251);
        LogTrees.write(tmp.resolve("pos-2026-11-20.log.gz"), all);
        try (RegisterStream s = new RegisterStream(List.of(tmp.resolve("pos-2026-11-20.log.gz")), MOSCOW, 4096)) {
            assertThat(s.seek(1000)).isEqualTo(1000);
            Chunk c = s.nextChunk(4096, LineTime.LATEST);
            assertThat(c.offset()).isEqualTo(1000);
            assertThat(c.data()).isEqualTo(java.util.Arrays.copyOfRange(all, 1000, 1000 + c.length()));
            // the cut line keeps its entry's time
            assertThat(c.startTime()).isEqualTo(LogTrees.timeline(all, MOSCOW).span(1000, 1)[0]);
            s.unread(c);
            assertThat(s.position()).isEqualTo(1000);
            assertThat(s.seek(10)).isEqualTo(10);
            assertThat(concat(drain(s, 4096, LineTime.LATEST))).isEqualTo(java.util.Arrays.copyOfRange(all, 10, all.length));
            assertThat(s.seek(all.length + 5L)).as("past the end").isEqualTo(all.length);
        }
    }

    @Test
    void lineTimeReadsOnlyWellFormedTimestampsInTheStoresZone() {
        LineTime moscow = new LineTime(MOSCOW);
        LineTime novosibirsk = new LineTime(ZoneId.of("Asia/Novosibirsk"));
        byte[] ok = "2026-11-20 10:00:00.250 INFO  [X] y".getBytes(CP1251);
        assertThat(moscow.parse(ok, 0, ok.length)).isEqualTo(ms("2026-11-20 10:00:00.250"));
        assertThat(moscow.parse(ok, 0, ok.length) - novosibirsk.parse(ok, 0, ok.length)).isEqualTo(4 * 3600_000L);
        for (String bad : new String[] {"2026-11-20T10:00:00.250 x", "2026-02-30 10:00:00.000 x", "2026-11-20 10:00:00", "\tat x.y(Z.java:1)"}) {
            byte[] b = bad.getBytes(CP1251);
            assertThat(moscow.parse(b, 0, b.length)).as(bad).isEqualTo(LineTime.NONE);
        }
    }

    private static long openDescriptors() throws IOException {
        try (var fds = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Regression: a replay of 20,000 registers kept a file open per register and died of "Too many open files". */
    @Test
    void moreRegistersThanOpenFilesAllowedStillReadEveryByte() throws IOException {
        int registers = RegisterStream.MAX_OPEN_FILES + 50;
        List<RegisterStream> streams = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        long descriptorsBefore = openDescriptors();
        try {
            for (int r = 0; r < registers; r++) {
                // longer than the read buffer, so a stream that has sent its first line still holds its file
                StringBuilder text = new StringBuilder(line("2026-11-20 10:00:00.000", "register " + r));
                for (int i = 0; i < 400; i++) {
                    text.append(line(String.format("2026-11-20 10:%02d:%02d.000", 1 + i / 60, i % 60), "позиция " + i + " кассы " + r));
                }
                byte[] bytes = text.toString().getBytes(CP1251);
                Path file = tmp.resolve("r" + r + (r % 10 == 0 ? ".log" : ".log.gz"));
                LogTrees.write(file, bytes);
                expected.add(bytes);
                RegisterStream s = new RegisterStream(List.of(file), MOSCOW, 1024);
                streams.add(s);
                // every stream holds its file from here on, as in a replay where all registers advance together
                assertThat(s.nextChunk(1024, ms("2026-11-20 10:00:00.500")).data()).isNotEmpty();
            }
            assertThat(openDescriptors() - descriptorsBefore).isBetween((long) RegisterStream.MAX_OPEN_FILES - 10,
                    (long) RegisterStream.MAX_OPEN_FILES + 10);
            for (int r = 0; r < registers; r++) {
                RegisterStream s = streams.get(r);
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.writeBytes(line("2026-11-20 10:00:00.000", "register " + r).getBytes(CP1251));
                drain(s, 1024, LineTime.LATEST).forEach(c -> all.writeBytes(c.data()));
                assertThat(all.toByteArray()).as("register %d", r).isEqualTo(expected.get(r));
            }
        } finally {
            for (RegisterStream s : streams) s.close();
        }
    }
}
