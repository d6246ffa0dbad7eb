package org.tillwatch.domain.model;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stores registry: CSV with header {@code code,name,format,region,timezone,opens,closes}.
 * The {@code format} column names the chain format; a value of {@code utf-8} (case-insensitive) marks a store
 * whose registers write UTF-8 instead of the default windows-1251.
 */
public final class StoreRegistry {
    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final List<String> HEADER = List.of("code", "name", "format", "region", "timezone", "opens", "closes");

    private final Map<String, Store> stores;
    private final ZoneId defaultZone;

    public StoreRegistry(Map<String, Store> stores, ZoneId defaultZone) {
        this.stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
        this.defaultZone = defaultZone;
    }

    public static StoreRegistry empty(ZoneId defaultZone) {
        return new StoreRegistry(Map.of(), defaultZone);
    }

    /** Parses the registry text. Throws {@link IllegalArgumentException} naming the line for a bad row. */
    public static StoreRegistry parse(String csv, ZoneId defaultZone) {
        Map<String, Store> stores = new LinkedHashMap<>();
        String[] lines = csv.split("\r?\n");
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        if (first == lines.length) return new StoreRegistry(stores, defaultZone);
        List<String> header = Csv.split(stripBom(lines[first])).stream().map(s -> s.trim().toLowerCase()).toList();
        if (!header.containsAll(HEADER)) {
            throw new IllegalArgumentException("stores registry line " + (first + 1) + ": header must be " + String.join(",", HEADER));
        }
        for (int i = first + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            List<String> cells = Csv.split(lines[i]);
            if (cells.size() < header.size()) {
                throw new IllegalArgumentException("stores registry line " + (i + 1) + ": expected " + header.size() + " columns, got " + cells.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) row.put(header.get(c), cells.get(c).trim());
            try {
                Store store = toStore(row);
                stores.put(store.code(), store);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("stores registry line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new StoreRegistry(stores, defaultZone);
    }

    private static Store toStore(Map<String, String> row) {
        String format = row.get("format");
        Charset encoding = "utf-8".equalsIgnoreCase(format) || "utf8".equalsIgnoreCase(format)
                || "utf-8".equalsIgnoreCase(row.getOrDefault("encoding", "")) ? StandardCharsets.UTF_8 : WINDOWS_1251;
        return new Store(row.get("code"), row.get("name"), format, row.get("region"), ZoneId.of(row.get("timezone")),
                time(row.get("opens")), time(row.get("closes")), encoding, true);
    }

    private static LocalTime time(String s) {
        return s == null || s.isEmpty() ? null : LocalTime.parse(s);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The registered store, or an unregistered one in the default zone. */
    public Store store(String code) {
        Store s = stores.get(code);
        return s != null ? s : Store.unregistered(code, defaultZone);
    }

    public boolean isRegistered(String code) {
        return stores.containsKey(code);
    }

    public Map<String, Store> stores() {
        return stores;
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** Minimal RFC 4180 splitting: quoted cells may hold commas and doubled quotes. */
    static final class Csv {
        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cell.append('"'); i++; }
                    else if (ch == '"') quoted = false;
                    else cell.append(ch);
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    out.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            out.add(cell.toString());
            return out;
        }
    }
}
