package org.tillwatch.domain.model;

import java.time.LocalDateTime;

/** A loyalty card presented at the register. {@code card} is personal data: keep it in memory only. */
public record CardScan(LocalDateTime time, String card, String entry, Integer qrAgeSeconds) {
    /** What an operator may see: the last four digits. */
    public String last4() {
        return card.length() <= 4 ? card : card.substring(card.length() - 4);
    }
}
