package org.tillwatch.simulator;

import java.time.LocalTime;

/** The chain's store formats, with their usual opening hours and how many points they give. */
enum StoreFormat {
    PYATEROCHKA("Pyaterochka", LocalTime.of(7, 0), LocalTime.of(23, 0), 5),
    PEREKRESTOK("Perekrestok", LocalTime.of(8, 0), LocalTime.of(22, 0), 5),
    CHIZHIK("Chizhik", LocalTime.of(8, 0), LocalTime.of(22, 0), 3);

    final String displayName;
    final LocalTime opens;
    final LocalTime closes;
    /** Points accrued per 100 of a non-promo line's amount. */
    final int accrualPercent;

    StoreFormat(String displayName, LocalTime opens, LocalTime closes, int accrualPercent) {
        this.displayName = displayName;
        this.opens = opens;
        this.closes = closes;
        this.accrualPercent = accrualPercent;
    }
}
