package org.tillwatch.simulator;

import java.time.ZoneId;

/** Where a store is: the registry's {@code region} and its IANA time zone; weights shape the fleet. */
enum Region {
    KALININGRAD("Kaliningrad", "Europe/Kaliningrad", 2),
    MOSCOW("Moscow", "Europe/Moscow", 30),
    SAINT_PETERSBURG("Saint-Petersburg", "Europe/Moscow", 12),
    KAZAN("Kazan", "Europe/Moscow", 5),
    VOLGOGRAD("Volgograd", "Europe/Volgograd", 3),
    SAMARA("Samara", "Europe/Samara", 5),
    YEKATERINBURG("Yekaterinburg", "Asia/Yekaterinburg", 6),
    CHELYABINSK("Chelyabinsk", "Asia/Yekaterinburg", 3),
    OMSK("Omsk", "Asia/Omsk", 3),
    NOVOSIBIRSK("Novosibirsk", "Asia/Novosibirsk", 5),
    KRASNOYARSK("Krasnoyarsk", "Asia/Krasnoyarsk", 3),
    IRKUTSK("Irkutsk", "Asia/Irkutsk", 2),
    VLADIVOSTOK("Vladivostok", "Asia/Vladivostok", 2);

    final String displayName;
    final ZoneId zone;
    final int weight;

    Region(String displayName, String zone, int weight) {
        this.displayName = displayName;
        this.zone = ZoneId.of(zone);
        this.weight = weight;
    }

    static Region pick(Rng rng) {
        int total = 0;
        for (Region r : values()) {
            total += r.weight;
        }
        int x = rng.nextInt(total);
        for (Region r : values()) {
            x -= r.weight;
            if (x < 0) {
                return r;
            }
        }
        throw new AssertionError();
    }
}
