package org.tillwatch.availability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AvailabilityCalculatorTest {
    @Test
    void belowMinimumVolumeIsUnknownNotPerfect() {
        AvailabilityCalculator c = new AvailabilityCalculator();
        for (int i = 0; i < 19; i++) c.add("N4NJ", false);
        AvailabilityReport r = c.report(20);
        assertThat(r.stores().get("N4NJ").value()).isNull();
        assertThat(r.stores().get("N4NJ").loyalty()).isEqualTo(19);
    }

    @Test
    void availabilityIsOneMinusFailedShare() {
        AvailabilityCalculator c = new AvailabilityCalculator();
        for (int i = 0; i < 40; i++) c.add("AX1B", i < 10);
        for (int i = 0; i < 60; i++) c.add("URMY", false);
        AvailabilityReport r = c.report(20);
        assertThat(r.stores().get("AX1B").value()).isCloseTo(0.75, within(1e-12));
        assertThat(r.stores().get("URMY").value()).isEqualTo(1.0);
        assertThat(r.chain().loyalty()).isEqualTo(100);
        assertThat(r.chain().value()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void storeWithoutTrafficIsUnknown() {
        AvailabilityCalculator c = new AvailabilityCalculator();
        c.include("KY9A");
        assertThat(c.report(1).stores().get("KY9A").known()).isFalse();
    }

    @Test
    void rejectsImpossibleFigures() {
        assertThatThrownBy(() -> new Availability(1, 2, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AvailabilityCalculator().report(0)).hasMessageContaining("minimum volume");
    }
}
