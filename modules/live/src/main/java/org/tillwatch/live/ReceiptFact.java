package org.tillwatch.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Transaction;

/**
 * What live figures need of one ended receipt. {@code closed}: it ended OK or CANCELLED (not INCOMPLETE);
 * {@code loyalty}: it holds at least one loyalty request, so it is a loyalty transaction when also closed;
 * {@code failed}: a loyalty transaction with a critical outcome. {@code errorOutcomes} names, in order, the outcomes of
 * its requests that were not Ok, and {@code errorCritical} says for each whether it was critical.
 */
public record ReceiptFact(String store, String register, Instant closedAt, boolean closed, boolean loyalty,
                          boolean failed, List<String> errorOutcomes, List<Boolean> errorCritical) {
    public ReceiptFact {
        if (!RegisterKey.isStoreCode(store)) throw new IllegalArgumentException("store code must be 4 characters [0-9A-Z], got: " + store);
        if (!RegisterKey.isRegisterName(register)) throw new IllegalArgumentException("register must be POS plus two digits, got: " + register);
        Objects.requireNonNull(closedAt, "closedAt");
        errorOutcomes = List.copyOf(errorOutcomes);
        errorCritical = List.copyOf(errorCritical);
        if (errorOutcomes.size() != errorCritical.size()) {
            throw new IllegalArgumentException("errorOutcomes and errorCritical differ in length: "
                    + errorOutcomes.size() + " vs " + errorCritical.size());
        }
        if (failed && !(closed && loyalty)) throw new IllegalArgumentException("only a closed loyalty transaction can fail");
    }

    public static ReceiptFact of(Transaction t) {
        List<String> names = new ArrayList<>();
        List<Boolean> critical = new ArrayList<>();
        for (LoyaltyRequest r : t.requests()) {
            if (r.outcome().ok()) continue;
            names.add(r.outcome().name());
            critical.add(r.outcome().critical());
        }
        return new ReceiptFact(t.store(), t.register().register(), t.closedAt(), t.status().closed(),
                !t.requests().isEmpty(), t.failed(), names, critical);
    }

    public RegisterKey registerKey() {
        return new RegisterKey(store, register);
    }

    /** Counts in availability: closed and holding a loyalty request. */
    public boolean loyaltyTransaction() {
        return closed && loyalty;
    }
}
