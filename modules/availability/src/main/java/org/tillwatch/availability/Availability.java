package org.tillwatch.availability;

/**
 * Availability over a window: {@code 1 - failed / loyalty}, or unknown (null) below the minimum volume, so that no
 * alert can fire on a handful of transactions.
 */
public record Availability(long loyalty, long failed, Double value) {
    public Availability {
        if (loyalty < 0 || failed < 0 || failed > loyalty) {
            throw new IllegalArgumentException("need 0 <= failed <= loyalty, got failed=" + failed + " loyalty=" + loyalty);
        }
    }

    public static Availability of(long loyalty, long failed, int minVolume) {
        return new Availability(loyalty, failed, loyalty < minVolume || loyalty == 0 ? null : 1.0 - (double) failed / loyalty);
    }

    public boolean known() {
        return value != null;
    }
}
