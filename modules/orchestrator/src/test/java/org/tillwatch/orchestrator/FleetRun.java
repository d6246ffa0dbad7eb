package org.tillwatch.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.CardHasher;
import org.tillwatch.orchestrator.data.IncidentSource;
import org.tillwatch.orchestrator.data.MemoryFleet;
import org.tillwatch.orchestrator.metrics.TicketMetrics;
import org.tillwatch.orchestrator.store.TicketStore;
import org.tillwatch.orchestrator.template.TemplateSet;

/** The sample fleet read once into memory, with its log events kept in order so tests can feed an orchestrator. */
final class FleetRun {
    sealed interface Event permits Tx, Req {
    }

    record Tx(Transaction t) implements Event {
    }

    record Req(RegisterKey register, LoyaltyRequest request) implements Event {
    }

    final StoreRegistry registry;
    final CardHasher hasher;
    final MemoryFleet fleet;
    final List<Event> events = new ArrayList<>();
    final AtomicReference<Instant> watermark = new AtomicReference<>();

    private FleetRun(StoreRegistry registry, CardHasher hasher, MemoryFleet fleet, List<Event> events) {
        this.registry = registry;
        this.hasher = hasher;
        this.fleet = fleet;
        this.events.addAll(events);
    }

    private static FleetRun cached;

    static synchronized FleetRun sample() throws IOException {
        if (cached != null) return cached;
        Path root = FleetTickets.root();
        StoreRegistry registry = StoreRegistry.parse(Files.readString(root.resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        CardHasher hasher = new CardHasher(key);
        List<Event> events = new ArrayList<>();
        MemoryFleet fleet = MemoryFleet.read(root.resolve("logs"), registry, hasher::hash, new MemoryFleet.Listener() {
            @Override
            public void transaction(Transaction t) {
                events.add(new Tx(t));
            }

            @Override
            public void registerRequest(RegisterKey register, LoyaltyRequest request) {
                events.add(new Req(register, request));
            }
        });
        cached = new FleetRun(registry, hasher, fleet, events);
        return cached;
    }

    Orchestrator orchestrator(TicketStore store, IncidentSource incidents, Clock clock) {
        return new Orchestrator(store, TemplateSet.builtin(), fleet, incidents, registry, hasher::hash, clock,
                new TicketMetrics(new SimpleMeterRegistry()), watermark::get);
    }

    /** Feeds every log event (or only transactions) to the orchestrator, moving the watermark. */
    void feed(Orchestrator o, boolean registerRequests) {
        watermark.set(null);
        for (Event e : events) {
            if (e instanceof Tx tx) {
                o.transaction(tx.t());
                watermark.accumulateAndGet(tx.t().closedAt(), (a, b) -> a == null || b.isAfter(a) ? b : a);
            } else if (registerRequests && e instanceof Req r) {
                o.registerRequest(r.register(), r.request());
            }
        }
    }
}
