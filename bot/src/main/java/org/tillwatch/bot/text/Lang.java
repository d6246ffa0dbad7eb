package org.tillwatch.bot.text;

import java.util.Locale;
import java.util.function.Function;

/** A chat's reply language. BOTH gives the Russian text first, then the English one. */
public enum Lang {
    RU, EN, BOTH;

    public static Lang parse(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "ru", "рус", "русский" -> RU;
            case "en", "eng", "english" -> EN;
            case "both", "ru+en", "оба" -> BOTH;
            default -> null;
        };
    }

    /** Renders a message built per language: once for RU or EN, both joined for BOTH. */
    public String render(Function<Tr, String> message) {
        return switch (this) {
            case RU -> message.apply(Tr.RU);
            case EN -> message.apply(Tr.EN);
            case BOTH -> message.apply(Tr.RU) + "\n\n" + message.apply(Tr.EN);
        };
    }

    /** A short label (button, one-liner): "Обновить / Refresh" for BOTH. */
    public String label(String ru, String en) {
        return switch (this) {
            case RU -> ru;
            case EN -> en;
            case BOTH -> ru + " / " + en;
        };
    }
}
