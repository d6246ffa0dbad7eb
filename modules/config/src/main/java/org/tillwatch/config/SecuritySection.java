package org.tillwatch.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and writes the {@code security} section, which holds lists of accounts rather than single values. */
final class SecuritySection {
    static final String NAME = "security";

    private SecuritySection() {
    }

    /** The section over {@code base}, or {@code null} after adding the problems (prefixed with {@code source}). */
    static Security read(JsonNode node, Security base, String source, List<String> problems) {
        if (node.isNull()) return base;
        if (!node.isObject()) {
            problems.add(source + ": security: expected an object with the keys session-timeout, users, tokens");
            return null;
        }
        Duration timeout = base.sessionTimeout();
        List<Security.User> users = base.users();
        List<Security.Token> tokens = base.tokens();
        int before = problems.size();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            switch (e.getKey()) {
                case "session-timeout" -> {
                    try {
                        timeout = Units.parseDuration(e.getValue().asText());
                    } catch (IllegalArgumentException ex) {
                        problems.add(source + ": security.session-timeout: expected a duration such as 30m or 8h, got " + e.getValue());
                    }
                }
                case "users" -> users = list(e.getValue(), "users", "password-hash", source, problems).stream()
                        .map(f -> new Security.User(f[0], f[1], f[2])).toList();
                case "tokens" -> tokens = list(e.getValue(), "tokens", "hash", source, problems).stream()
                        .map(f -> new Security.Token(f[0], f[1], f[2])).toList();
                default -> problems.add(source + ": unknown key 'security." + e.getKey() + "' (known: session-timeout, users, tokens)");
            }
        }
        if (problems.size() > before) return null;
        try {
            return new Security(timeout, users, tokens);
        } catch (InvalidConfigException e) {
            e.details().forEach(p -> problems.add(source + ": " + p));
            return null;
        }
    }

    private static List<String[]> list(JsonNode node, String key, String secretKey, String source, List<String> problems) {
        List<String[]> out = new ArrayList<>();
        if (node.isNull()) return out;
        if (!node.isArray()) {
            problems.add(source + ": security." + key + ": expected a list of {name, " + secretKey + ", role}");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                problems.add(source + ": security." + key + "[" + i + "]: expected {name, " + secretKey + ", role}");
                continue;
            }
            for (Map.Entry<String, JsonNode> f : item.properties()) {
                if (!List.of("name", secretKey, "role").contains(f.getKey())) {
                    problems.add(source + ": security." + key + "[" + i + "]: unknown key '" + f.getKey() + "' (known: name, " + secretKey + ", role)");
                }
            }
            out.add(new String[] {text(item, "name"), text(item, secretKey), text(item, "role")});
        }
        return out;
    }

    private static String text(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static void write(ObjectNode root, Security s) {
        ObjectNode section = root.putObject(NAME);
        section.put("session-timeout", Units.formatDuration(s.sessionTimeout()));
        ArrayNode users = section.putArray("users");
        s.users().forEach(u -> users.addObject().put("name", u.name()).put("password-hash", u.passwordHash()).put("role", u.role()));
        ArrayNode tokens = section.putArray("tokens");
        s.tokens().forEach(t -> tokens.addObject().put("name", t.name()).put("hash", t.hash()).put("role", t.role()));
    }
}
