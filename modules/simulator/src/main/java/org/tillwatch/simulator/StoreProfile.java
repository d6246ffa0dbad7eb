package org.tillwatch.simulator;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One simulated store. {@code registered=false} means its row is left out of stores.csv (its logs are
 * still written, in {@link #zone()}).
 */
record StoreProfile(
        int index,
        String code,
        String name,
        StoreFormat format,
        Region region,
        LocalTime opens,
        LocalTime closes,
        int registers,
        double traffic,
        boolean registered) {

    ZoneId zone() {
        return region.zone;
    }

    /** The stores.csv row (without line end). */
    String csvRow() {
        return String.join(",", code, name, format.name(), region.displayName, region.zone.getId(),
                opens.toString(), closes.toString());
    }

    static String registerName(int number) {
        return number < 10 ? "POS0" + number : "POS" + number;
    }
}
