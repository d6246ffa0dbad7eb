package org.tillwatch.domain.model;

import java.math.BigDecimal;

/** Points of a loyalty response; a missing attribute is null. */
public record Bonus(BigDecimal accrued, BigDecimal redeemed, BigDecimal balance) {
}
