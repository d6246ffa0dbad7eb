package org.tillwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One Grafana dashboard file: its template variables and the PromQL of every panel target. */
record GrafanaDashboard(Path file, String uid, String title, List<Variable> variables, List<Target> targets) {
    static final Path DIR = Path.of("grafana", "dashboards");

    /** A template variable; {@code query} is a {@code label_values(selector, label)} for query variables. */
    record Variable(String name, String type, String query, boolean multi, boolean includeAll, String allValue) {
    }

    record Target(String panel, String expr, boolean instant) {
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)(?::[a-z]+)?}|\\$([a-zA-Z_][a-zA-Z0-9_]*)");

    static List<GrafanaDashboard> all() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<GrafanaDashboard> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) out.add(read(f));
            return out;
        }
    }

    static GrafanaDashboard read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Variable> vars = new ArrayList<>();
        for (JsonNode v : root.path("templating").path("list")) {
            JsonNode q = v.path("query");
            String query = q.isObject() ? q.path("query").asText() : q.asText();
            vars.add(new Variable(v.path("name").asText(), v.path("type").asText(), query, v.path("multi").asBoolean(),
                    v.path("includeAll").asBoolean(), v.path("allValue").asText(null)));
        }
        List<Target> targets = new ArrayList<>();
        collect(root.path("panels"), targets);
        return new GrafanaDashboard(file, root.path("uid").asText(), root.path("title").asText(), vars, targets);
    }

    private static void collect(JsonNode panels, List<Target> out) {
        for (JsonNode p : panels) {
            for (JsonNode t : p.path("targets")) {
                out.add(new Target(p.path("title").asText(), t.path("expr").asText(), t.path("instant").asBoolean()));
            }
            collect(p.path("panels"), out); // panels inside a collapsed row
        }
    }

    /** {@code label_values(selector, label)} as PromQL answering one series per value. */
    static String[] labelValuesQuery(String query) {
        Matcher m = LABEL_VALUES.matcher(query.strip());
        if (!m.matches()) throw new IllegalArgumentException("not a label_values(selector, label) query: " + query);
        return new String[] {"group by (" + m.group(2) + ") (" + m.group(1) + ")", m.group(2)};
    }

    /**
     * {@code expr} with Grafana's variables replaced: the built-in intervals by short ranges that suit a one-second
     * scrape, template variables by {@code values}. An unknown variable is left as is (the query then fails).
     */
    static String substitute(String expr, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = switch (name) {
                case "__rate_interval" -> "20s";
                case "__interval" -> "1s";
                case "__range" -> "5m";
                default -> values.get(name);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
