package org.tillwatch.orchestrator.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.ingest.FleetLogTree;
import org.tillwatch.ingest.RegisterLogs;

/**
 * A fleet's log tree read into memory, for trying templates on past data without a collector: its transactions
 * (cards in clear, in memory only) and, in log order per register, the events the orchestrator follows.
 */
public final class MemoryFleet implements TransactionLookup {
    /** What reading the logs reports, register by register in log order. */
    public interface Listener {
        void transaction(Transaction t);

        void registerRequest(RegisterKey register, LoyaltyRequest request);
    }

    private final List<Transaction> all = new ArrayList<>();
    private final Map<String, Transaction> byId = new HashMap<>();
    private final Map<String, List<Transaction>> byCard = new HashMap<>();
    private final java.util.function.UnaryOperator<String> cardHasher;

    private MemoryFleet(java.util.function.UnaryOperator<String> cardHasher) {
        this.cardHasher = cardHasher;
    }

    public static MemoryFleet read(Path root, StoreRegistry registry, java.util.function.UnaryOperator<String> cardHasher,
                                   Listener listener) throws IOException {
        MemoryFleet fleet = new MemoryFleet(cardHasher);
        List<RegisterLogs> registers = new ArrayList<>(FleetLogTree.scan(root).registers());
        registers.sort(Comparator.comparing(r -> r.key().toString()));
        byte[] buf = new byte[1 << 16];
        for (RegisterLogs logs : registers) {
            RegisterPipeline p = new RegisterPipeline(logs.key(), registry.store(logs.key().store()), new ReferenceDialect(), new AssemblyListener() {
                @Override
                public void transaction(Transaction t) {
                    fleet.add(t);
                    listener.transaction(t);
                }

                @Override
                public void registerRequest(RegisterKey register, LoyaltyRequest request) {
                    listener.registerRequest(register, request);
                }

                @Override
                public void registerTag(RegisterKey register, TagEvent tag) {
                }
            }, m -> { });
            for (Path file : logs.files()) {
                p.startFile(root.relativize(file).toString());
                try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
                    int n;
                    while ((n = in.read(buf)) > 0) p.feed(buf, 0, n);
                }
                p.endOfFile();
            }
            p.finish();
        }
        return fleet;
    }

    private void add(Transaction t) {
        all.add(t);
        byId.put(t.id().toString(), t);
        t.card().ifPresent(c -> byCard.computeIfAbsent(cardHasher.apply(c.card()), k -> new ArrayList<>()).add(t));
    }

    public List<Transaction> transactions() {
        return List.copyOf(all);
    }

    @Override
    public Optional<Transaction> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Transaction> byCardHash(String cardHash, LocalDate date) {
        return byCard.getOrDefault(cardHash, List.of()).stream()
                .filter(t -> date == null || t.id().opened().equals(date))
                .sorted(Comparator.comparing(Transaction::closedAt)).toList();
    }

    @Override
    public List<Transaction> byStore(String store, String register, Instant from, Instant to) {
        return all.stream().filter(t -> t.store().equals(store) && (register == null || t.register().register().equals(register)))
                .filter(t -> !t.closedAt().isBefore(from) && t.closedAt().isBefore(to))
                .sorted(Comparator.comparing(Transaction::closedAt)).toList();
    }
}
