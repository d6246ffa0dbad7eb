package org.tillwatch.live;

import java.time.Instant;
import java.time.LocalTime;

import org.tillwatch.domain.model.Store;

/** Whether a store is open at an instant, in its own zone. */
final class OpeningHours {
    private OpeningHours() {
    }

    /**
     * Open in {@code [opens, closes)} local time; {@code closes} before {@code opens} means open overnight. No hours
     * (either missing, or both equal) means always open.
     */
    static boolean isOpen(Store store, Instant at) {
        LocalTime opens = store.opens();
        LocalTime closes = store.closes();
        if (opens == null || closes == null || opens.equals(closes)) return true;
        LocalTime local = at.atZone(store.zone()).toLocalTime();
        boolean afterOpening = !local.isBefore(opens);
        boolean beforeClosing = local.isBefore(closes);
        return opens.isBefore(closes) ? afterOpening && beforeClosing : afterOpening || beforeClosing;
    }
}
