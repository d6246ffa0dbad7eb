package org.tillwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SimulationConfigTest {

    @Test
    void defaultsAreAboutTheSharedSample() {
        SimulationConfig c = SimulationConfig.defaults();
        assertThat(c.stores()).isEqualTo(6);
        assertThat(c.registersPerStore()).isEqualTo(3);
        assertThat(c.day()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(c.scenarios()).containsExactlyInAnyOrder(Scenario.values());
        assertThat(c.cardSampleLimit()).isEqualTo(300);
        assertThat(c.transactionSampleLimit()).isEqualTo(400);
        assertThat(c.unregisteredStores()).isZero();
    }

    @Test
    void builderRoundTrips() {
        SimulationConfig c = SimulationConfig.builder().stores(9).seed(7).gzipShare(0.5).noScenarios().build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.scenarios()).isEmpty();
    }

    @Test
    void scenariosAreCopiedAndReadOnly() {
        EnumSet<Scenario> mutable = EnumSet.of(Scenario.OLD_BUILD);
        SimulationConfig c = SimulationConfig.builder().scenarios(mutable).build();
        mutable.add(Scenario.STORE_OUTAGE);
        assertThat(c.scenarios()).containsExactly(Scenario.OLD_BUILD);
        assertThatThrownBy(() -> c.scenarios().add(Scenario.SMALL_STORE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNoStores() {
        assertThatThrownBy(() -> SimulationConfig.builder().stores(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stores must be between 1 and 100000, was 0");
    }

    @Test
    void rejectsRegistersOutsidePos01ToPos24() {
        assertThatThrownBy(() -> SimulationConfig.builder().registersPerStore(25).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("registersPerStore must be between 1 and 24 (POS01..POS24), was 25");
        assertThatThrownBy(() -> SimulationConfig.builder().registersPerStore(0).build())
                .hasMessageContaining("was 0");
    }

    @Test
    void rejectsBadReceiptCounts() {
        assertThatThrownBy(() -> SimulationConfig.builder().receiptsPerRegister(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("receiptsPerRegister must be between 1 and 1000 (receipts per register per day), was 0");
        assertThatThrownBy(() -> SimulationConfig.builder().receiptsPerRegister(5000).build())
                .hasMessageContaining("was 5000");
    }

    @Test
    void rejectsOtherBadKnobs() {
        assertThatThrownBy(() -> SimulationConfig.builder().gzipShare(1.5).build())
                .hasMessage("gzipShare must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> SimulationConfig.builder().gzipShare(Double.NaN).build())
                .hasMessage("gzipShare must be between 0 and 1, was NaN");
        assertThatThrownBy(() -> SimulationConfig.builder().cardSampleLimit(-1).build())
                .hasMessage("cardSampleLimit must be >= 0, was -1");
        assertThatThrownBy(() -> SimulationConfig.builder().transactionSampleLimit(-2).build())
                .hasMessage("transactionSampleLimit must be >= 0, was -2");
        assertThatThrownBy(() -> SimulationConfig.builder().stores(3).unregisteredStores(4).build())
                .hasMessage("unregisteredStores must be between 0 and stores (3), was 4");
        assertThatThrownBy(() -> SimulationConfig.builder().threads(-1).build())
                .hasMessage("threads must be >= 0 (0 = one per processor), was -1");
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> SimulationConfig.builder().day(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("day must not be null");
        assertThatThrownBy(() -> SimulationConfig.builder().scenarios(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("scenarios must not be null (use an empty set for none)");
    }
}
