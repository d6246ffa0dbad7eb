package org.tillwatch.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A store's day in expected.json. {@code receipts} counts closed receipts (OK or CANCELLED),
 * {@code loyalty} the loyalty transactions among them, {@code failed} those with a critical outcome.
 * {@code registered} is only written ({@code false}) for a store left out of stores.csv.
 */
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoreTruth(
        int receipts,
        int loyalty,
        int failed,
        int incomplete,
        int registers,
        String timezone,
        Boolean registered) {
}
