package org.tillwatch.domain.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineFramerTest {
    static final Charset CP1251 = Charset.forName("windows-1251");

    record Line(long n, String text, String problem) {}

    static List<Line> frame(Charset cs, byte[] bytes, int... cuts) {
        List<Line> out = new ArrayList<>();
        LineFramer f = new LineFramer(cs, (n, t, p) -> out.add(new Line(n, t, p)));
        int from = 0;
        for (int cut : cuts) {
            f.feed(bytes, from, cut - from);
            from = cut;
        }
        f.feed(bytes, from, bytes.length - from);
        f.finish();
        return out;
    }

    @Test
    void splitsOnLfAndCrLfAndKeepsAnUnterminatedLastLine() {
        byte[] b = "one\r\ntwo\nthree".getBytes(StandardCharsets.US_ASCII);
        assertThat(frame(CP1251, b)).containsExactly(new Line(1, "one", null), new Line(2, "two", null), new Line(3, "three", null));
    }

    @Test
    void anyChunkingGivesTheSameLines() {
        byte[] b = "2026-11-20 10:00:00.000 INFO  [X] Молоко 3,2%\r\n<XML a=\"1\"/>\r\n\r\nlast".getBytes(CP1251);
        List<Line> whole = frame(CP1251, b);
        Random rnd = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int a = rnd.nextInt(b.length + 1);
            int c = rnd.nextInt(b.length + 1);
            assertThat(frame(CP1251, b, Math.min(a, c), Math.max(a, c))).isEqualTo(whole);
        }
    }

    @Test
    void decodesWindows1251AndFlagsItsUndefinedByte() {
        byte[] b = new byte[] {(byte) 0xCC, (byte) 0xEE, 'k', '\n', 's', '=', (byte) 0x98, '\n'};
        List<Line> lines = frame(CP1251, b);
        assertThat(lines.get(0)).isEqualTo(new Line(1, "Моk", null));
        assertThat(lines.get(1).problem()).contains("not valid");
    }

    @Test
    void utf8IsStrict() {
        byte[] good = "Сыр\n".getBytes(StandardCharsets.UTF_8);
        assertThat(frame(StandardCharsets.UTF_8, good)).containsExactly(new Line(1, "Сыр", null));
        byte[] bad = new byte[] {'a', (byte) 0xC3, '\n', 'b', '\n'};
        List<Line> lines = frame(StandardCharsets.UTF_8, bad);
        assertThat(lines.get(0).problem()).isNotNull();
        assertThat(lines.get(1)).isEqualTo(new Line(2, "b", null));
    }

    @Test
    void aLineOver64KibIsFlaggedAndTheNextLineIsIntact() {
        byte[] huge = new byte[LineFramer.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        byte[] tail = "\nnext\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[huge.length + tail.length];
        System.arraycopy(huge, 0, all, 0, huge.length);
        System.arraycopy(tail, 0, all, huge.length, tail.length);
        for (int[] cuts : new int[][] {{}, {1000, 40000, 65540}}) {
            List<Line> lines = frame(CP1251, all, cuts);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).problem()).contains("longer than");
            assertThat(lines.get(1)).isEqualTo(new Line(2, "next", null));
        }
    }
}
