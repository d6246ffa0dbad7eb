package org.tillwatch.simulator;

import java.util.BitSet;

/**
 * The loyalty cards customers present. Customers are drawn with a skew (regulars come back often); each
 * store also has a "house" card the cashiers scan for customers without one. Card numbers are 16 digits
 * starting {@code 7000}, a bijection of the card's index so they never collide.
 *
 * <p>Which cards expected.json lists is decided here, before any register runs: every card when the pool is
 * within the limit, otherwise a seeded sample of {@code limit} cards (every receipt of a sampled card is kept).
 */
final class CardPool {
    private static final long SPACE = 1_000_000_000_000L;
    /** Share of card receipts that use the store's house card. */
    static final double HOUSE_SHARE = 0.15;

    private final int customers;
    private final int stores;
    private final long multiplier;
    private final long offset;
    private final BitSet sampled;

    CardPool(long seed, int customers, int stores, int limit) {
        this.customers = customers;
        this.stores = stores;
        Rng rng = new Rng(seed);
        long m = (rng.nextLong() >>> 24) % SPACE;
        while (m % 2 == 0 || m % 5 == 0) {
            m++;
        }
        this.multiplier = m;
        this.offset = (rng.nextLong() >>> 24) % SPACE;
        this.sampled = choose(rng, limit);
    }

    private BitSet choose(Rng rng, int limit) {
        BitSet set = new BitSet(customers + stores);
        if (customers + stores <= limit) {
            set.set(0, customers + stores);
            return set;
        }
        int houses = Math.min(stores, Math.max(1, limit / 30));
        for (int i = 0; i < houses && set.cardinality() < limit; i++) {
            set.set(customers + rng.nextInt(stores));
        }
        for (int tries = 0; set.cardinality() < limit && tries < limit * 50; tries++) {
            set.set(customer(rng));
        }
        return set;
    }

    /** A customer card index, skewed towards regulars. */
    int customer(Rng rng) {
        double u = rng.nextDouble();
        return Math.min(customers - 1, (int) (customers * u * u));
    }

    int house(int storeIndex) {
        return customers + storeIndex;
    }

    /** The card index a receipt of this store presents. */
    int draw(Rng rng, int storeIndex) {
        return rng.chance(HOUSE_SHARE) ? house(storeIndex) : customer(rng);
    }

    String number(int index) {
        long n = (mulMod(multiplier, index + 1L) + offset) % SPACE;
        return "7000" + pad12(n);
    }

    /** {@code a * b mod 10^12} for {@code a, b < 10^12}, without overflow. */
    private static long mulMod(long a, long b) {
        long hi = b / 1_000_000;
        long lo = b % 1_000_000;
        return ((a * hi) % SPACE * 1_000_000 + a * lo) % SPACE;
    }

    private static String pad12(long v) {
        String s = Long.toString(v);
        return "0".repeat(12 - s.length()) + s;
    }

    /** Whether expected.json lists this card. */
    boolean sampled(int index) {
        return sampled.get(index);
    }

    boolean allSampled() {
        return sampled.cardinality() == customers + stores;
    }

    int size() {
        return customers + stores;
    }
}
