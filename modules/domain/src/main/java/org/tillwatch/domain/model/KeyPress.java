package org.tillwatch.domain.model;

import java.time.LocalDateTime;

public record KeyPress(LocalDateTime time, String key, String screen) {
}
