package org.tillwatch.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tillwatch.config.Settings.Setting;

/**
 * Lays a file and then environment variables over a base configuration, collecting every problem on the way, and
 * remembers where each value came from so range problems can name the file or variable to fix.
 */
final class ConfigLoader {

    private static final Object INVALID = new Object();

    private final Map<String, Object> values;
    private final Map<String, String> sources = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    ConfigLoader(CollectorConfig base) {
        this.values = Settings.values(base);
    }

    void readFile(Path file) {
        String source = file.toString();
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        String format;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            mapper = Settings.YAML;
            format = "YAML";
        } else if (name.endsWith(".json")) {
            mapper = Settings.JSON;
            format = "JSON";
        } else {
            problems.add(source + ": unsupported file type (expected .yaml, .yml or .json)");
            return;
        }
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            problems.add(source + ": file not found");
            return;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            problems.add(source + ": not valid " + format + ": " + e.getOriginalMessage() + where);
            return;
        } catch (IOException e) {
            problems.add(source + ": cannot read the file: " + e);
            return;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return; // an empty file: all defaults
        }
        if (!root.isObject()) {
            problems.add(source + ": expected an object with the sections " + String.join(", ", Settings.SECTIONS)
                    + ", got " + show(root));
            return;
        }
        Path base = file.toAbsolutePath().getParent();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            readSection(source, base, entry.getKey(), entry.getValue());
        }
    }

    private void readSection(String source, Path base, String section, JsonNode node) {
        if (section.equals(SecuritySection.NAME)) {
            Security security = SecuritySection.read(node, (Security) values.get(SecuritySection.NAME), source, problems);
            if (security != null) values.put(SecuritySection.NAME, security);
            return;
        }
        if (!Settings.SECTIONS.contains(section)) {
            problems.add(source + ": unknown key '" + section + "' (known: " + String.join(", ", Settings.SECTIONS) + ", security)");
            return;
        }
        List<Setting> settings = Settings.inSection(section);
        if (node.isNull()) {
            return; // "server:" with nothing under it
        }
        if (!node.isObject()) {
            problems.add(source + ": " + section + ": expected an object with the keys " + keys(settings)
                    + ", got " + show(node));
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Setting setting = settings.stream().filter(s -> s.key().equals(entry.getKey())).findFirst().orElse(null);
            if (setting == null) {
                problems.add(source + ": unknown key '" + section + "." + entry.getKey() + "' (known: "
                        + keys(settings) + ")");
            } else {
                set(setting, entry.getValue(), base, source);
            }
        }
    }

    void readEnv(Map<String, String> env) {
        Map<String, Setting> byName = Settings.ALL.stream().collect(Collectors.toMap(Setting::envName, s -> s));
        for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
            String name = entry.getKey();
            String section = envSection(name);
            if (section == null) {
                continue; // not configuration, e.g. TILLWATCH_CARD_KEY
            }
            Setting setting = byName.get(name);
            if (setting == null) {
                problems.add(name + ": unknown configuration variable (known: " + Settings.inSection(section).stream()
                        .map(Setting::envName).collect(Collectors.joining(", ")) + ")");
            } else {
                set(setting, TextNode.valueOf(entry.getValue().strip()), null, name);
            }
        }
    }

    /** The section a TILLWATCH_SECTION_... variable configures, or null when it is not a configuration variable. */
    private static String envSection(String name) {
        for (String section : Settings.SECTIONS) {
            if (name.startsWith(Settings.ENV_PREFIX + section.toUpperCase(Locale.ROOT) + "_")) {
                return section;
            }
        }
        return null;
    }

    CollectorConfig result() throws ConfigException {
        CollectorConfig config = null;
        try {
            config = Settings.build(values);
        } catch (InvalidConfigException e) {
            for (Problem p : e.details()) {
                String source = sources.get(p.settingPath());
                problems.add(source == null ? p.toString() : source + ": " + p);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private void set(Setting setting, JsonNode node, Path base, String source) {
        Object value = convert(setting, node, base, source);
        if (value != INVALID) {
            values.put(setting.path(), value);
            sources.put(setting.path(), source);
        }
    }

    /** The value of {@code node} for {@code setting}, or {@link #INVALID} after reporting why not. */
    private Object convert(Setting setting, JsonNode node, Path base, String source) {
        String path = setting.path();
        return switch (setting.kind()) {
            case STRING -> node.isTextual() ? node.textValue() : fail(source, path, "expected a string", node);
            case OPTIONAL_STRING -> node.isNull() ? null : node.isTextual() ? node.textValue() : fail(source, path, "expected a string", node);
            case PERCENT -> toPercent(node, source, path);
            case INT -> toInt(node, source, path);
            case BYTES -> toBytes(node, source, path);
            case DURATION -> toDuration(node, source, path);
            case DURATIONS -> toDurations(node, source, path);
            case PATH, OPTIONAL_PATH -> toPath(node, base, setting.kind() == Settings.Kind.OPTIONAL_PATH, source, path);
        };
    }

    private Object toInt(JsonNode node, String source, String path) {
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : fail(source, path, "out of range", node);
        }
        if (node.isTextual()) {
            try {
                return Integer.parseInt(node.textValue().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        return fail(source, path, "expected an integer", node);
    }

    private Object toPercent(JsonNode node, String source, String path) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Units.parsePercent(node.textValue());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        return fail(source, path, "expected a percentage such as 99% or a fraction such as 0.99", node);
    }

    private Object toBytes(JsonNode node, String source, String path) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : fail(source, path, "out of range", node);
        }
        if (node.isTextual()) {
            try {
                return Units.parseBytes(node.textValue());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        return fail(source, path, "expected a byte size such as 65536, 64KiB, 8MiB, 1GiB or 8MB", node);
    }

    private Object toDuration(JsonNode node, String source, String path) {
        if (node.isTextual()) {
            try {
                return Units.parseDuration(node.textValue());
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        return fail(source, path, "expected a duration such as 500ms, 5s, 2m, 1h, 1d or PT5S", node);
    }

    private Object toDurations(JsonNode node, String source, String path) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isTextual()) {
            if (!node.textValue().isBlank()) {
                for (String part : node.textValue().split(",", -1)) {
                    items.add(TextNode.valueOf(part.strip()));
                }
            }
        } else {
            return fail(source, path, "expected a list of durations such as [5m, 1h, 1d] or \"5m,1h,1d\"", node);
        }
        List<Duration> durations = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Object d = toDuration(items.get(i), source, path + "[" + i + "]");
            if (d == INVALID) {
                ok = false;
            } else {
                durations.add((Duration) d);
            }
        }
        return ok ? List.copyOf(durations) : INVALID;
    }

    private Object toPath(JsonNode node, Path base, boolean optional, String source, String path) {
        if (optional && (node.isNull() || node.isTextual() && node.textValue().isBlank())) {
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            return fail(source, path, "expected a path", node);
        }
        try {
            Path p = Path.of(node.textValue());
            return base == null ? p : base.resolve(p);
        } catch (InvalidPathException e) {
            return fail(source, path, "not a valid path (" + e.getReason() + ")", node);
        }
    }

    private Object fail(String source, String path, String expected, JsonNode got) {
        problems.add(source + ": " + path + ": " + expected + ", got " + show(got));
        return INVALID;
    }

    private static String keys(List<Setting> settings) {
        return settings.stream().map(Setting::key).collect(Collectors.joining(", "));
    }

    /** A value as the user wrote it: strings quoted, numbers and booleans bare. */
    private static String show(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }
}
