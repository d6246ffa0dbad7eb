package org.tillwatch.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.domain.parse.PanMasker;

/** Regression: pushed bytes were spooled as they came, so full payment card numbers sat in the data directory. */
class SpoolPanMaskTest {
    private static final String TEXT = """
            2026-11-20 10:00:00.000 INFO  [Payment] Оплата: tender=X5_CARD pan=4111111111111111 rc=00 amount=120.50
            2026-11-20 10:00:01.000 INFO  [Payment] Оплата: tender=CARD pan="5500000000000004" rc=05
            2026-11-20 10:00:02.000 INFO  [Loyalty] card=7000348403967001 span=12345678901 short pan=1234567890
            """;

    @TempDir
    Path dir;

    @Test
    void theSpoolHoldsWhatTheParserWouldShowWhateverTheChunks() throws Exception {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        String expected = PanMasker.maskPanValues(TEXT);
        assertThat(expected).doesNotContain("4111111111111111", "5500000000000004").contains("7000348403967001");
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Path spool = dir.resolve("r" + round);
            SpoolSegments s = SpoolSegments.open(spool, "test");
            int at = 0;
            while (at < bytes.length) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(round % 2 == 0 ? 6 : 40));
                s.append(bytes, at, n, null, at + n == bytes.length && round % 3 == 0);
                at += n;
            }
            assertThat(spooled(spool)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void aNumberCutByTheEndOfAFileEndsThere() throws Exception {
        SpoolSegments s = SpoolSegments.open(dir, "test");
        byte[] a = "x pan=41111111111111".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "11 next file".getBytes(StandardCharsets.US_ASCII);
        s.append(a, 0, a.length, "pos-1.log", true);
        s.append(b, 0, b.length, "pos.log", false);
        assertThat(spooled(dir)).isEqualTo("x pan=411111****1111" + "11 next file");
    }

    private static String spooled(Path spool) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(spool)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
