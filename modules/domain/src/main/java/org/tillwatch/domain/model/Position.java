package org.tillwatch.domain.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/** A basket line. {@code promo}: sold at a promo price, which earns no points. */
public record Position(LocalDateTime time, int pos, String sku, String barcode, String name, BigDecimal qty,
                       String unit, BigDecimal price, BigDecimal amount, boolean promo, String dept) {
    public Position {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(amount, "amount");
    }
}
