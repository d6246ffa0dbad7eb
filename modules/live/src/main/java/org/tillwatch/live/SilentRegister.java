package org.tillwatch.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.tillwatch.domain.model.RegisterKey;

/** A register that wrote nothing for at least the configured silence while its store is open. */
public record SilentRegister(RegisterKey register, Instant lastEvent, Duration silentFor) {
    public SilentRegister {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(lastEvent, "lastEvent");
        Objects.requireNonNull(silentFor, "silentFor");
    }
}
