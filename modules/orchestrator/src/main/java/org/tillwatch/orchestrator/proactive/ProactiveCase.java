package org.tillwatch.orchestrator.proactive;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A case the orchestrator opened from the logs before any ticket: a customer who lost points. {@code kind}:
 * {@code confirm_failed_after_bag}, {@code queue_not_sent_by_day_end}, {@code critical_failure_with_card}.
 * {@code points}: what to credit (the points processing calculated for the receipt), null when unknown.
 */
public record ProactiveCase(String id, String kind, Instant opened, String store, String transaction, String cardHash,
                            String cardLast4, BigDecimal points, String fixRu, String fixEn, Map<String, Object> facts,
                            List<String> tickets) {
    public ProactiveCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    public ProactiveCase linked(String ticket) {
        if (tickets.contains(ticket)) return this;
        List<String> t = new ArrayList<>(tickets);
        t.add(ticket);
        return new ProactiveCase(id, kind, opened, store, transaction, cardHash, cardLast4, points, fixRu, fixEn, facts, t);
    }
}
