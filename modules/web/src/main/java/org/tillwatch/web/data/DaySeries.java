package org.tillwatch.web.data;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** Loyalty receipts and failed ones per local hour of a day, and outcomes other than Ok by name. */
public record DaySeries(LocalDate day, ZoneId zone, long[] loyalty, long[] failed, Map<String, Long> errors) {
    public DaySeries {
        loyalty = loyalty.clone();
        failed = failed.clone();
        errors = Map.copyOf(errors);
    }

    /** Availability of an hour, or {@code null} below {@code minVolume} loyalty receipts. */
    public Double availability(int hour, int minVolume) {
        if (loyalty[hour] == 0 || loyalty[hour] < minVolume) return null;
        return 1.0 - (double) failed[hour] / loyalty[hour];
    }
}
