package org.tillwatch.orchestrator.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tillwatch.orchestrator.data.IncidentRef;
import org.tillwatch.orchestrator.template.Range;
import org.tillwatch.orchestrator.template.TransactionConditions;

/** Evaluates a template's transaction conditions on one transaction's facts. */
final class Conditions {
    private Conditions() {
    }

    /** The conditions that held, in words (for the reason and the audit), or null when one did not. */
    static List<String> why(TransactionConditions c, TxFacts f) {
        List<String> why = new ArrayList<>();
        if (!c.outcomes().isEmpty()) {
            String hit = f.outcomes().stream().filter(c.outcomes()::contains).findFirst().orElse(null);
            if (hit == null) return null;
            why.add("outcome " + hit);
        }
        if (!c.tags().isEmpty()) {
            Set<String> tags = f.tags();
            String hit = c.tags().stream().filter(tags::contains).sorted().findFirst().orElse(null);
            if (hit == null) return null;
            why.add("tag " + hit);
        }
        if (c.critical() != null) {
            if (f.critical() != c.critical()) return null;
            why.add(c.critical() ? "a critical outcome" : "no critical outcome");
        }
        if (!range(c.promoPositions(), BigDecimal.valueOf(f.tx().promoPositions()), "promo positions", why)) return null;
        if (!range(c.accrued(), f.points(), "points", why)) return null;
        if (!flag(c.pending(), f.tx().pending(), "confirm queued offline", why)) return null;
        if (c.queueDelivered() != null) {
            if (f.queuedConfirm() == null || f.queueDelivered() != c.queueDelivered()) return null;
            why.add(c.queueDelivered() ? "queued confirm delivered since" : "queued confirm not delivered yet");
        }
        if (!flag(c.bag(), f.tx().changedAfterCalculation(), "position added after calculation", why)) return null;
        if (!flag(c.card(), f.tx().card().isPresent(), "loyalty card on the receipt", why)) return null;
        if (!c.stores().isEmpty()) {
            if (!c.stores().contains(f.tx().store())) return null;
            why.add("store " + f.tx().store());
        }
        if (!c.status().isEmpty()) {
            if (!c.status().contains(f.tx().status().name())) return null;
            why.add("status " + f.tx().status());
        }
        if (c.incident() != null) {
            boolean open = f.incidents() != null && !f.incidents().isEmpty();
            if (open != c.incident()) return null;
            why.add(open ? "incident " + f.incidents().stream().map(IncidentRef::id).toList() + " open at " + f.tx().closedAt() : "no incident open");
        }
        return why;
    }

    private static boolean range(Range r, BigDecimal v, String what, List<String> why) {
        if (r == null) return true;
        if (!r.contains(v)) return false;
        why.add(what + " " + v.stripTrailingZeros().toPlainString());
        return true;
    }

    private static boolean flag(Boolean want, boolean have, String what, List<String> why) {
        if (want == null) return true;
        if (want != have) return false;
        why.add((have ? "" : "no ") + what);
        return true;
    }
}
