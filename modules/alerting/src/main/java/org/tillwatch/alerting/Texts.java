package org.tillwatch.alerting;

import java.time.Duration;
import java.util.List;

/** The one-line titles of incidents, Russian first then English, used in summaries, subjects and other channels. */
public final class Texts {
    private Texts() {
    }

    public record Title(String ru, String en) {
        public String both() {
            return ru + " / " + en;
        }
    }

    /** What and where at a glance: {@code Лояльность: магазин 37S0 — доступность 41%}. */
    public static Title title(Incident i) {
        String where = i.scope().equals(Incident.CHAIN) ? null : i.scope();
        String stores = String.join(", ", i.stores());
        String pct = percent(availability(i));
        return switch (i.kind()) {
            case "store_availability" -> new Title("Лояльность: магазин " + where + " — доступность " + pct,
                    "Loyalty: store " + where + " — availability " + pct);
            case "store_drop" -> new Title("Лояльность: магазин " + where + " — резкое падение доступности до " + pct,
                    "Loyalty: store " + where + " — sharp drop of availability to " + pct);
            case "chain_availability" -> new Title("Лояльность: сбой по сети, магазинов: " + i.stores().size() + " (" + stores + ") — доступность " + pct,
                    "Loyalty: chain-wide failure, " + i.stores().size() + " stores (" + stores + ") — availability " + pct);
            case "device_missing" -> new Title("Лояльность: магазин " + where + " — кассы не найдены в процессинге (DeviceNotFound)",
                    "Loyalty: store " + where + " — registers missing in processing (DeviceNotFound)");
            case "register_silence" -> new Title("Кассы: магазин " + where + " — касса молчит в часы работы",
                    "Registers: store " + where + " — a register is silent during opening hours");
            case "unknown_error" -> new Title("Лояльность: новые неизвестные коды ошибок (" + stores + ")",
                    "Loyalty: unknown error codes appearing (" + stores + ")");
            case "ingest_stall" -> new Title("tillwatch: данные от касс не поступают", "tillwatch: no data from any register");
            case "notifier_failing" -> new Title("tillwatch: канал оповещений не работает", "tillwatch: a notification channel keeps failing");
            case "data_dir_full" -> new Title("tillwatch: диск каталога данных заполнен, приём данных приостановлен",
                    "tillwatch: the data directory's disk is full, ingestion paused");
            case "engine_stalled" -> new Title("tillwatch: правила оповещений не вычисляются", "tillwatch: alert rules are not being evaluated");
            default -> new Title(i.kind() + " " + i.scope(), i.kind() + " " + i.scope());
        };
    }

    /** Availability over the incident (from its impact), NaN when it counted no transaction. */
    public static double availability(Incident i) {
        return i.impact().loyalty() == 0 ? Double.NaN : 1.0 - (double) i.impact().failed() / i.impact().loyalty();
    }

    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) return "—";
        double p = fraction * 100;
        return (p >= 99 && p < 100 ? String.format(java.util.Locale.ROOT, "%.1f", Math.floor(p * 10) / 10) : Long.toString(Math.round(Math.floor(p)))) + "%";
    }

    /** {@code 1 ч 5 мин} / {@code 1 h 5 min}. */
    public static Title duration(Duration d) {
        long m = Math.max(0, d.toMinutes());
        String ru = (m >= 60 ? m / 60 + " ч " : "") + m % 60 + " мин";
        String en = (m >= 60 ? m / 60 + " h " : "") + m % 60 + " min";
        return new Title(ru, en);
    }

    public static String list(List<String> items) {
        return String.join(", ", items);
    }
}
