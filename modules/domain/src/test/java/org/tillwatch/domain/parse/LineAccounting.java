package org.tillwatch.domain.parse;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test oracle shared by the fuzz and property tests: reads a register's bytes with {@link RegisterLogReader} and
 * checks that every input line is accounted for exactly once - the first line of an entry (an event, noise
 * included, or one malformed entry), a continuation line inside the entry above it, or a continuation line with no
 * entry above counted malformed on its own - and that nothing reported carries a full card number.
 */
final class LineAccounting {
    private static final Pattern FULL_PAN_VALUE = Pattern.compile("pan=\"?\\d{11,}");
    private static final Pattern CARD_LIKE = Pattern.compile("(?<!\\d)\\d{13,19}(?!\\d)");

    /** What was read; {@code spans}: first line and line count of each report, {@code dropped}: lines read past. */
    record Read(List<LogEvent> events, List<MalformedLine> malformed, List<long[]> spans, long dropped) {
    }

    private LineAccounting() {
    }

    /**
     * Feeds {@code bytes} cut at the given chunk lengths (the rest in one feed), then ends the file. With
     * {@code quiet}, the stream goes quiet after every chunk (the collector's early read of a complete entry).
     */
    static Read read(Charset charset, byte[] bytes, int[] chunks, boolean quiet) {
        List<LogEvent> events = new ArrayList<>();
        List<MalformedLine> malformed = new ArrayList<>();
        List<long[]> spans = new ArrayList<>();
        RegisterLogReader[] r = new RegisterLogReader[1];
        RegisterLogReader reader = new RegisterLogReader(new ReferenceDialect(), charset, new EntrySink() {
            @Override
            public void event(LogEvent event) {
                events.add(event);
                spans.add(new long[] {event.raw().line(), r[0].entryLines()});
            }

            @Override
            public void malformed(MalformedLine line) {
                malformed.add(line);
                spans.add(new long[] {line.line(), r[0].entryLines()});
            }
        });
        r[0] = reader;
        reader.startFile("fuzz.log", 0);
        int from = 0;
        for (int c : chunks) {
            int to = Math.min(bytes.length, from + Math.max(0, c));
            reader.feed(bytes, from, to - from);
            if (quiet) reader.flushIfComplete();
            from = to;
        }
        reader.feed(bytes, from, bytes.length - from);
        reader.endOfFile();
        return new Read(events, malformed, spans, reader.droppedContinuationLines());
    }

    static Read check(Charset charset, byte[] bytes, int[] chunks) {
        return check(charset, bytes, chunks, false);
    }

    /**
     * Reads and checks the accounting; returns what was read. Read whole or in chunks, the reports are exactly the
     * entries and orphan lines of the input. Going quiet between chunks may read an entry before continuation lines
     * that still come: each of those is then reported malformed on its own (unreadable bytes) or counted dropped.
     */
    static Read check(Charset charset, byte[] bytes, int[] chunks, boolean quiet) {
        Read read = read(charset, bytes, chunks, quiet);
        List<String> lines = lines(charset, bytes);
        ReferenceDialect dialect = new ReferenceDialect();

        List<Long> expectedReports = new ArrayList<>();
        long[] entryEnd = new long[lines.size() + 2];
        long currentStart = -1;
        for (int k = 0; k < lines.size(); k++) {
            long number = k + 1;
            if (dialect.startsEntry(lines.get(k))) {
                if (currentStart > 0) entryEnd[(int) currentStart] = number - 1;
                currentStart = number;
                expectedReports.add(number);
            } else if (currentStart < 0) {
                expectedReports.add(number);
            }
        }
        if (currentStart > 0) entryEnd[(int) currentStart] = lines.size();

        // Every line is in exactly one report's span, or counted dropped.
        List<long[]> spans = new ArrayList<>(read.spans());
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        long covered = 0;
        long after = 0;
        for (long[] span : spans) {
            assertThat(span[0]).as("report at line %d overlaps the one before", span[0]).isGreaterThan(after);
            assertThat(span[1]).isPositive();
            after = span[0] + span[1] - 1;
            covered += span[1];
        }
        assertThat(after).isLessThanOrEqualTo(lines.size());
        assertThat(covered + read.dropped()).as("lines reported or dropped").isEqualTo(lines.size());
        if (!quiet) assertThat(read.dropped()).isZero();

        List<Long> reported = new ArrayList<>();
        for (LogEvent e : read.events()) {
            long first = e.raw().line();
            reported.add(first);
            long spanned = e.raw().text().chars().filter(c -> c == '\n').count() + 1;
            if (quiet) assertThat(spanned).isLessThanOrEqualTo(entryEnd[(int) first] - first + 1);
            else assertThat(spanned).as("lines of the entry at line %d", first).isEqualTo(entryEnd[(int) first] - first + 1);
            assertThat(FULL_PAN_VALUE.matcher(e.raw().text()).find()).as("full pan= value in %s", e.raw().text()).isFalse();
        }
        for (MalformedLine m : read.malformed()) {
            reported.add(m.line());
            assertThat(m.reason()).as("reason at line %d", m.line()).doesNotStartWith("unreadable entry");
            assertThat(CARD_LIKE.matcher(m.text()).find()).as("card number in malformed text %s", m.text()).isFalse();
        }
        reported.sort(Long::compare);
        if (quiet) {
            assertThat(reported).as("first lines of entries and orphan lines").containsAll(expectedReports);
            List<Long> extra = new ArrayList<>(reported);
            extra.removeAll(expectedReports);
            for (long line : extra) {
                assertThat(dialect.startsEntry(lines.get((int) line - 1))).isFalse();
                assertThat(read.malformed()).anyMatch(m -> m.line() == line);
            }
        } else {
            assertThat(reported).as("first lines of entries and orphan lines").isEqualTo(expectedReports);
        }
        return read;
    }

    /** The input lines as the framer sees them, decoded independently of it (long lines: their head suffices). */
    static List<String> lines(Charset charset, byte[] bytes) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length && start == bytes.length) break;
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                out.add(new String(bytes, start, Math.min(end - start, 200), charset));
                start = i + 1;
            }
        }
        return out;
    }
}
