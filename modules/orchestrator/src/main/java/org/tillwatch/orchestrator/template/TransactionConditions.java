package org.tillwatch.orchestrator.template;

import java.util.Set;

/**
 * What one of the ticket's transactions must show; every set condition must hold on the same transaction. Null or
 * empty means "any". {@code outcomes}/{@code tags}: at least one of them; {@code critical}: some request had a
 * critical outcome; {@code pending}: the confirm went to the offline queue; {@code queueDelivered}: the queued
 * confirm was sent and accepted since; {@code bag}: a position was added after calculation; {@code incident}: an
 * incident covering the store was open when the receipt closed.
 */
public record TransactionConditions(Set<String> outcomes, Set<String> tags, Boolean critical, Range promoPositions,
                                    Range accrued, Boolean pending, Boolean queueDelivered, Boolean bag,
                                    Set<String> stores, Set<String> status, Boolean incident, Boolean card) {
    public TransactionConditions {
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        stores = stores == null ? Set.of() : Set.copyOf(stores);
        status = status == null ? Set.of() : Set.copyOf(status);
    }

    public boolean needsIncidents() {
        return incident != null;
    }
}
