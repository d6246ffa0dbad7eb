package org.tillwatch.metrics;

import org.tillwatch.domain.model.RegisterKey;

import java.util.regex.Pattern;

/**
 * One store's (or, with {@code store == null}, the chain's) figures over one window.
 *
 * @param store           a store code, or null for the whole chain
 * @param window          the window's length, e.g. {@code 5m}, {@code 1h}, {@code 1d}
 * @param loyalty         loyalty transactions that closed in the window
 * @param failed          of those, the failed ones
 * @param availability    1 - failed / loyalty; null when unknown (fewer loyalty transactions than the minimum)
 * @param silentRegisters registers of the store (or chain) that fell silent
 */
public record AvailabilityRow(String store, String window, long loyalty, long failed, Double availability,
                              int silentRegisters) {
    private static final Pattern WINDOW = Pattern.compile("[1-9][0-9]{0,3}[smhd]");

    public AvailabilityRow {
        if (store != null && !RegisterKey.isStoreCode(store)) {
            throw new IllegalArgumentException("store code must be 4 characters [0-9A-Z] or null for the chain, got: " + store);
        }
        if (window == null || !WINDOW.matcher(window).matches()) {
            throw new IllegalArgumentException("window must be a length like 5m, 1h or 1d, got: " + window);
        }
        if (loyalty < 0 || failed < 0 || failed > loyalty) {
            throw new IllegalArgumentException("need 0 <= failed <= loyalty, got failed=" + failed + " loyalty=" + loyalty);
        }
        if (availability != null && !(availability >= 0.0 && availability <= 1.0)) {
            throw new IllegalArgumentException("availability must be within [0, 1] or null, got: " + availability);
        }
        if (silentRegisters < 0) {
            throw new IllegalArgumentException("silent registers must be >= 0, got: " + silentRegisters);
        }
    }

    public boolean chain() {
        return store == null;
    }
}
