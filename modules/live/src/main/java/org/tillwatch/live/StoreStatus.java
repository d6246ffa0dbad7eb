package org.tillwatch.live;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One store at the watermark: its windows (in the configured order), whether it is open at the watermark in its
 * local time (false before the first event), its silent registers sorted by register, and its latest event (null when
 * none of its registers wrote anything yet).
 */
public record StoreStatus(String store, boolean registered, boolean openNow, List<WindowFigures> windows,
                          List<SilentRegister> silentRegisters, Instant lastEvent) {
    public StoreStatus {
        Objects.requireNonNull(store, "store");
        windows = List.copyOf(windows);
        silentRegisters = List.copyOf(silentRegisters);
    }
}
