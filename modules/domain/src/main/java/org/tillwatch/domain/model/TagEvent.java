package org.tillwatch.domain.model;

import java.time.LocalDateTime;

public record TagEvent(LocalDateTime time, String tag) {
}
