package org.tillwatch.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvailabilityMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AvailabilityMetrics metrics = new AvailabilityMetrics(registry);

    private Exposition scrape() {
        return Exposition.parse(registry.scrape());
    }

    @Test
    void exportsStoreAndChainFiguresInSeparateFamilies() {
        metrics.update(List.of(
                new AvailabilityRow("37S0", "5m", 40, 2, 0.95, 1),
                new AvailabilityRow("37S0", "1h", 400, 2, 0.995, 1),
                new AvailabilityRow("AX1B", "5m", 25, 0, 1.0, 0),
                new AvailabilityRow(null, "5m", 65, 2, 63 / 65.0, 1)));

        Exposition e = scrape();
        assertThat(e.value("tillwatch_availability_ratio", "store", "37S0", "window", "5m")).isEqualTo(0.95);
        assertThat(e.value("tillwatch_availability_ratio", "store", "37S0", "window", "1h")).isEqualTo(0.995);
        assertThat(e.value("tillwatch_availability_ratio", "store", "AX1B", "window", "5m")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_window_loyalty_transactions", "store", "37S0", "window", "1h")).isEqualTo(400.0);
        assertThat(e.value("tillwatch_window_failed_transactions", "store", "37S0", "window", "5m")).isEqualTo(2.0);
        assertThat(e.value("tillwatch_silent_registers", "store", "37S0")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_silent_registers", "store", "AX1B")).isEqualTo(0.0);
        assertThat(e.value("tillwatch_chain_availability_ratio", "window", "5m")).isEqualTo(63 / 65.0);
        assertThat(e.value("tillwatch_chain_window_loyalty_transactions", "window", "5m")).isEqualTo(65.0);
        assertThat(e.value("tillwatch_chain_window_failed_transactions", "window", "5m")).isEqualTo(2.0);
        assertThat(e.value("tillwatch_chain_silent_registers")).isEqualTo(1.0);
        // The chain never appears among the store series, so sums over stores stay right.
        assertThat(e.named("tillwatch_availability_ratio")).allMatch(s -> s.labels().containsKey("store")).hasSize(3);
        assertThat(e.named("tillwatch_window_loyalty_transactions")).hasSize(3);
    }

    @Test
    void unknownAvailabilityExportsNoRatioSample() {
        metrics.update(List.of(
                new AvailabilityRow("37S0", "5m", 40, 1, 0.975, 0),
                new AvailabilityRow(null, "5m", 40, 1, 0.975, 0)));
        assertThat(scrape().value("tillwatch_availability_ratio", "store", "37S0", "window", "5m")).isEqualTo(0.975);

        metrics.update(List.of(
                new AvailabilityRow("37S0", "5m", 12, 1, null, 0),
                new AvailabilityRow(null, "5m", 12, 1, null, 0)));

        Exposition e = scrape();
        assertThat(e.value("tillwatch_availability_ratio", "store", "37S0", "window", "5m")).isNull();
        assertThat(e.named("tillwatch_chain_availability_ratio")).isEmpty();
        assertThat(registry.scrape()).doesNotContain("NaN");
        // The volume that made it unknown is still there.
        assertThat(e.value("tillwatch_window_loyalty_transactions", "store", "37S0", "window", "5m")).isEqualTo(12.0);
        assertThat(e.value("tillwatch_chain_window_failed_transactions", "window", "5m")).isEqualTo(1.0);

        metrics.update(List.of(new AvailabilityRow("37S0", "5m", 30, 0, 1.0, 0)));
        assertThat(scrape().value("tillwatch_availability_ratio", "store", "37S0", "window", "5m")).isEqualTo(1.0);
    }

    @Test
    void vanishedRowsDisappearAndSurvivorsAreUpdatedInPlace() {
        metrics.update(List.of(
                new AvailabilityRow("37S0", "5m", 40, 0, 1.0, 2),
                new AvailabilityRow("AX1B", "5m", 40, 4, 0.9, 0)));
        int meters = registry.getMeters().size();
        var survivor = registry.find("tillwatch.availability.ratio").tag("store", "37S0").gauge();

        metrics.update(List.of(new AvailabilityRow("37S0", "5m", 50, 1, 0.98, 0)));

        Exposition e = scrape();
        assertThat(e.value("tillwatch_availability_ratio", "store", "37S0", "window", "5m")).isEqualTo(0.98);
        assertThat(e.value("tillwatch_silent_registers", "store", "37S0")).isEqualTo(0.0);
        assertThat(e.samples()).noneMatch(s -> "AX1B".equals(s.labels().get("store")));
        assertThat(registry.getMeters()).hasSize(meters - 4);
        assertThat(registry.find("tillwatch.availability.ratio").tag("store", "37S0").gauge()).isSameAs(survivor);

        metrics.update(List.of());
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void silentRegistersDoNotDependOnTheWindow() {
        metrics.update(List.of(
                new AvailabilityRow("37S0", "5m", 40, 0, 1.0, 1),
                new AvailabilityRow("37S0", "1d", 4000, 0, 1.0, 2)));
        assertThat(scrape().named("tillwatch_silent_registers")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(2.0));
    }

    @Test
    void rejectsDuplicateAndImpossibleRows() {
        assertThatThrownBy(() -> metrics.update(List.of(
                new AvailabilityRow("37S0", "5m", 40, 0, 1.0, 0),
                new AvailabilityRow("37S0", "5m", 41, 0, 1.0, 0)))).hasMessageContaining("more than one row");
        assertThatThrownBy(() -> new AvailabilityRow("37s0", "5m", 1, 0, 1.0, 0)).hasMessageContaining("store code");
        assertThatThrownBy(() -> new AvailabilityRow("37S0", "five", 1, 0, 1.0, 0)).hasMessageContaining("window");
        assertThatThrownBy(() -> new AvailabilityRow("37S0", "5m", 1, 2, 1.0, 0)).hasMessageContaining("failed");
        assertThatThrownBy(() -> new AvailabilityRow("37S0", "5m", 1, 0, Double.NaN, 0)).hasMessageContaining("availability");
        assertThatThrownBy(() -> new AvailabilityRow("37S0", "5m", 1, 0, 1.5, 0)).hasMessageContaining("availability");
        assertThatThrownBy(() -> new AvailabilityRow("37S0", "5m", 1, 0, 1.0, -1)).hasMessageContaining("silent");
    }
}
