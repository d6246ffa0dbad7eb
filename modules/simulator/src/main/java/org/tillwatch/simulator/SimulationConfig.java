package org.tillwatch.simulator;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What fleet to simulate. Output depends only on this (not on {@code threads}): the same config gives
 * byte-identical files.
 *
 * @param stores                 number of stores, at least 1
 * @param registersPerStore      registers per store, 1 to 24 ({@code POS01}..{@code POS24}); the small store of
 *                               {@link Scenario#SMALL_STORE} has one
 * @param receiptsPerRegister    average receipts per register per day, 1 to {@value #MAX_RECEIPTS_PER_REGISTER}
 * @param seed                   places everything random
 * @param day                    the simulated (local) day
 * @param scenarios              which {@link Scenario}s to play; store-level ones only where the fleet has stores
 *                               to spare
 * @param gzipShare              share of register files written gzipped ({@code .log.gz}), 0 to 1
 * @param cardSampleLimit        at most this many cards in expected.json's {@code cards} (every receipt of each
 *                               listed card is included); all cards when the fleet has no more
 * @param transactionSampleLimit at most this many receipts in expected.json's {@code transactions}
 * @param unregisteredStores     stores deliberately left out of stores.csv (their logs are still written)
 * @param threads                registers simulated in parallel; 0 = one per available processor
 */
public record SimulationConfig(
        int stores,
        int registersPerStore,
        int receiptsPerRegister,
        long seed,
        LocalDate day,
        Set<Scenario> scenarios,
        double gzipShare,
        int cardSampleLimit,
        int transactionSampleLimit,
        int unregisteredStores,
        int threads) {

    public static final int MAX_REGISTERS_PER_STORE = 24;
    public static final int MAX_RECEIPTS_PER_REGISTER = 1000;
    public static final int MAX_STORES = 100_000;

    public SimulationConfig {
        require(stores >= 1 && stores <= MAX_STORES, "stores must be between 1 and " + MAX_STORES + ", was " + stores);
        require(registersPerStore >= 1 && registersPerStore <= MAX_REGISTERS_PER_STORE,
                "registersPerStore must be between 1 and 24 (POS01..POS24), was " + registersPerStore);
        require(receiptsPerRegister >= 1 && receiptsPerRegister <= MAX_RECEIPTS_PER_REGISTER,
                "receiptsPerRegister must be between 1 and " + MAX_RECEIPTS_PER_REGISTER
                        + " (receipts per register per day), was " + receiptsPerRegister);
        Objects.requireNonNull(day, "day must not be null");
        Objects.requireNonNull(scenarios, "scenarios must not be null (use an empty set for none)");
        require(gzipShare >= 0 && gzipShare <= 1, "gzipShare must be between 0 and 1, was " + gzipShare);
        require(cardSampleLimit >= 0, "cardSampleLimit must be >= 0, was " + cardSampleLimit);
        require(transactionSampleLimit >= 0, "transactionSampleLimit must be >= 0, was " + transactionSampleLimit);
        require(unregisteredStores >= 0 && unregisteredStores <= stores,
                "unregisteredStores must be between 0 and stores (" + stores + "), was " + unregisteredStores);
        require(threads >= 0, "threads must be >= 0 (0 = one per processor), was " + threads);
        scenarios = scenarios.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Scenario.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(scenarios));
    }

    /** Six stores of three registers, ~140 receipts each, every scenario: about the shared sample's size. */
    public static SimulationConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .stores(stores).registersPerStore(registersPerStore).receiptsPerRegister(receiptsPerRegister)
                .seed(seed).day(day).scenarios(scenarios).gzipShare(gzipShare).cardSampleLimit(cardSampleLimit)
                .transactionSampleLimit(transactionSampleLimit).unregisteredStores(unregisteredStores).threads(threads);
    }

    public boolean has(Scenario s) {
        return scenarios.contains(s);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builds a {@link SimulationConfig}; starts from the defaults. Validation happens in {@link #build()}. */
    public static final class Builder {
        private int stores = 6;
        private int registersPerStore = 3;
        private int receiptsPerRegister = 140;
        private long seed = 20261120L;
        private LocalDate day = LocalDate.of(2026, 11, 20);
        private Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
        private double gzipShare = 1.0 / 3;
        private int cardSampleLimit = 300;
        private int transactionSampleLimit = 400;
        private int unregisteredStores;
        private int threads;

        private Builder() {
        }

        public Builder stores(int v) {
            stores = v;
            return this;
        }

        public Builder registersPerStore(int v) {
            registersPerStore = v;
            return this;
        }

        public Builder receiptsPerRegister(int v) {
            receiptsPerRegister = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder day(LocalDate v) {
            day = v;
            return this;
        }

        public Builder scenarios(Set<Scenario> v) {
            scenarios = v;
            return this;
        }

        /** No scenarios: a quiet day with only the ordinary random refusals and failures. */
        public Builder noScenarios() {
            scenarios = EnumSet.noneOf(Scenario.class);
            return this;
        }

        public Builder gzipShare(double v) {
            gzipShare = v;
            return this;
        }

        public Builder cardSampleLimit(int v) {
            cardSampleLimit = v;
            return this;
        }

        public Builder transactionSampleLimit(int v) {
            transactionSampleLimit = v;
            return this;
        }

        public Builder unregisteredStores(int v) {
            unregisteredStores = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public SimulationConfig build() {
            return new SimulationConfig(stores, registersPerStore, receiptsPerRegister, seed, day, scenarios, gzipShare,
                    cardSampleLimit, transactionSampleLimit, unregisteredStores, threads);
        }
    }
}
