package org.tillwatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.index.TransactionIndexReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code tillwatch index} must reproduce of any fleet with an expected.json: per-store figures, outcomes, tags,
 * malformed lines, hourly windows, every listed card's receipts and transaction, and no full PAN on disk.
 * Subclasses provide the fleet.
 */
abstract class FleetFiguresContract {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    static Path fleet;
    static Path data;
    static JsonNode expected;
    static JsonNode summary;

    static void index(Path fleetDir) throws IOException {
        fleet = fleetDir;
        expected = JSON.readTree(fleet.resolve("expected.json").toFile());
        data = tmp.resolve("data");
        Cli r = Cli.run("index", "--logs", fleet.resolve("logs").toString(), "--stores", fleet.resolve("stores.csv").toString(),
                "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        summary = JSON.readTree(r.out());
    }

    @Test
    void summaryFiguresMatchExpected() {
        long receipts = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("stores").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode got = summary.get("stores").get(e.getKey());
            assertThat(got).as(e.getKey()).isNotNull();
            for (String k : List.of("receipts", "loyalty", "failed", "incomplete")) {
                assertThat(got.get(k).asLong()).as(e.getKey() + " " + k).isEqualTo(e.getValue().get(k).asLong());
            }
            receipts += e.getValue().get("receipts").asLong();
        }
        assertThat(summary.get("stores").size()).isEqualTo(expected.get("stores").size());
        assertThat(summary.get("receipts").asLong()).isEqualTo(receipts).isEqualTo(expected.get("receipts_total").asLong());
        assertThat(summary.get("incomplete").asLong()).isEqualTo(expected.get("incomplete").asLong());
        assertThat(summary.get("outcomes")).isEqualTo(expected.get("outcomes"));
        assertThat(summary.get("tags")).isEqualTo(expected.get("tags"));
        assertThat(summary.get("malformed_lines").asLong()).isEqualTo(expected.get("malformed_lines").asLong());
    }

    @Test
    void hourlyWindowsMatchExpected() {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> stores = expected.get("hourly").fields(); stores.hasNext(); ) {
            Map.Entry<String, JsonNode> store = stores.next();
            for (Iterator<Map.Entry<String, JsonNode>> hours = store.getValue().fields(); hours.hasNext(); ) {
                Map.Entry<String, JsonNode> hour = hours.next();
                Instant from = Instant.parse(hour.getKey() + ":00:00Z");
                Cli r = Cli.run("availability", "--data", data.toString(), "--store", store.getKey(),
                        "--from", from.toString(), "--to", from.plusSeconds(3600).toString(), "--min-volume", "1", "--json");
                assertThat(r.exitCode()).as(r.err()).isZero();
                JsonNode got = read(r.out()).get("stores").get(store.getKey());
                assertThat(List.of(got.get("loyalty").asLong(), got.get("failed").asLong())).as(store.getKey() + " " + hour.getKey())
                        .containsExactly(hour.getValue().get(0).asLong(), hour.getValue().get(1).asLong());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void dayAvailabilityAppliesMinimumVolume() {
        JsonNode got = read(Cli.run("availability", "--data", data.toString(), "--json").out());
        JsonNode stores = expected.get("stores");
        stores.fields().forEachRemaining(e -> {
            long loyalty = e.getValue().get("loyalty").asLong();
            long failed = e.getValue().get("failed").asLong();
            JsonNode a = got.get("stores").get(e.getKey()).get("availability");
            if (loyalty < 20) assertThat(a.isNull()).as(e.getKey()).isTrue();
            else assertThat(a.asDouble()).as(e.getKey()).isCloseTo(1.0 - (double) failed / loyalty, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void everyCardsReceiptsMatchExpected() {
        int cards = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("cards").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Cli r = Cli.run("receipts", "--data", data.toString(), "--card", e.getKey(), "--date", expected.get("day").asText(), "--json");
            if (r.exitCode() != 0) throw new AssertionError(r.err());
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode got = read(r.out());
            List<String> want = new ArrayList<>();
            for (JsonNode w : e.getValue()) want.add(describe(w, w.get("closed_utc").asText()));
            List<String> have = new ArrayList<>();
            for (JsonNode g : got) have.add(describe(g, g.get("closed").asText()));
            assertThat(have).as("card " + e.getKey()).containsExactlyInAnyOrderElementsOf(want);
            cards++;
        }
        assertThat(cards).isEqualTo(expected.get("cards").size());
    }

    @Test
    void listedTransactionsMatchExpected() throws IOException {
        try (TransactionIndexReader reader = TransactionIndexReader.open(data)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("transactions").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                var t = reader.get(e.getKey());
                assertThat(t).as(e.getKey()).isPresent();
                JsonNode got = JSON.valueToTree(org.tillwatch.cli.organizer.ReceiptsCommand.row(t.get()));
                assertThat(describe(got, got.get("closed").asText())).as(e.getKey())
                        .isEqualTo(describe(e.getValue(), e.getValue().get("closed_utc").asText()));
                assertThat(got.get("bag").asBoolean()).as(e.getKey()).isEqualTo(e.getValue().get("bag").asBoolean());
                assertThat(got.get("failed").asBoolean()).as(e.getKey()).isEqualTo(e.getValue().get("failed").asBoolean());
            }
        }
    }

    private static String describe(JsonNode r, String closed) {
        Instant at = OffsetDateTime.parse(closed.endsWith("Z") ? closed : closed).toInstant();
        return String.join("|", r.get("id").asText(), r.get("store").asText(), r.get("status").asText(), r.get("total").asText(),
                r.get("positions").asText(), r.get("promo_positions").asText(), r.get("outcomes").toString(),
                r.get("accrued").asText(), r.get("pending").asText(),
                at.atOffset(ZoneOffset.UTC).toInstant().toEpochMilli() / 1 + "");
    }

    @Test
    void noFullPanAnywhereUnderTheDataDirectory() throws IOException {
        List<String> pans = new ArrayList<>();
        expected.get("full_pans").forEach(p -> pans.add(p.asText()));
        assertThat(pans).isNotEmpty();
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String pan : pans) assertThat(text).as(f.toString()).doesNotContain(pan);
        }
        // Stored fields are compressed on disk: read every stored document back and look there too.
        try (TransactionIndexReader reader = TransactionIndexReader.open(data)) {
            var all = reader.search(new MatchAllDocsQuery());
            assertThat((long) all.size()).isEqualTo(expected.get("receipts_total").asLong() + expected.get("incomplete").asLong());
            for (var t : all) {
                String json = new com.fasterxml.jackson.databind.ObjectMapper().registerModule(
                        new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).writeValueAsString(t);
                for (String pan : pans) assertThat(json).doesNotContain(pan);
                t.cards().forEach(c -> assertThat(c.card()).startsWith("************"));
            }
        }
    }

    @Test
    void reindexingTheSameLogsCreatesNoDuplicates() throws IOException {
        long before;
        try (TransactionIndexReader reader = TransactionIndexReader.open(data)) {
            before = reader.count();
        }
        Cli again = Cli.run("index", "--logs", fleet.resolve("logs").toString(), "--stores", fleet.resolve("stores.csv").toString(),
                "--data", data.toString(), "--json");
        assertThat(again.exitCode()).isZero();
        try (TransactionIndexReader reader = TransactionIndexReader.open(data)) {
            assertThat(reader.count()).isEqualTo(before);
        }
        assertThat(before).isEqualTo(expected.get("receipts_total").asLong() + expected.get("incomplete").asLong());
    }

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
