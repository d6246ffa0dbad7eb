package org.tillwatch.simulator;

import java.util.List;

/**
 * A small SplitMix64 generator. Own implementation (not {@link java.util.SplittableRandom}) so that the
 * byte stream of a simulated fleet depends only on the seed, never on the JDK in use.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A seed for an independent stream, derived from a parent seed and a path of labels. */
    static long derive(long seed, long... path) {
        long h = mix(seed ^ 0x5DEECE66DL);
        for (long p : path) {
            h = mix(h + GOLDEN + mix(p));
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; {@code bound > 0}. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in {@code [lo, hi]}. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** {@code n} decimal digits (leading zeros allowed). */
    String digits(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + nextInt(10));
        }
        return new String(c);
    }

    /** 32 lower-case hex characters, like a register's OperationID. */
    String hex32() {
        char[] c = new char[32];
        long a = nextLong();
        long b = nextLong();
        for (int i = 0; i < 16; i++) {
            c[i] = HEX[(int) (a >>> (60 - 4 * i)) & 15];
            c[16 + i] = HEX[(int) (b >>> (60 - 4 * i)) & 15];
        }
        return new String(c);
    }
}
