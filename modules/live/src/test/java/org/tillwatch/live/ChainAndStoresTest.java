package org.tillwatch.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tillwatch.live.Fx.H1;
import static org.tillwatch.live.Fx.T;

class ChainAndStoresTest {
    // At T (12:00Z) it is 15:00 in Moscow (open) and 22:00 in Vladivostok (just closed).
    private static final Store MOSCOW = Fx.store("AX1B", "Europe/Moscow", "08:00", "22:00");
    private static final Store VLADIVOSTOK = Fx.store("URMY", "Asia/Vladivostok", "08:00", "22:00");
    private static final Store QUIET = Fx.store("N4NJ", "Europe/Moscow", "08:00", "22:00");

    @Test
    void chainSumsStoresInDifferentZones() {
        LiveFigures live = Fx.live(MOSCOW, VLADIVOSTOK);
        for (int i = 0; i < 30; i++) live.receipt(Fx.loyalty("AX1B", T.minusSeconds(60L * i), i < 3));
        for (int i = 0; i < 25; i++) live.receipt(Fx.loyalty("URMY", T.minusSeconds(90L * i), i < 10));

        StoreStatus moscow = live.store("AX1B");
        StoreStatus vladivostok = live.store("URMY");
        assertThat(Fx.window(moscow, H1).availability().getAsDouble()).isCloseTo(1 - 3 / 30.0, within(1e-12));
        assertThat(Fx.window(vladivostok, H1).availability().getAsDouble()).isCloseTo(1 - 10 / 25.0, within(1e-12));
        assertThat(moscow.openNow()).isTrue();
        assertThat(vladivostok.openNow()).isFalse();

        ChainStatus chain = live.chain();
        WindowFigures hour = Fx.window(chain, H1);
        assertThat(hour.loyalty()).isEqualTo(30 + 25);
        assertThat(hour.failed()).isEqualTo(3 + 10);
        assertThat(hour.availability().getAsDouble()).isCloseTo(1 - 13 / 55.0, within(1e-12));
        assertThat(chain.watermark()).isEqualTo(T);
        assertThat(chain.stores()).isEqualTo(2);
        // the 5 min window holds 5 + 4 of them: chain known only from 20 on, so unknown here
        assertThat(Fx.window(chain, Fx.M5).loyalty()).isEqualTo(5 + 4);
        assertThat(Fx.window(chain, Fx.M5).availability()).isEmpty();
    }

    @Test
    void storesListsRegisteredStoresWithoutDataAndUnregisteredOnesSeenInLogs() {
        LiveFigures live = Fx.live(MOSCOW, QUIET);
        live.receipt(Fx.loyalty("AX1B", T, false));
        live.receipt(Fx.loyalty("ZZ99", T, true));

        assertThat(live.stores()).extracting(StoreStatus::store).containsExactly("AX1B", "N4NJ", "ZZ99");
        StoreStatus quiet = live.store("N4NJ");
        assertThat(quiet.registered()).isTrue();
        assertThat(quiet.lastEvent()).isNull();
        assertThat(quiet.windows()).hasSize(3).allSatisfy(f -> assertThat(f.loyalty()).isZero());

        StoreStatus unknown = live.store("ZZ99");
        assertThat(unknown.registered()).isFalse();
        assertThat(unknown.openNow()).isTrue();
        assertThat(Fx.window(unknown, H1).failed()).isEqualTo(1);
        assertThat(unknown.lastEvent()).isEqualTo(T);

        assertThat(live.store("QQQQ")).isNull();
        assertThat(live.chain().stores()).isEqualTo(3);
    }

    @Test
    void lastActivityKeepsTheLatestEventPerRegisterAndRestoresAfterRestart() {
        LiveFigures before = Fx.live(MOSCOW);
        before.activity(Fx.reg("AX1B", "POS01"), T);
        before.activity(Fx.reg("AX1B", "POS01"), T.minusSeconds(30));
        before.receipt(Fx.loyalty("URMY", T.minusSeconds(5), false));
        Map<org.tillwatch.domain.model.RegisterKey, Instant> checkpoint = before.lastActivity();
        assertThat(checkpoint).containsExactly(Map.entry(Fx.reg("AX1B", "POS01"), T), Map.entry(Fx.reg("URMY", "POS01"), T.minusSeconds(5)));

        LiveFigures after = Fx.live(MOSCOW);
        checkpoint.forEach(after::restoreActivity);
        assertThat(after.lastActivity()).isEqualTo(checkpoint);
        assertThat(after.watermark()).isEqualTo(T);
        assertThat(after.store("AX1B").lastEvent()).isEqualTo(T);
        after.activity(Fx.reg("URMY", "POS01"), T.plus(Duration.ofMinutes(20)));
        assertThat(after.store("AX1B").silentRegisters()).extracting(SilentRegister::register).containsExactly(Fx.reg("AX1B", "POS01"));
    }
}
