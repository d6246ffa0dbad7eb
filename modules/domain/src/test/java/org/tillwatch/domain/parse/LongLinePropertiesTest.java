package org.tillwatch.domain.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: lines around the framer's 64 KiB limit, cut into any chunks, frame as in one feed; a line is flagged
 * too long exactly when its bytes (without the line end) exceed the limit, and the lines after it are intact. The fuzz
 * targets' inputs stay far below 64 KiB, so this path is covered here.
 */
class LongLinePropertiesTest {
    record Line(long number, String text, String problem) {
    }

    @Property(tries = 40)
    void longLinesAreFlaggedAndDoNotDisturbTheirNeighbours(
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = -3, max = 3) Integer> overBy,
            @ForAll boolean crlf, @ForAll boolean utf8,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 70_000) Integer> chunkSizes) {
        Charset charset = utf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1251");
        List<Integer> lengths = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int over : overBy) {
            int length = LineFramer.MAX_LINE_BYTES + over;
            lengths.add(length);
            char[] body = new char[length];
            Arrays.fill(body, 'x');
            text.append("2026-11-20 short line\n").append(body).append(crlf ? "\r\n" : "\n");
        }
        text.append("last");
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);

        List<Line> whole = frame(charset, bytes, new int[] {bytes.length});
        List<Line> chunked = frame(charset, bytes, chunkSizes.stream().mapToInt(Integer::intValue).toArray());
        assertThat(chunked).isEqualTo(whole);
        assertThat(whole).hasSize(2 * lengths.size() + 1);
        for (int k = 0; k < lengths.size(); k++) {
            assertThat(whole.get(2 * k).text()).isEqualTo("2026-11-20 short line");
            assertThat(whole.get(2 * k).problem()).isNull();
            Line longLine = whole.get(2 * k + 1);
            if (lengths.get(k) > LineFramer.MAX_LINE_BYTES) {
                assertThat(longLine.problem()).contains("longer than");
                assertThat(longLine.text()).hasSizeLessThanOrEqualTo(256).startsWith("xxxx");
            } else {
                assertThat(longLine.problem()).isNull();
                assertThat(longLine.text()).hasSize(lengths.get(k));
            }
        }
        assertThat(whole.get(whole.size() - 1)).isEqualTo(new Line(2L * lengths.size() + 1, "last", null));
    }

    private static List<Line> frame(Charset cs, byte[] bytes, int[] sizes) {
        List<Line> out = new ArrayList<>();
        LineFramer f = new LineFramer(cs, (n, t, p) -> out.add(new Line(n, t, p)));
        int at = 0;
        for (int k = 0; at < bytes.length; k++) {
            int n = Math.min(sizes[k % sizes.length], bytes.length - at);
            f.feed(bytes, at, n);
            at += n;
        }
        f.finish();
        return out;
    }
}
