package org.tillwatch.domain.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided: any bytes, cut into any chunks, frame into the same lines as one feed, numbered 1..n with one
 * line per line end (plus an unterminated tail), each starting where the previous line ended. Seeds:
 * {@code src/test/resources/org/tillwatch/domain/parse/LineFramerFuzzTestInputs/}.
 */
class LineFramerFuzzTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");

    record Line(long number, long start, String text, String problem) {
    }

    @FuzzTest(maxDuration = "10s")
    void anyChunkingFramesTheSameLines(FuzzedDataProvider data) {
        Charset charset = data.consumeBoolean() ? CP1251 : StandardCharsets.UTF_8;
        int cuts = data.consumeInt(0, 8);
        int[] cut = new int[cuts];
        for (int k = 0; k < cuts; k++) cut[k] = data.consumeInt(0, 4096);
        byte[] bytes = data.consumeRemainingAsBytes();

        List<Line> whole = frame(charset, bytes, new int[0]);
        assertThat(frame(charset, bytes, cut)).isEqualTo(whole);

        int ends = 0;
        for (byte b : bytes) if (b == '\n') ends++;
        boolean tail = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
        assertThat(whole).hasSize(ends + (tail ? 1 : 0));
        long expectedStart = 0;
        for (int k = 0; k < whole.size(); k++) {
            Line l = whole.get(k);
            assertThat(l.number()).isEqualTo(k + 1);
            assertThat(l.start()).isEqualTo(expectedStart);
            assertThat(l.text()).doesNotContain("\n");
            if (l.problem() == null) assertThat(l.text().length()).isLessThanOrEqualTo(LineFramer.MAX_LINE_BYTES);
            int next = indexOf(bytes, (int) l.start());
            expectedStart = next < 0 ? bytes.length : next + 1;
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == '\n') return i;
        return -1;
    }

    private static List<Line> frame(Charset cs, byte[] bytes, int[] cuts) {
        List<Line> out = new ArrayList<>();
        LineFramer[] f = new LineFramer[1];
        f[0] = new LineFramer(cs, (n, t, p) -> out.add(new Line(n, f[0].lineStart(), t, p)));
        int from = 0;
        for (int c : cuts) {
            int to = Math.min(bytes.length, from + c);
            f[0].feed(bytes, from, to - from);
            from = to;
        }
        f[0].feed(bytes, from, bytes.length - from);
        f[0].finish();
        return out;
    }
}
