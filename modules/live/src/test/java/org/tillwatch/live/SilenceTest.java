package org.tillwatch.live;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Store;

import static org.assertj.core.api.Assertions.assertThat;

class SilenceTest {
    private static final Store DAY = Fx.store("AX1B", "Europe/Moscow", "08:00", "22:00");
    private static final Store NIGHT = Fx.store("URMY", "Asia/Vladivostok", "20:00", "06:00");

    private static Instant moscow(String local) {
        return LocalDateTime.parse("2025-03-10T" + local).atZone(ZoneId.of("Europe/Moscow")).toInstant();
    }

    private static Instant vladivostok(String local) {
        return LocalDateTime.parse("2025-03-10T" + local).atZone(ZoneId.of("Asia/Vladivostok")).toInstant();
    }

    @Test
    void registerIsSilentFromTheConfiguredQuietOnwardWhileOpen() {
        LiveFigures live = Fx.live(DAY);
        live.activity(Fx.reg("AX1B", "POS03"), moscow("10:15:00.001"));
        live.activity(Fx.reg("AX1B", "POS02"), moscow("10:15:00"));
        live.activity(Fx.reg("AX1B", "POS01"), moscow("10:00:00"));
        live.activity(Fx.reg("ZZ99", "POS01"), moscow("10:30:00"));

        StoreStatus s = live.store("AX1B");
        assertThat(s.openNow()).isTrue();
        assertThat(s.silentRegisters()).containsExactly(
                new SilentRegister(Fx.reg("AX1B", "POS01"), moscow("10:00:00"), Duration.ofMinutes(30)),
                new SilentRegister(Fx.reg("AX1B", "POS02"), moscow("10:15:00"), Duration.ofMinutes(15)));
        assertThat(live.chain().silentRegisters()).isEqualTo(2);
    }

    @Test
    void noSilenceOutsideOpeningHours() {
        LiveFigures live = Fx.live(DAY);
        live.activity(Fx.reg("AX1B", "POS01"), moscow("18:00:00"));
        live.activity(Fx.reg("ZZ99", "POS01"), moscow("21:59:59.999"));
        assertThat(live.store("AX1B").silentRegisters()).hasSize(1);

        live.activity(Fx.reg("ZZ99", "POS01"), moscow("22:00:00"));
        StoreStatus closed = live.store("AX1B");
        assertThat(closed.openNow()).isFalse();
        assertThat(closed.silentRegisters()).isEmpty();
        assertThat(live.chain().silentRegisters()).isZero();
    }

    @Test
    void overnightStoreIsWatchedAcrossMidnightOnly() {
        LiveFigures live = Fx.live(NIGHT);
        live.activity(Fx.reg("URMY", "POS01"), vladivostok("01:00:00"));
        live.activity(Fx.reg("ZZ99", "POS01"), vladivostok("02:00:00"));
        assertThat(live.store("URMY").openNow()).isTrue();
        assertThat(live.store("URMY").silentRegisters()).extracting(SilentRegister::silentFor).containsExactly(Duration.ofHours(1));

        live.activity(Fx.reg("ZZ99", "POS01"), vladivostok("05:59:59.999"));
        assertThat(live.store("URMY").silentRegisters()).hasSize(1);
        live.activity(Fx.reg("ZZ99", "POS01"), vladivostok("06:00:00"));
        assertThat(live.store("URMY").openNow()).isFalse();
        assertThat(live.store("URMY").silentRegisters()).isEmpty();
        live.activity(Fx.reg("ZZ99", "POS01"), vladivostok("12:00:00"));
        assertThat(live.store("URMY").silentRegisters()).isEmpty();
        live.activity(Fx.reg("ZZ99", "POS01"), vladivostok("20:00:00"));
        assertThat(live.store("URMY").openNow()).isTrue();
        assertThat(live.store("URMY").silentRegisters()).extracting(SilentRegister::silentFor).containsExactly(Duration.ofHours(19));
    }

    @Test
    void storeWithoutHoursIsAlwaysWatched() {
        LiveFigures live = Fx.live();
        live.activity(Fx.reg("ZZ98", "POS01"), moscow("03:00:00"));
        live.activity(Fx.reg("ZZ99", "POS01"), moscow("03:20:00"));
        StoreStatus s = live.store("ZZ98");
        assertThat(s.registered()).isFalse();
        assertThat(s.openNow()).isTrue();
        assertThat(s.silentRegisters()).hasSize(1);
    }
}
