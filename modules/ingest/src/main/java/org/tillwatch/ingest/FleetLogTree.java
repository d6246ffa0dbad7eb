package org.tillwatch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.tillwatch.domain.model.RegisterKey;

/**
 * Finds the registers of a log root laid out as {@code <store>/<register>/pos*.log[.gz]}. Folders and files that do
 * not fit the layout are listed in {@link Scan#skipped()} rather than silently passed over.
 */
public final class FleetLogTree {
    private static final Pattern ROTATED = Pattern.compile("pos-(\\d{4}-\\d{2}-\\d{2})\\.log(\\.gz)?");

    private FleetLogTree() {
    }

    public record Scan(List<RegisterLogs> registers, List<Path> skipped) {
    }

    public static Scan scan(Path root) throws IOException {
        if (!Files.isDirectory(root)) throw new IOException("log root is not a directory: " + root);
        List<RegisterLogs> registers = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path store : list(root)) {
            String code = store.getFileName().toString();
            if (!Files.isDirectory(store) || !RegisterKey.isStoreCode(code)) { skipped.add(store); continue; }
            for (Path register : list(store)) {
                String name = register.getFileName().toString();
                if (!Files.isDirectory(register) || !RegisterKey.isRegisterName(name)) { skipped.add(register); continue; }
                RegisterLogs logs = register(new RegisterKey(code, name), register, skipped);
                if (!logs.files().isEmpty()) registers.add(logs);
            }
        }
        return new Scan(registers, skipped);
    }

    /** One register folder's log files, oldest first: rotated days in date order (plain preferred over .gz), then pos.log. */
    public static RegisterLogs register(RegisterKey key, Path dir, List<Path> skipped) throws IOException {
        Map<String, Path> byDay = new TreeMap<>();
        Path live = null;
        for (Path f : list(dir)) {
            String name = f.getFileName().toString();
            if (!Files.isRegularFile(f)) { skipped.add(f); continue; }
            if (name.equals("pos.log")) { live = f; continue; }
            Matcher m = ROTATED.matcher(name);
            if (!m.matches()) { skipped.add(f); continue; }
            // While a day is being gzipped both files exist: the plain one is the complete one.
            Path existing = byDay.get(m.group(1));
            if (existing == null || (existing.toString().endsWith(".gz") && m.group(2) == null)) {
                if (existing != null) skipped.add(existing);
                byDay.put(m.group(1), f);
            } else {
                skipped.add(f);
            }
        }
        List<Path> files = new ArrayList<>(byDay.values());
        if (live != null) files.add(live);
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        return new RegisterLogs(key, files, bytes);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }
}
