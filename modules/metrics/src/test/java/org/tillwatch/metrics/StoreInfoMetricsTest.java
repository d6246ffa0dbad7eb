package org.tillwatch.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.StoreRegistry;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoreInfoMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final StoreInfoMetrics info = new StoreInfoMetrics(registry);

    @Test
    void oneSeriesPerRegisteredStoreWithRegionAndFormat() {
        StoreRegistry stores = StoreRegistry.parse("""
                code,name,format,region,timezone,opens,closes
                URMY,Pyaterochka №100,PYATEROCHKA,Moscow,Europe/Moscow,07:00,23:00
                17W0,Pyaterochka №103,PYATEROCHKA,Samara,Europe/Samara,07:00,23:00
                """, ZoneId.of("Europe/Moscow"));
        info.update(List.copyOf(stores.stores().values()));
        info.update(List.of(stores.store("URMY"), stores.store("17W0"), Store.unregistered("ZZZ9", ZoneId.of("UTC"))));

        Exposition e = Exposition.parse(registry.scrape());
        assertThat(e.named("tillwatch_store_info")).hasSize(2);
        assertThat(e.value("tillwatch_store_info", "store", "URMY", "region", "Moscow", "format", "PYATEROCHKA")).isEqualTo(1.0);
        assertThat(e.value("tillwatch_store_info", "store", "17W0", "region", "Samara", "format", "PYATEROCHKA")).isEqualTo(1.0);
    }

    @Test
    void aStoreWithoutRegionIsUnknownAndARemovedStoreDisappears() {
        StoreRegistry stores = StoreRegistry.parse("""
                code,name,format,region,timezone,opens,closes
                URMY,Pyaterochka №100,PYATEROCHKA,,Europe/Moscow,07:00,23:00
                AX1B,Perekrestok №101,PEREKRESTOK,Moscow,Europe/Moscow,08:00,22:00
                """, ZoneId.of("Europe/Moscow"));
        info.update(List.copyOf(stores.stores().values()));
        info.update(List.of(stores.store("URMY")));

        Exposition e = Exposition.parse(registry.scrape());
        assertThat(e.named("tillwatch_store_info")).hasSize(1);
        assertThat(e.value("tillwatch_store_info", "store", "URMY", "region", "unknown", "format", "PYATEROCHKA")).isEqualTo(1.0);
    }
}
