package org.tillwatch.orchestrator.template;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The ordered templates of one file (YAML or JSON, same shape): the first that matches a ticket wins. */
public record TemplateSet(List<Template> templates) {
    public static final String BUILTIN = "/org/tillwatch/orchestrator/builtin-templates.yaml";
    private static final Set<String> TEMPLATE_KEYS = Set.of("name", "description", "when", "category", "actions");
    private static final Set<String> WHEN_KEYS = Set.of("topics", "channels", "transaction");
    private static final Set<String> TX_KEYS = Set.of("outcomes", "tags", "critical", "promo_positions", "accrued", "pending",
            "queue_delivered", "bag", "stores", "status", "incident", "card");

    public TemplateSet {
        templates = List.copyOf(templates);
        Set<String> names = new HashSet<>();
        for (Template t : templates) {
            if (!names.add(t.name())) throw new TemplateException("template name '" + t.name() + "' is used twice");
        }
    }

    public static TemplateSet builtin() {
        try (InputStream in = TemplateSet.class.getResourceAsStream(BUILTIN)) {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), "built-in templates");
        } catch (IOException e) {
            throw new IllegalStateException("built-in templates unreadable", e);
        }
    }

    public static TemplateSet load(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TemplateException(file + ": not valid " + (name.endsWith(".json") ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        }
        return parse(root, file.toString());
    }

    public static TemplateSet parse(JsonNode root, String source) {
        if (root == null || !root.isObject() || !root.path("templates").isArray()) {
            throw new TemplateException(source + ": expected an object with a 'templates' list");
        }
        List<Template> out = new ArrayList<>();
        int i = 0;
        for (JsonNode t : root.get("templates")) {
            i++;
            String where = source + ": template #" + i + (t.hasNonNull("name") ? " (" + t.get("name").asText() + ")" : "");
            try {
                out.add(template(t));
            } catch (TemplateException e) {
                throw new TemplateException(where + ": " + e.getMessage(), e);
            }
        }
        return new TemplateSet(out);
    }

    private static Template template(JsonNode t) {
        known(t, TEMPLATE_KEYS, "template");
        JsonNode when = t.path("when");
        if (!when.isMissingNode()) known(when, WHEN_KEYS, "when");
        TransactionConditions tx = when.has("transaction") ? conditions(when.get("transaction")) : null;
        List<ActionSpec> actions = new ArrayList<>();
        if (!t.path("actions").isArray()) throw new TemplateException("'actions' must be a list");
        for (JsonNode a : t.get("actions")) actions.add(action(a));
        return new Template(str(t, "name"), str(t, "description"), set(when, "topics"), set(when, "channels"), tx,
                str(t, "category"), actions);
    }

    private static TransactionConditions conditions(JsonNode c) {
        known(c, TX_KEYS, "transaction");
        return new TransactionConditions(set(c, "outcomes"), set(c, "tags"), bool(c, "critical"), range(c, "promo_positions"),
                range(c, "accrued"), bool(c, "pending"), bool(c, "queue_delivered"), bool(c, "bag"), set(c, "stores"),
                set(c, "status"), bool(c, "incident"), bool(c, "card"));
    }

    private static ActionSpec action(JsonNode a) {
        if (a.isTextual()) return new ActionSpec(a.asText(), null, null, null, null, null);
        if (!a.isObject() || a.size() != 1) throw new TemplateException("each action is one key: reply, resolve, escalate, wait or link_incident");
        Map.Entry<String, JsonNode> e = a.properties().iterator().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "reply" -> {
                ActionSpec r = new ActionSpec("reply", str(v, "ru"), str(v, "en"), null, null, null);
                org.tillwatch.orchestrator.actions.Replies.check(r.ru());
                org.tillwatch.orchestrator.actions.Replies.check(r.en());
                yield r;
            }
            case "escalate" -> new ActionSpec("escalate", null, null, v.isInt() ? Integer.valueOf(v.asInt()) : v.hasNonNull("line") ? v.get("line").asInt() : null,
                    str(v, "once_per"), null);
            case "wait" -> new ActionSpec("wait", null, null, null, null, v.isTextual() ? v.asText() : str(v, "for"));
            default -> new ActionSpec(e.getKey(), null, null, null, null, null);
        };
    }

    private static void known(JsonNode n, Set<String> keys, String what) {
        if (!n.isObject()) throw new TemplateException("'" + what + "' must be an object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) throw new TemplateException("unknown key '" + k + "' in " + what + " (known: " + new java.util.TreeSet<>(keys) + ")");
        }
    }

    private static String str(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Boolean bool(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isBoolean()) throw new TemplateException("'" + key + "' must be true or false");
        return v.asBoolean();
    }

    private static Set<String> set(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return null;
        Set<String> out = new LinkedHashSet<>();
        if (v.isArray()) v.forEach(x -> out.add(x.asText()));
        else out.add(v.asText());
        return out;
    }

    private static Range range(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return new Range(v.decimalValue(), v.decimalValue());
        if (!v.isObject()) throw new TemplateException("'" + key + "' must be a number or {min, max}");
        return new Range(v.hasNonNull("min") ? new BigDecimal(v.get("min").asText()) : null,
                v.hasNonNull("max") ? new BigDecimal(v.get("max").asText()) : null);
    }
}
