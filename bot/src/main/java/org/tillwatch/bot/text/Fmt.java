package org.tillwatch.bot.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Numbers and times the way a phone screen wants them. */
public final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** A window's availability: "98.7%" or "—" when below the minimum volume. */
    public static String availability(JsonNode window, Tr tr) {
        if (window == null || window.isMissingNode() || !window.path("known").asBoolean(false) || !window.has("availability")) {
            return "— (" + tr.t("мало данных", "too few") + ")";
        }
        return percent(window.get("availability").asDouble());
    }

    public static String percent(double ratio) {
        double p = ratio * 100;
        return (p >= 99.95 || p == 0 ? String.format(java.util.Locale.ROOT, "%.0f", p) : String.format(java.util.Locale.ROOT, "%.1f", p)) + "%";
    }

    /** 🟢 / 🟡 / 🔴 / ⚪ by availability. */
    public static String dot(JsonNode window) {
        if (window == null || !window.path("known").asBoolean(false) || !window.has("availability")) return "⚪";
        double a = window.get("availability").asDouble();
        return a >= 0.99 ? "🟢" : a >= 0.9 ? "🟡" : "🔴";
    }

    public static String time(String iso) {
        if (iso == null || iso.isBlank()) return "—";
        try {
            return TIME.format(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    public static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    /** The windows of a {@code windows} object, shortest first. */
    public static List<Map.Entry<String, JsonNode>> windows(JsonNode windows) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        windows.properties().forEach(out::add);
        out.sort(Comparator.comparing(e -> seconds(e.getKey())));
        return out;
    }

    /** "5m" -> 300; unknown labels sort last. */
    static long seconds(String label) {
        try {
            long n = Long.parseLong(label.substring(0, label.length() - 1));
            return switch (label.charAt(label.length() - 1)) {
                case 's' -> n;
                case 'm' -> n * 60;
                case 'h' -> n * 3600;
                case 'd' -> n * 86400;
                default -> Long.MAX_VALUE;
            };
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** "за 5 мин" / "5m". */
    public static String window(String label, Tr tr) {
        if (tr == Tr.EN) return label;
        return label.replace("m", " мин").replace("h", " ч").replace("d", " сут").replace("s", " с");
    }
}
