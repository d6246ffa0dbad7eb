package org.tillwatch.domain.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.tillwatch.domain.model.OutcomeExplanation.Category;
import org.tillwatch.domain.model.OutcomeExplanation.Escalation;
import org.tillwatch.domain.model.OutcomeExplanation.Text;

/**
 * The error dictionary's data file, {@code outcome-explanations.properties} (UTF-8) on the class path next to this
 * class. A broken file fails at class load with the key at fault: it ships inside the jar, so that is a build error.
 */
final class DictionaryFile {
    static final String RESOURCE = "outcome-explanations.properties";

    private final Properties p;

    private DictionaryFile(Properties p) {
        this.p = p;
    }

    static DictionaryFile load() {
        Properties p = new Properties();
        try (InputStream in = DictionaryFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new DictionaryFile(p);
    }

    List<String> outcomes() {
        return Arrays.stream(required("outcomes").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The entry under {@code prefix} ({@code CardBlocked}, {@code fallback.http}) with {@code {name}} filled in. */
    OutcomeExplanation entry(String prefix, String outcome, Integer code, boolean critical, Map<String, String> values) {
        Category category = Category.ofId(required(prefix + ".category"));
        String line = required(prefix + ".escalate");
        Escalation escalation = "none".equals(line) ? Escalation.NONE : new Escalation(line, text("line." + line, Map.of()));
        return new OutcomeExplanation(outcome, code, critical, text(prefix + ".title", values), text(prefix + ".meaning", values),
                text(prefix + ".tell", values), text(prefix + ".support", values), category, escalation);
    }

    Text shared(String name) {
        return text("text." + name, Map.of());
    }

    Text categoryName(Category category) {
        return text("category." + category.id(), Map.of());
    }

    Map<String, Text> tags() {
        Map<String, Text> tags = new LinkedHashMap<>();
        for (String tag : List.of(Tag.LOY_TIMEOUT, Tag.LOY_OFFLINE, Tag.LOY_ERROR, Tag.CARD_DECLINED, Tag.RCPT_CHANGED, Tag.PAN_UNMASKED)) {
            tags.put(tag, text("tag." + tag, Map.of()));
        }
        return Collections.unmodifiableMap(tags);
    }

    private Text text(String key, Map<String, String> values) {
        return new Text(value(key + ".ru", values, "«", "»"), value(key + ".en", values, "\"", "\""));
    }

    private String value(String key, Map<String, String> values, String open, String close) {
        String v = required(key);
        if (v.startsWith("@")) v = required("text." + v.substring(1) + key.substring(key.lastIndexOf('.')));
        for (var e : values.entrySet()) {
            String shown = e.getKey().equals("raw") ? (e.getValue().isEmpty() ? (open.equals("«") ? "(пусто)" : "(empty)") : open + e.getValue() + close)
                    : e.getValue();
            v = v.replace("{" + e.getKey() + "}", shown);
        }
        return v;
    }

    private String required(String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new IllegalStateException(RESOURCE + ": '" + key + "' is missing or empty");
        return v.strip();
    }
}
