package org.tillwatch.domain.model;

import java.math.BigDecimal;

/** A per-line accrual that differs from the default, e.g. {@code Reason="PROMO"} with 0 points. */
public record LineAccrual(int posId, BigDecimal accrued, String reason) {
}
