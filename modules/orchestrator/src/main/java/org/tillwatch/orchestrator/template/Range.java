package org.tillwatch.orchestrator.template;

import java.math.BigDecimal;

/** Inclusive bounds; a null bound is open. */
public record Range(BigDecimal min, BigDecimal max) {
    public Range {
        if (min == null && max == null) throw new TemplateException("a range needs min, max or both");
        if (min != null && max != null && min.compareTo(max) > 0) throw new TemplateException("range min " + min + " is above max " + max);
    }

    public boolean contains(BigDecimal v) {
        return (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
    }
}
