package org.tillwatch.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a correct reading must make of one closed receipt (an entry of expected.json's {@code cards} and
 * {@code transactions}). Amounts are 2-decimal strings; {@code closedUtc} is an ISO instant with offset
 * {@code +00:00}, {@code openedLocal} the store's local date-time of {@code Receipt opened} (both with
 * microseconds, the last three digits always 0: logs have milliseconds).
 */
@JsonPropertyOrder(alphabetic = true)
public record ReceiptTruth(
        String id,
        String store,
        String register,
        String status,
        String total,
        int positions,
        @JsonProperty("promo_positions") int promoPositions,
        List<String> outcomes,
        String accrued,
        boolean pending,
        boolean bag,
        boolean failed,
        boolean loyalty,
        @JsonProperty("closed_utc") String closedUtc,
        @JsonProperty("opened_local") String openedLocal) {

    public ReceiptTruth {
        outcomes = List.copyOf(outcomes);
    }
}
