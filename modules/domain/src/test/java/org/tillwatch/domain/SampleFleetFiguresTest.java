package org.tillwatch.domain;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.tally.FleetTally;
import org.tillwatch.domain.tally.StoreFigures;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain pipeline alone reproduces the sample fleet's expected figures. */
class SampleFleetFiguresTest {
    static JsonNode expected;
    static FleetTally tally = new FleetTally(100);
    static Map<String, Transaction> byId = new HashMap<>();

    @BeforeAll
    static void readFleet() throws Exception {
        Path root = SampleFleet.root();
        expected = new ObjectMapper().readTree(root.resolve("expected.json").toFile());
        SampleFleet.read(root, new org.tillwatch.domain.assemble.AssemblyListener() {
            @Override public void transaction(Transaction t) { tally.transaction(t); byId.put(t.id().toString(), t); }
            @Override public void registerRequest(org.tillwatch.domain.model.RegisterKey r, org.tillwatch.domain.model.LoyaltyRequest q) { tally.registerRequest(r, q); }
            @Override public void registerTag(org.tillwatch.domain.model.RegisterKey r, org.tillwatch.domain.model.TagEvent t) { tally.registerTag(r, t); }
        }, tally::malformed);
    }

    @Test
    void perStoreFigures() {
        Map<String, StoreFigures> want = new TreeMap<>();
        expected.get("stores").fields().forEachRemaining(e -> want.put(e.getKey(), new StoreFigures(
                e.getValue().get("receipts").asLong(), e.getValue().get("loyalty").asLong(),
                e.getValue().get("failed").asLong(), e.getValue().get("incomplete").asLong())));
        assertThat(tally.stores()).isEqualTo(want);
    }

    @Test
    void outcomesTagsAndMalformed() {
        Map<String, Long> outcomes = new TreeMap<>();
        expected.get("outcomes").fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> tags = new TreeMap<>();
        expected.get("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asLong()));
        assertThat(tally.outcomes()).isEqualTo(outcomes);
        assertThat(tally.tags()).isEqualTo(tags);
        assertThat(tally.malformedLines()).isEqualTo(expected.get("malformed_lines").asLong());
    }

    @Test
    void listedTransactionsMatchField_byField() {
        expected.get("transactions").fields().forEachRemaining(e -> {
            Transaction t = byId.get(e.getKey());
            JsonNode w = e.getValue();
            assertThat(t).as(e.getKey()).isNotNull();
            assertThat(t.status().name()).as(e.getKey()).isEqualTo(w.get("status").asText());
            assertThat(t.total().toPlainString()).as(e.getKey()).isEqualTo(w.get("total").asText());
            assertThat(t.positions()).as(e.getKey()).hasSize(w.get("positions").asInt());
            assertThat(t.promoPositions()).as(e.getKey()).isEqualTo(w.get("promo_positions").asLong());
            assertThat(t.outcomeNames()).as(e.getKey()).containsExactlyElementsOf(
                    () -> w.get("outcomes").valueStream().map(JsonNode::asText).iterator());
            assertThat(t.accrued().toPlainString()).as(e.getKey()).isEqualTo(w.get("accrued").asText());
            assertThat(t.pending()).as(e.getKey()).isEqualTo(w.get("pending").asBoolean());
            assertThat(t.changedAfterCalculation()).as(e.getKey()).isEqualTo(w.get("bag").asBoolean());
            assertThat(t.failed()).as(e.getKey()).isEqualTo(w.get("failed").asBoolean());
            assertThat(t.loyalty()).as(e.getKey()).isEqualTo(w.get("loyalty").asBoolean());
            assertThat(t.closedAt()).as(e.getKey()).isEqualTo(java.time.OffsetDateTime.parse(w.get("closed_utc").asText()).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        });
    }

    @Test
    void noFullPanSurvivesParsing() {
        var pans = expected.get("full_pans").valueStream().map(JsonNode::asText).toList();
        for (Transaction t : byId.values()) {
            for (var raw : t.raw()) pans.forEach(p -> assertThat(raw.text()).doesNotContain(p));
            for (var p : t.payments()) if (p.pan() != null) assertThat(pans).doesNotContain(p.pan());
        }
        for (var m : tally.malformedSample()) pans.forEach(p -> assertThat(m.text()).doesNotContain(p));
    }
}
