package org.tillwatch.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures a correct reading of a simulated fleet must reproduce: the content of its
 * {@code expected.json}, in the same schema as the shared sample's. The simulator computes it from what it
 * decided to write, so it is the oracle, not a reading of the logs.
 *
 * @param day          the simulated day, {@code yyyy-MM-dd}
 * @param stores       per store code
 * @param hourly       per store code, per UTC hour {@code yyyy-MM-ddTHH} of {@code Receipt closed}; only
 *                     hours with at least one loyalty transaction
 * @param outcomes     outcome name to number of loyalty requests that ended so, over every request in the
 *                     logs (inside receipts, and offline resends between receipts)
 * @param tags         register tag to number of {@code Loyalty tag set} entries
 * @param cards        card number to every closed receipt that scanned it, by close time; a sample of cards
 *                     for large fleets (see {@link SimulationConfig#cardSampleLimit()})
 * @param transactions transaction id to its record, for a subset of closed receipts (failed, changed and
 *                     cancelled ones first, then random ones)
 */
@JsonPropertyOrder({"cards", "day", "full_pans", "hourly", "incomplete", "malformed_lines", "outcomes",
        "receipts_total", "scenarios", "stores", "tags", "transactions"})
public record SimulationTruth(
        String day,
        SortedMap<String, StoreTruth> stores,
        SortedMap<String, SortedMap<String, HourCount>> hourly,
        SortedMap<String, Integer> outcomes,
        SortedMap<String, Integer> tags,
        @JsonProperty("malformed_lines") int malformedLines,
        @JsonProperty("receipts_total") int receiptsTotal,
        int incomplete,
        @JsonProperty("full_pans") List<String> fullPans,
        SortedMap<String, SortedMap<String, String>> scenarios,
        SortedMap<String, List<ReceiptTruth>> cards,
        SortedMap<String, ReceiptTruth> transactions) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public SimulationTruth {
        stores = unmodifiable(stores);
        hourly = unmodifiable(hourly);
        outcomes = unmodifiable(outcomes);
        tags = unmodifiable(tags);
        fullPans = List.copyOf(fullPans);
        scenarios = unmodifiable(scenarios);
        cards = unmodifiable(cards);
        transactions = unmodifiable(transactions);
    }

    private static <V> SortedMap<String, V> unmodifiable(Map<String, V> map) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** Writes this as JSON (UTF-8, keys sorted, indented). */
    public void writeTo(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), this);
    }

    /** Reads an expected.json written by {@link #writeTo(Path)} (or the shared sample's). */
    public static SimulationTruth readFrom(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), SimulationTruth.class);
    }
}
