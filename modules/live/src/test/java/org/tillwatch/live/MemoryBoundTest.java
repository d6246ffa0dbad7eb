package org.tillwatch.live;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tillwatch.live.Fx.T;

/** Memory grows with stores, never with receipts. */
class MemoryBoundTest {
    private static final int STORES = 2_000;

    private static String code(int i) {
        return String.format("S%03X", i);
    }

    private static void day(LiveFigures live, Instant start, int receiptsPerStore) {
        long step = Duration.ofDays(1).toMillis() / receiptsPerStore;
        for (int r = 0; r < receiptsPerStore; r++) {
            for (int s = 0; s < STORES; s++) {
                Instant at = start.plusMillis(r * step + s);
                live.receipt(r % 3 == 0 ? Fx.errors(code(s), at, "TIMEOUT!") : Fx.loyalty(code(s), at, false));
            }
        }
    }

    @Test
    void bucketsAreFixedPerStoreWhateverTheTraffic() {
        LiveFigures live = Fx.live();
        int slotsPerStore = LiveConfig.defaults().windows().stream().mapToInt(w -> WindowSpec.of(w).buckets()).sum();

        day(live, T, 6);
        long slots = live.bucketSlots();
        assertThat(slots).isEqualTo((STORES + 1L) * slotsPerStore);

        day(live, T.plus(Fx.D1), 24);
        assertThat(live.bucketSlots()).isEqualTo(slots);
        assertThat(live.stores()).hasSize(STORES);
        assertThat(Fx.window(live.chain(), Fx.D1).loyalty()).isEqualTo(STORES * 24L);
    }

    @Test
    void errorEntriesAreOnePerBucketAndOutcomeNotPerReceipt() {
        LiveFigures live = Fx.live();
        for (int i = 0; i < 1_000; i++) live.receipt(Fx.errors("AX1B", T, "TIMEOUT!", "CardBlocked"));
        int windows = LiveConfig.defaults().windows().size();
        // two outcomes in one bucket of each window, for the store and the chain
        assertThat(live.errorEntries()).isEqualTo(2L * windows * 2);
        assertThat(Fx.window(live.store("AX1B"), Fx.M5).topErrors()).extracting(ErrorCount::count).containsExactly(1_000L, 1_000L);

        live.receipt(Fx.loyalty("AX1B", T.plus(Fx.D1), false));
        assertThat(live.errorEntries()).as("entries are released once the window moved past them").isZero();
    }
}
