package org.tillwatch.cli.organizer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.tillwatch.index.query.TransactionJson;

/**
 * One result set printed four ways: an aligned table for people (numbers right, colour on a terminal), a JSON array,
 * NDJSON (one object a line) or CSV. Each row is a map for machines and cells for people.
 */
final class Rows {
    private static final ObjectMapper PRETTY = TransactionJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> columns;
    private final List<Map<String, Object>> records = new ArrayList<>();
    private final List<List<Cell>> cells = new ArrayList<>();

    Rows(String... columns) {
        this.columns = List.of(columns);
    }

    /** {@code record}: what machines get; {@code shown}: one cell per column for the table. */
    Rows add(Map<String, Object> record, Object... shown) {
        if (shown.length != columns.size()) throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + shown.length);
        records.add(record);
        List<Cell> row = new ArrayList<>();
        for (Object o : shown) row.add(Cell.of(o));
        cells.add(row);
        return this;
    }

    List<Map<String, Object>> records() {
        return records;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    int size() {
        return records.size();
    }

    void print(PrintWriter out, OutputOptions.Format format, boolean colour) {
        switch (format) {
            case JSON -> json(out, records);
            case NDJSON -> {
                for (Map<String, Object> r : records) out.println(line(r));
            }
            case CSV -> csv(out);
            case TABLE -> table(out, colour);
        }
        out.flush();
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(PRETTY.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String line(Object value) {
        try {
            return TransactionJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void csv(PrintWriter out) {
        if (records.isEmpty()) return;
        List<String> keys = new ArrayList<>(records.get(0).keySet());
        out.println(String.join(",", keys.stream().map(Rows::csvCell).toList()));
        for (Map<String, Object> r : records) {
            List<String> line = new ArrayList<>();
            for (String k : keys) line.add(csvCell(flat(r.get(k))));
            out.println(String.join(",", line));
        }
    }

    private static String flat(Object v) {
        if (v == null) return "";
        if (v instanceof List<?> l) return String.join(";", l.stream().map(String::valueOf).toList());
        if (v instanceof Map<?, ?>) return line(v);
        return v.toString();
    }

    static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }

    private void table(PrintWriter out, boolean colour) {
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) width[i] = columns.get(i).length();
        for (List<Cell> r : cells) for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], r.get(i).text().length());
        StringBuilder head = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            if (i > 0) {
                head.append("  ");
                rule.append("  ");
            }
            head.append(pad(columns.get(i), width[i], false));
            rule.append("-".repeat(width[i]));
        }
        out.println(Style.BOLD.apply(head.toString().stripTrailing(), colour));
        out.println(rule);
        for (List<Cell> r : cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                Cell c = r.get(i);
                if (i > 0) sb.append("  ");
                boolean right = i > 0 && numeric(c.text());
                String padded = i == width.length - 1 && !right ? c.text() : pad(c.text(), width[i], right);
                int at = padded.indexOf(c.text());
                sb.append(padded, 0, at).append(c.style().apply(c.text(), colour)).append(padded.substring(at + c.text().length()));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.matches("-?[0-9][0-9.,%]*");
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    static Map<String, Object> record(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
