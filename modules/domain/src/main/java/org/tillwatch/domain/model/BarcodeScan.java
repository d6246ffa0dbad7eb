package org.tillwatch.domain.model;

import java.time.LocalDateTime;

public record BarcodeScan(LocalDateTime time, String barcode) {
}
