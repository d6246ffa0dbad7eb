package org.tillwatch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.tillwatch.domain.model.Store;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Collection;

/**
 * The collector's meters: one Prometheus registry with JVM and process metrics, and the tillwatch binders on it.
 * Serve {@link #scrape()} with {@link #CONTENT_TYPE}.
 *
 * <p>Two of Micrometer's process meters fail Prometheus' naming lint ({@code promtool check metrics}), so they are
 * replaced: {@code process_cpu_time_ns_total} (an abbreviated, non-base unit) by the conventional
 * {@code process_cpu_seconds_total}, and {@code system_cpu_count} (a gauge posing as a histogram's
 * {@code _count}) is renamed {@code system_cpu_processors}.
 */
public final class Metrics implements AutoCloseable {
    /** Prometheus text exposition format 0.0.4, which {@link #scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final TransactionMetrics transactions;
    private final AvailabilityMetrics availability;
    private final IngestMetrics ingest;
    private final StoreInfoMetrics stores;

    public Metrics() {
        registry.config()
                .meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")))
                .meterFilter(new MeterFilter() {
                    @Override
                    public Meter.Id map(Meter.Id id) {
                        return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.processors") : id;
                    }
                });
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        processCpuSeconds();
        transactions = new TransactionMetrics(registry);
        availability = new AvailabilityMetrics(registry);
        ingest = new IngestMetrics(registry);
        stores = new StoreInfoMetrics(registry);
    }

    private void processCpuSeconds() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu", sun, b -> b.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds")
                    .description("CPU time used by the Java virtual machine process")
                    .register(registry);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public TransactionMetrics transactions() {
        return transactions;
    }

    public AvailabilityMetrics availability() {
        return availability;
    }

    public IngestMetrics ingest() {
        return ingest;
    }

    public StoreInfoMetrics stores() {
        return stores;
    }

    /** The store registry: {@code tillwatch_store_info} and each registered store's loyalty counters at zero. */
    public void registerStores(Collection<Store> registry) {
        stores.update(registry);
        for (Store s : registry) {
            if (s.registered()) transactions.registerStore(s.code());
        }
    }

    /** Every meter in the Prometheus text format 0.0.4 (not OpenMetrics, whatever the client accepts). */
    public String scrape() {
        return registry.scrape(CONTENT_TYPE);
    }

    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
