package org.tillwatch.availability;

import java.util.Map;

public record AvailabilityReport(Availability chain, Map<String, Availability> stores, int minVolume) {
    public AvailabilityReport {
        stores = Map.copyOf(stores);
    }
}
