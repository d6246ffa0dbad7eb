package org.tillwatch.bot.text;

/** The language one rendering of a message is written in. */
public enum Tr {
    RU, EN;

    public String t(String ru, String en) {
        return this == RU ? ru : en;
    }

    /** Picks the language's field of a {@code {"ru": ..., "en": ...}} text. */
    public String of(com.fasterxml.jackson.databind.JsonNode text) {
        if (text == null || text.isNull()) return "";
        if (text.isTextual()) return text.asText();
        return text.path(this == RU ? "ru" : "en").asText(text.path("en").asText(""));
    }
}
