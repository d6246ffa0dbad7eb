package org.tillwatch.simulator;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The {@code scenarios} object of expected.json: what happened that day, in words and windows. */
final class ScenarioDescriptions {
    private final SortedMap<String, SortedMap<String, String>> map = new TreeMap<>();

    private void put(String name, String... keyValues) {
        SortedMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        map.put(name, m);
    }

    void chainIncident(Instant start) {
        LocalTime t = start.atOffset(ZoneOffset.UTC).toLocalTime();
        put("chain_incident", "utc", t + "-" + t.plusMinutes(15),
                "what", "60% of loyalty requests in all stores get HTTP 502 from the gateway");
    }

    void storeOutage(String store, LocalWindow w) {
        put("store_outage", "store", store, "local", w.label(), "what", "every loyalty request times out");
    }

    void deviceMissing(String store) {
        put("device_missing", "store", store, "what", "registers missing in processing: DeviceNotFound all day");
    }

    void degraded(String store, LocalWindow w) {
        put("degraded", "store", store, "local", w.label(), "what", "5% of loyalty requests time out");
    }

    void small(String store) {
        put("small", "store", store, "what", "one register, little traffic");
    }

    void oldBuild(String store, String register) {
        put("old_build", "store", store, "register", register, "what", "logs full payment card numbers");
    }

    void unregistered(List<StoreProfile> stores) {
        String codes = stores.stream().filter(s -> !s.registered()).map(StoreProfile::code)
                .collect(Collectors.joining(","));
        if (!codes.isEmpty()) {
            put("unregistered", "stores", codes, "timezone", "Europe/Moscow",
                    "what", "missing from stores.csv; local times are Europe/Moscow, the figures assume the collector's"
                            + " default zone is Europe/Moscow");
        }
    }

    void general(SimulationConfig cfg) {
        if (cfg.has(Scenario.EDGE_CASES)) {
            put("edge_cases", "what", "at least one receipt of each special kind: offline-queued confirm resent later,"
                    + " no response, connection error, system error, timeout, each card refusal, not enough points,"
                    + " bag after subtotal, cancels, balance, payment decline, return, void, incompletes");
        }
        if (cfg.has(Scenario.MALFORMED_LINES)) {
            put("malformed", "what", "bad time, unknown level FATAL, invalid byte 0x98, line over 64 KiB,"
                    + " cut-off last line, response XML not well-formed");
        }
    }

    SortedMap<String, SortedMap<String, String>> asMap() {
        return map;
    }
}
