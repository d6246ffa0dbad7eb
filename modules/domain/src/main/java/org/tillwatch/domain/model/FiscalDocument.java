package org.tillwatch.domain.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

public record FiscalDocument(LocalDateTime time, String fd, String num, BigDecimal total) {
}
