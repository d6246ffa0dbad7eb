package org.tillwatch.simulator;

import java.util.Arrays;

/** When customers come to a till: a daily curve (quiet mornings, lunch and evening peaks). */
final class DayTraffic {
    private static final double[] HOUR_WEIGHT = {
        0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 0.9, 1.0, 1.0,
        1.2, 1.2, 1.0, 1.0, 1.1, 1.3, 1.4, 1.3, 1.0, 0.7, 0.4, 0.2};
    private static final int HOUR = 3_600_000;

    private DayTraffic() {
    }

    /** {@code n} sorted arrival times in {@code [from, to)} (milliseconds of the local day). */
    static int[] arrivals(Rng rng, int n, int from, int to) {
        double total = 0;
        for (int t = from; t < to; t = nextHour(t, to)) {
            total += HOUR_WEIGHT[t / HOUR] * (nextHour(t, to) - t);
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double x = rng.nextDouble() * total;
            int t = from;
            while (true) {
                int end = nextHour(t, to);
                double mass = HOUR_WEIGHT[t / HOUR] * (end - t);
                if (x < mass || end >= to) {
                    out[i] = Math.min(to - 1, t + (int) (x / HOUR_WEIGHT[t / HOUR]));
                    break;
                }
                x -= mass;
                t = end;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static int nextHour(int t, int to) {
        return Math.min(to, (t / HOUR + 1) * HOUR);
    }
}
