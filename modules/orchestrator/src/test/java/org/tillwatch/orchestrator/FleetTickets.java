package org.tillwatch.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tickets derived from the shared sample fleet's expected.json: its cards and receipts, and its scenarios (the
 * incidents of that day), so each known situation gets a ticket about a real receipt.
 */
public final class FleetTickets {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One receipt of the sample's truth, with the card that scanned it. */
    public record Receipt(String card, JsonNode r) {
        public String id() {
            return r.get("id").asText();
        }

        public String store() {
            return r.get("store").asText();
        }

        public Instant closed() {
            return Instant.parse(r.get("closed_utc").asText().replace("+00:00", "Z"));
        }

        public List<String> outcomes() {
            List<String> o = new ArrayList<>();
            r.get("outcomes").forEach(x -> o.add(x.asText()));
            return o;
        }

        public double accrued() {
            return Double.parseDouble(r.get("accrued").asText());
        }
    }

    private final JsonNode expected;
    private final List<Receipt> receipts = new ArrayList<>();
    private final Map<String, Integer> perCardDay = new HashMap<>();

    private FleetTickets(JsonNode expected) {
        this.expected = expected;
        expected.get("cards").properties().forEach(e -> e.getValue().forEach(r -> receipts.add(new Receipt(e.getKey(), r))));
        receipts.sort(Comparator.comparing(Receipt::id));
        for (Receipt r : receipts) perCardDay.merge(r.card() + r.id().substring(r.id().length() - 10), 1, Integer::sum);
    }

    public static Path root() {
        Path p = Paths.get(System.getProperty("tillwatch.shared", "../../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(p), "shared sample fleet not found at " + p);
        return p;
    }

    public static FleetTickets load() throws IOException {
        return new FleetTickets(JSON.readTree(root().resolve("expected.json").toFile()));
    }

    public List<Receipt> receipts() {
        return receipts;
    }

    /** The first receipt (by id) that matches, preferring one that is its card's only receipt that day. */
    public Receipt only(Predicate<Receipt> p) {
        return receipts.stream().filter(p).filter(this::alone).findFirst().orElseGet(() -> first(p));
    }

    boolean alone(Receipt r) {
        return perCardDay.get(r.card() + r.id().substring(r.id().length() - 10)) == 1;
    }

    public Receipt first(Predicate<Receipt> p) {
        return receipts.stream().filter(p).findFirst().orElseThrow(() -> new AssertionError("the sample fleet has no such receipt"));
    }

    /**
     * A ticket about a receipt, by card and date, as a CRM would send it two hours after the purchase; with the store
     * register and receipt number when the card has other receipts that day.
     */
    public ObjectNode ticket(String id, Receipt r, String topic, String channel) {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", id);
        t.put("created", r.closed().plusSeconds(7200).toString());
        t.put("channel", channel);
        t.put("card", r.card());
        t.put("date", r.id().substring(r.id().length() - 10));
        t.put("topic", topic);
        if (!alone(r)) {
            t.put("store", r.store());
            t.put("register", r.id().split("/")[1]);
            t.put("receipt", r.id().split("/")[3]);
        }
        t.put("text", "Не начислили баллы / no points for my purchase");
        return t;
    }

    /** The day's incidents as the alerting API would list them: the chain gateway incident and the store outage. */
    public String incidentsJson() throws IOException {
        JsonNode s = expected.get("scenarios");
        String day = expected.get("day").asText();
        String[] chain = s.get("chain_incident").get("utc").asText().split("-");
        JsonNode outage = s.get("store_outage");
        String[] local = outage.get("local").asText().split("-");
        ZoneId zone = ZoneId.of(storeZone(outage.get("store").asText()));
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(incident("INC-chain-1", "chain", List.of(), Instant.parse(day + "T" + chain[0] + ":00Z"), Instant.parse(day + "T" + chain[1] + ":00Z"),
                s.get("chain_incident").get("what").asText()));
        list.add(incident("INC-" + outage.get("store").asText() + "-1", "store", List.of(outage.get("store").asText()),
                LocalDateTime.parse(day + "T" + local[0]).atZone(zone).toInstant(), LocalDateTime.parse(day + "T" + local[1]).atZone(zone).toInstant(),
                outage.get("what").asText()));
        return JSON.writeValueAsString(Map.of("incidents", list));
    }

    private static Map<String, Object> incident(String id, String scope, List<String> stores, Instant started, Instant resolved, String summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", "availability");
        m.put("scope", scope);
        m.put("stores", stores);
        m.put("severity", "critical");
        m.put("started", started.toString());
        m.put("resolved", resolved.toString());
        m.put("state", "resolved");
        m.put("summary", summary);
        return m;
    }

    private String storeZone(String store) throws IOException {
        for (String line : Files.readAllLines(root().resolve("stores.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals(store)) return f[4];
        }
        throw new AssertionError("no store " + store);
    }
}
