package org.tillwatch.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.orchestrator.data.IncidentSource;
import org.tillwatch.orchestrator.data.IndexLookup;
import org.tillwatch.orchestrator.metrics.TicketMetrics;
import org.tillwatch.orchestrator.store.TicketStore;
import org.tillwatch.orchestrator.template.TemplateSet;

/** How the collector builds its orchestrator: state in {@code <data>/orchestrator/}, templates from there or built in. */
public final class Orchestrators {
    public static final String STORE_FILE = "orchestrator/tickets.mv.db";
    public static final String TEMPLATES_FILE = "orchestrator/templates.yaml";

    private Orchestrators() {
    }

    /** The templates of {@code <data>/orchestrator/templates.yaml} when there is one, else the built-in ones. */
    public static TemplateSet templates(Path dataDir) throws IOException {
        Path file = dataDir.resolve(TEMPLATES_FILE);
        if (!Files.isRegularFile(file)) return TemplateSet.builtin();
        try {
            return TemplateSet.load(file);
        } catch (org.tillwatch.orchestrator.template.TemplateException e) {
            throw new IOException("ticket templates unusable: " + e.getMessage(), e);
        }
    }

    public static Orchestrator forCollector(Path dataDir, StoreRegistry registry, org.tillwatch.index.store.TransactionQueries queries,
                                            UnaryOperator<String> cardHasher, MeterRegistry meters,
                                            Supplier<Instant> watermark, IncidentSource incidents) throws IOException {
        TemplateSet templates = templates(dataDir);
        TicketStore store = TicketStore.open(dataDir.resolve(STORE_FILE));
        return new Orchestrator(store, templates, IndexLookup.over(queries), incidents, registry, cardHasher,
                Clock.systemUTC(), new TicketMetrics(meters), watermark);
    }
}
