package org.tillwatch.alerting.rules;

import java.util.List;

/**
 * What one rule says about one scope at one evaluation.
 *
 * @param firing    the condition holds
 * @param recovery  what the recovery window says
 * @param stores    the stores concerned (sorted)
 * @param value     the figure the rule looked at (availability as a fraction, a count ...), for the texts
 * @param loyalty   loyalty transactions in the rule's window
 * @param failed    failed ones among them
 * @param detail    a short English detail for logs and texts (registers, outcomes)
 * @param burst     the recovery window alone meets the condition: new failures, not old ones still in the window
 */
public record Signal(boolean firing, Recovery recovery, List<String> stores, double value, long loyalty, long failed,
                     String detail, boolean burst) {
    public Signal {
        stores = List.copyOf(stores);
        detail = detail == null ? "" : detail;
    }

    public Signal(boolean firing, Recovery recovery, List<String> stores, double value, long loyalty, long failed, String detail) {
        this(firing, recovery, stores, value, loyalty, failed, detail, false);
    }

    /** RECOVERED: evidence it works again; FAILING: it still fails now; UNKNOWN: no evidence either way. */
    public enum Recovery { RECOVERED, FAILING, UNKNOWN }

    public static Signal quiet(List<String> stores) {
        return new Signal(false, Recovery.RECOVERED, stores, Double.NaN, 0, 0, "");
    }
}
