package org.tillwatch.live;

import java.time.Instant;
import java.util.List;

/**
 * The whole chain at the watermark (null before the first event): windows over all stores, the number of stores
 * tracked (registered or seen in logs) and the number of silent registers across them.
 */
public record ChainStatus(Instant watermark, List<WindowFigures> windows, int stores, int silentRegisters) {
    public ChainStatus {
        windows = List.copyOf(windows);
    }
}
