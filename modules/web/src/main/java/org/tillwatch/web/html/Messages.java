package org.tillwatch.web.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.tillwatch.domain.model.OutcomeExplanation.Text;

/** The UI's texts in Russian (the default) and English, from {@code messages_ru.properties} / {@code messages_en.properties}. */
public final class Messages {
    private static final Map<String, Messages> ALL = Map.of("ru", load("ru"), "en", load("en"));

    private final String lang;
    private final Properties p;

    private Messages(String lang, Properties p) {
        this.lang = lang;
        this.p = p;
    }

    public static Messages of(String lang) {
        return ALL.getOrDefault(lang, ALL.get("ru"));
    }

    public String lang() {
        return lang;
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}} ... filled in (unescaped: callers escape). */
    public String t(String key, Object... args) {
        String v = p.getProperty(key);
        if (v == null) return "[" + key + "]";
        for (int i = 0; i < args.length; i++) v = v.replace("{" + i + "}", String.valueOf(args[i]));
        return v;
    }

    public String t(Text text) {
        return text.in(locale());
    }

    private static Messages load(String lang) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/org/tillwatch/web/messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Messages(lang, p);
    }
}
