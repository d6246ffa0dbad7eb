package org.tillwatch.live;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tillwatch.live.Fx.D1;
import static org.tillwatch.live.Fx.H1;
import static org.tillwatch.live.Fx.M5;
import static org.tillwatch.live.Fx.T;

class WindowsTest {
    private static final Duration MS = Duration.ofMillis(1);

    @Test
    void receiptExactlyOneWindowOldIsOutOneMillisecondLaterIsIn() {
        for (Duration w : LiveConfig.defaults().windows()) {
            LiveFigures live = Fx.live();
            live.activity(Fx.reg("AX1B", "POS09"), T);
            live.receipt(Fx.loyalty("AX1B", T.minus(w), false));
            live.receipt(Fx.loyalty("AX1B", T.minus(w).plus(MS), true));
            live.receipt(Fx.loyalty("AX1B", T, false));

            WindowFigures f = Fx.window(live.store("AX1B"), w);
            assertThat(f.loyalty()).as("window %s", w).isEqualTo(2);
            assertThat(f.failed()).as("window %s", w).isEqualTo(1);
            assertThat(f.from()).isEqualTo(T.plus(MS).minus(w));
            assertThat(f.to()).isEqualTo(T.plus(MS));
        }
    }

    @Test
    void offEdgeWatermarkShortensTheWindowByLessThanABucket() {
        Instant wm = T.plusMillis(500);
        LiveFigures live = Fx.live();
        live.activity(Fx.reg("AX1B", "POS09"), wm);
        WindowFigures empty = Fx.window(live.store("AX1B"), M5);
        Instant exactFrom = wm.plus(MS).minus(M5);
        assertThat(Duration.between(exactFrom, empty.from())).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(1));

        live.receipt(Fx.loyalty("AX1B", empty.from().minus(MS), false));
        live.receipt(Fx.loyalty("AX1B", empty.from(), false));
        assertThat(Fx.window(live.store("AX1B"), M5).loyalty()).isEqualTo(1);
    }

    @Test
    void availabilityIsUnknownBelowMinimumVolume() {
        LiveFigures live = Fx.live();
        for (int i = 0; i < 19; i++) live.receipt(Fx.loyalty("AX1B", T.minusSeconds(i), i < 4));
        live.receipt(Fx.plain("AX1B", T));
        live.receipt(new ReceiptFact("AX1B", "POS03", T, false, true, false, java.util.List.of(), java.util.List.of()));
        WindowFigures below = Fx.window(live.store("AX1B"), M5);
        assertThat(below.loyalty()).isEqualTo(19);
        assertThat(below.failed()).isEqualTo(4);
        assertThat(below.availability()).isEmpty();

        live.receipt(Fx.loyalty("AX1B", T.minusSeconds(30), true));
        WindowFigures at = Fx.window(live.store("AX1B"), M5);
        assertThat(at.loyalty()).isEqualTo(20);
        assertThat(at.availability()).isPresent();
        assertThat(at.availability().getAsDouble()).isCloseTo(1 - 5 / 20.0, within(1e-12));
    }

    @Test
    void lateReceiptsCountOnlyInWindowsStillCoveringThem() {
        LiveFigures live = Fx.live();
        live.activity(Fx.reg("URMY", "POS01"), T);
        live.receipt(Fx.loyalty("AX1B", T.minus(Duration.ofHours(2)), false));
        live.receipt(Fx.loyalty("AX1B", T.minus(D1), false));
        live.receipt(Fx.loyalty("AX1B", T.minus(Duration.ofDays(3)), false));

        StoreStatus s = live.store("AX1B");
        assertThat(Fx.window(s, M5).loyalty()).isZero();
        assertThat(Fx.window(s, H1).loyalty()).isZero();
        assertThat(Fx.window(s, D1).loyalty()).isEqualTo(1);
        assertThat(live.watermark()).isEqualTo(T);
    }

    @Test
    void receiptAheadOfTheWatermarkMovesItAndCounts() {
        LiveFigures live = Fx.live();
        live.activity(Fx.reg("URMY", "POS01"), T);
        Instant ahead = T.plus(Duration.ofMinutes(10));
        live.receipt(Fx.loyalty("AX1B", ahead, false));
        assertThat(live.watermark()).isEqualTo(ahead);
        assertThat(live.store("AX1B").windows()).allSatisfy(f -> assertThat(f.loyalty()).isEqualTo(1));
    }

    @Test
    void ringSlotsAreReusedAfterTheWatermarkMovesPastAWindow() {
        LiveFigures live = Fx.live();
        for (int i = 0; i < 10; i++) live.receipt(Fx.loyalty("AX1B", T, true));
        live.activity(Fx.reg("URMY", "POS01"), T.plus(M5));
        assertThat(Fx.window(live.store("AX1B"), M5).loyalty()).isZero();

        // one window later: the same slot of the 5 min ring
        live.receipt(Fx.loyalty("AX1B", T.plus(M5), false));
        StoreStatus s = live.store("AX1B");
        assertThat(Fx.window(s, M5).loyalty()).isEqualTo(1);
        assertThat(Fx.window(s, M5).failed()).isZero();
        assertThat(Fx.window(s, H1).loyalty()).isEqualTo(11);

        Instant later = T.plus(Duration.ofDays(3)).plusSeconds(7);
        live.receipt(Fx.loyalty("AX1B", later, false));
        assertThat(live.store("AX1B").windows()).allSatisfy(f -> {
            assertThat(f.loyalty()).isEqualTo(1);
            assertThat(f.failed()).isZero();
            assertThat(f.topErrors()).isEmpty();
        });
    }

    @Test
    void nothingIsKnownBeforeTheFirstEvent() {
        LiveFigures live = Fx.live(Fx.store("AX1B", "Europe/Moscow", null, null));
        assertThat(live.watermark()).isNull();
        ChainStatus c = live.chain();
        assertThat(c.watermark()).isNull();
        assertThat(c.windows()).hasSize(3).allSatisfy(f -> {
            assertThat(f.from()).isNull();
            assertThat(f.loyalty()).isZero();
            assertThat(f.availability()).isEmpty();
        });
        assertThat(live.store("AX1B").openNow()).isFalse();
    }
}
