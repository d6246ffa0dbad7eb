package org.tillwatch.domain.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A payment. {@code pan} is always masked (first 6, last 4) by the parser; {@code rc} is the ISO 8583 response code. */
public record Payment(LocalDateTime time, String tender, BigDecimal amount, String pan, String rrn, String auth,
                      String rc, String tid, String bank) {
    public boolean approved() {
        return rc == null || "00".equals(rc);
    }
}
