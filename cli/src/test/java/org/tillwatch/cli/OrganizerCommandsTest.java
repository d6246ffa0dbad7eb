package org.tillwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.index.CardKeys;
import org.tillwatch.index.TransactionIndexWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The organizer commands in-process over the shared sample fleet, checked against its expected.json. */
class OrganizerCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ESC = "\u001b[";

    @TempDir
    static Path tmp;
    static Path fleet;
    static String data;
    static JsonNode expected;
    static String day;

    @BeforeAll
    static void indexSample() throws IOException {
        fleet = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(fleet), "shared sample fleet not found at " + fleet);
        expected = JSON.readTree(fleet.resolve("expected.json").toFile());
        day = expected.get("day").asText();
        data = tmp.resolve("data").toString();
        Cli r = Cli.run("index", "--logs", fleet.resolve("logs").toString(), "--stores", fleet.resolve("stores.csv").toString(), "--data", data);
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    static Cli ok(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    static List<JsonNode> ndjson(String out) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.lines().toList()) rows.add(JSON.readTree(line));
        return rows;
    }

    @Test
    void receiptsPerStoreMatchExpectedCounts() throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("stores").fields(); it.hasNext(); ) {
            var e = it.next();
            List<JsonNode> closed = ndjson(ok("receipts", "--data", data, "--store", e.getKey(), "--status", "OK,CANCELLED", "--ndjson", "--limit", "5000").out());
            assertThat(closed).as(e.getKey()).hasSize(e.getValue().get("receipts").asInt());
            assertThat(closed.stream().filter(r -> r.get("failed").asBoolean()).count()).as(e.getKey()).isEqualTo(e.getValue().get("failed").asLong());
            int incomplete = e.getValue().get("incomplete").asInt();
            Cli r = Cli.run("receipts", "--data", data, "--store", e.getKey(), "--status", "INCOMPLETE", "--json");
            assertThat(r.exitCode()).as(e.getKey()).isEqualTo(incomplete == 0 ? 3 : 0);
            assertThat(JSON.readTree(r.out())).as(e.getKey()).hasSize(incomplete);
        }
    }

    @Test
    void hourlyFailuresByStoreTimeAndInstantAgree() throws IOException {
        // expected.json buckets by UTC hour; AX1B (Moscow, +03:00) had its outage 14:00-14:40 store time.
        JsonNode hour = expected.get("hourly").get("AX1B").get(day + "T11");
        List<JsonNode> byInstant = ndjson(ok("receipts", "--data", data, "--store", "AX1B", "--from", day + "T11:00:00Z", "--to", day + "T12:00:00Z", "--ndjson").out());
        List<JsonNode> byLocal = ndjson(ok("receipts", "--data", data, "--store", "AX1B", "--from", day + "T14:00", "--to", day + "T15:00", "--ndjson").out());
        assertThat(byLocal).isEqualTo(byInstant);
        assertThat(byInstant.stream().filter(r -> r.get("failed").asBoolean()).count()).isEqualTo(hour.get(1).asLong());
        assertThat(byInstant.stream().filter(r -> r.get("outcomes").size() > 0 && !r.get("status").asText().equals("INCOMPLETE")).count())
                .isEqualTo(hour.get(0).asLong());
        assertThat(byLocal.get(0).get("closed_local").asText()).startsWith(day + "T14:").endsWith("+03:00");
    }

    @Test
    void filtersNarrowAsTheySay() throws IOException {
        List<JsonNode> timeouts = ndjson(ok("receipts", "--data", data, "--outcome", "TIMEOUT", "--ndjson").out());
        assertThat(timeouts).hasSize(expected.get("outcomes").get("TIMEOUT").asInt()); // one timeout per receipt in this fleet
        assertThat(timeouts).allSatisfy(r -> assertThat(r.get("outcomes").toString()).contains("TIMEOUT"));
        List<JsonNode> tagged = ndjson(ok("receipts", "--data", data, "--tag", "LOY_TIMEOUT", "--ndjson").out());
        assertThat(tagged).hasSize(expected.get("tags").get("LOY_TIMEOUT").asInt());
        List<JsonNode> promo = ndjson(ok("receipts", "--data", data, "--store", "URMY", "--has-promo", "--min-total", "1000", "--ndjson").out());
        assertThat(promo).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("promo_positions").asInt()).isPositive();
            assertThat(Double.parseDouble(r.get("total").asText())).isGreaterThanOrEqualTo(1000.0);
        });
        List<JsonNode> reg = ndjson(ok("receipts", "--data", data, "--store", "KY9A", "--register", "POS02", "--ndjson", "--limit", "5000").out());
        assertThat(reg).isNotEmpty().allSatisfy(r -> assertThat(r.get("register").asText()).isEqualTo("POS02"));
        Cli none = Cli.run("receipts", "--data", data, "--store", "N4NJ", "--outcome", "DeviceNotFound");
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err()).contains("nothing found");
    }

    @Test
    void errorsPutCriticalFirstWithExpectedCounts() throws IOException {
        JsonNode ky = JSON.readTree(ok("errors", "--data", data, "--store", "KY9A", "--json").out());
        assertThat(ky.get(0).get("outcome").asText()).isEqualTo("DeviceNotFound");
        assertThat(ky.get(0).get("receipts").asLong()).isEqualTo(expected.get("stores").get("KY9A").get("failed").asLong());
        JsonNode chain = JSON.readTree(ok("errors", "--data", data, "--json").out());
        boolean seenNonCritical = false;
        for (JsonNode e : chain) {
            if (!e.get("critical").asBoolean()) seenNonCritical = true;
            else assertThat(seenNonCritical).as("critical after non-critical: " + e).isFalse();
            // a receipt counts once per outcome, expected.json counts requests
            assertThat(e.get("receipts").asLong()).as(e.get("outcome").asText())
                    .isPositive().isLessThanOrEqualTo(expected.get("outcomes").get(e.get("outcome").asText()).asLong());
        }
        assertThat(chain).hasSize(expected.get("outcomes").size() - 1); // every outcome but Ok
        Cli table = ok("errors", "--data", data, "--store", "AX1B", "--from", day + "T14:00", "--to", day + "T14:40");
        assertThat(table.out()).contains("TIMEOUT").contains("Тайм-аут запроса").doesNotContain(ESC);
        assertThat(Cli.run("errors", "--data", data, "--store", "N4NJ").exitCode()).isEqualTo(3);
    }

    @Test
    void receiptShowsTheWholeTimeline() throws IOException {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("transactions").fields(); it.hasNext() && checked < 25; ) {
            var e = it.next();
            JsonNode want = e.getValue();
            if (want.get("outcomes").size() == 0) continue;
            JsonNode got = JSON.readTree(ok("receipt", "--data", data, e.getKey(), "--json").out());
            assertThat(got.get("status").asText()).isEqualTo(want.get("status").asText());
            assertThat(got.get("total").asText()).isEqualTo(want.get("total").asText());
            assertThat(got.get("outcomes")).isEqualTo(want.get("outcomes"));
            List<String> kinds = new ArrayList<>();
            got.get("timeline").forEach(ev -> kinds.add(ev.get("kind").asText()));
            assertThat(kinds.get(0)).isEqualTo("opened");
            assertThat(kinds.get(kinds.size() - 1)).isEqualTo("closed");
            assertThat(kinds.stream().filter("loyalty<"::equals).count()).isEqualTo(want.get("outcomes").size());
            assertThat(kinds.stream().filter("item+"::equals).count()).isEqualTo(want.get("positions").asLong());
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void receiptNarrowsAndPrettyPrintsXml() {
        String id = firstWithOutcome("TIMEOUT");
        Cli keys = ok("receipt", "--data", data, id, "--only", "keys", "--csv");
        assertThat(keys.out().lines().skip(1).toList()).isNotEmpty().allSatisfy(l -> assertThat(l).contains(",key,"));
        Cli loyalty = ok("receipt", "--data", data, id, "--only", "loyalty", "--xml");
        assertThat(loyalty.out()).contains("loyalty>").contains("TIMEOUT").contains("Тайм-аут запроса / Request timed out")
                .containsPattern("\n +<XMLRequest>\n +<Version>3.2</Version>").doesNotContain("scan ");
        assertThat(loyalty.out()).doesNotContainPattern("card=\\d{16}");
        assertThat(Cli.run("receipt", "--data", data, "AX1B/POS01/999/999/" + day).exitCode()).isEqualTo(3);
        Cli bad = Cli.run("receipt", "--data", data, "not-an-id");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("store/register/shift/receipt/date");
        assertThat(Cli.run("receipt", "--data", data, id, "--only", "everything").exitCode()).isEqualTo(2);
    }

    @Test
    void itemsAndKeysAreOneLineEach() throws IOException {
        String id = firstWithOutcome("TIMEOUT");
        JsonNode t = JSON.readTree(ok("receipt", "--data", data, id, "--json").out());
        int positions = t.get("transaction").get("positions").size() + t.get("transaction").get("removed").size();
        int keys = t.get("transaction").get("keyPresses").size();
        assertThat(ndjson(ok("items", "--data", data, "--id", id, "--ndjson").out())).hasSize(positions)
                .allSatisfy(r -> assertThat(r.get("receipt").asText()).isEqualTo(id));
        List<JsonNode> k = ndjson(ok("keys", "--data", data, "--id", id, "--ndjson").out());
        assertThat(k).hasSize(keys);
        Cli csv = ok("items", "--data", data, "--store", "AX1B", "--register", "POS01", "--from", day + "T14:00", "--to", day + "T15:00", "--csv");
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("time,receipt,pos,sku,barcode,name,qty");
        assertThat(Cli.run("keys", "--data", data, "--store", "AX1B", "--from", "2020-01-01", "--to", "2020-01-02").exitCode()).isEqualTo(3);
    }

    @Test
    void grepShowsMatchesInContext() throws IOException {
        List<JsonNode> hits = ndjson(ok("grep", "--data", data, "--store", "17W0", "SocketTimeoutException", "--ndjson").out());
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.get("match").asBoolean()).isTrue());
        long timeoutReceipts = ndjson(ok("receipts", "--data", data, "--store", "17W0", "--outcome", "TIMEOUT", "--ndjson").out()).size();
        assertThat(hits.stream().map(h -> h.get("receipt").asText()).distinct().count()).isEqualTo(timeoutReceipts);
        List<JsonNode> ctx = ndjson(ok("grep", "--data", data, "--store", "17W0", "-C", "1", "SocketTimeoutException", "--ndjson").out());
        assertThat(ctx.size()).isGreaterThan(hits.size());
        Cli table = ok("grep", "--data", data, "--store", "17W0", "-i", "sockettimeoutexception");
        assertThat(table.out()).contains("17W0/POS").containsPattern("pos-\\d{4}-\\d\\d-\\d\\d\\.log:\\d+: ");
        Cli colour = ok("grep", "--data", data, "--store", "17W0", "--color", "always", "SocketTimeoutException");
        assertThat(colour.out()).contains(ESC + "1;31mSocketTimeoutException");
        assertThat(Cli.run("grep", "--data", data, "no such text anywhere").exitCode()).isEqualTo(3);
        Cli bad = Cli.run("grep", "--data", data, "(unclosed");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("bad PATTERN");
    }

    @Test
    void exportWritesAVerifiableBundleWithoutCardNumbers() throws Exception {
        Path out = tmp.resolve("ticket-1");
        Cli r = ok("export", "--data", data, "--store", "URMY", "--register", "POS01", "--out", out.toString());
        assertThat(r.out()).contains("bundle");
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        long receipts = ndjson(ok("receipts", "--data", data, "--store", "URMY", "--register", "POS01", "--ndjson", "--limit", "5000").out()).size();
        assertThat(manifest.get("counts").get("receipts").asLong()).isEqualTo(receipts);
        assertThat(manifest.get("filters").get("store").asText()).isEqualTo("URMY");
        assertThat(Files.readAllLines(out.resolve("transactions.ndjson"))).hasSize((int) receipts);
        long entries = 0;
        for (JsonNode f : manifest.get("files")) {
            byte[] bytes = Files.readAllBytes(out.resolve(f.get("path").asText()));
            assertThat(bytes.length).isEqualTo(f.get("bytes").asInt());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(f.get("sha256").asText());
            if (f.get("path").asText().startsWith("raw/")) {
                String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                // URMY/POS01 is the old build that logs full PANs; none may leave in a bundle, nor any loyalty card
                for (JsonNode pan : expected.get("full_pans")) assertThat(text).doesNotContain(pan.asText());
                expected.get("cards").fieldNames().forEachRemaining(card -> assertThat(text).doesNotContain(card));
                assertThat(text).contains("Receipt opened").containsPattern("pan=\\d{6}\\*+\\d{4}");
                entries += text.lines().filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:.*")).count();
            }
        }
        assertThat(entries).isEqualTo(manifest.get("counts").get("raw_entries").asLong());
        assertThat(Cli.run("export", "--data", data, "--store", "URMY", "--out", out.toString()).exitCode()).isEqualTo(1); // not empty

        Path zip = tmp.resolve("ticket-2.zip");
        String id = firstWithOutcome("HTTP_502");
        JsonNode summary = JSON.readTree(ok("export", "--data", data, "--id", id, "--out", zip.toString(), "--json").out());
        assertThat(summary.get("receipts").asInt()).isEqualTo(1);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.getEntry("manifest.json")).isNotNull();
            assertThat(z.getEntry("transactions.ndjson")).isNotNull();
            assertThat(z.stream().filter(e -> e.getName().startsWith("raw/" + id.substring(0, 4) + "/")).count()).isEqualTo(1);
        }
        assertThat(Cli.run("export", "--data", data, "--store", "N4NJ", "--outcome", "TIMEOUT", "--out", tmp.resolve("t3").toString()).exitCode()).isEqualTo(3);
        assertThat(Files.exists(tmp.resolve("t3"))).isFalse();
        assertThat(Cli.run("export", "--data", data, "--out", tmp.resolve("t4").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void explainUsesTheSharedDictionary() throws IOException {
        Cli r = ok("explain", "CardBlocked");
        assertThat(r.out()).contains("Карта заблокирована / Card blocked");
        assertThat(r.out().indexOf("Карта")).isLessThan(r.out().indexOf("Card blocked"));
        JsonNode j = JSON.readTree(ok("explain", "HTTP_502", "--json").out());
        assertThat(j.get("critical").asBoolean()).isTrue();
        assertThat(j.get("title_ru").asText()).isNotBlank();
        assertThat(ok("explain", "LOY_TIMEOUT").out()).contains("LOY_TIMEOUT");
        assertThat(ok("explain", "--list", "--csv").out().lines().count()).isGreaterThan(20);
        assertThat(Cli.run("explain", "NoSuchThing").exitCode()).isEqualTo(3);
        assertThat(Cli.run("explain").exitCode()).isEqualTo(2);
    }

    @Test
    void outputFormatsAndColour() throws IOException {
        String[] base = {"receipts", "--data", data, "--store", "KY9A", "--outcome", "DeviceNotFound", "--limit", "3"};
        Cli table = ok(base);
        assertThat(table.out()).contains("251 receipt(s)").contains("showing 3").contains("+03:00").doesNotContain(ESC);
        assertThat(table.out().lines().skip(1).findFirst().orElseThrow()).startsWith("closed (store time)");
        Cli coloured = ok(concat(base, "--color", "always"));
        assertThat(coloured.out()).contains(ESC + "1;31mOK FAILED");
        assertThat(JSON.readTree(ok(concat(base, "--json")).out())).hasSize(3);
        assertThat(ndjson(ok(concat(base, "--ndjson")).out())).hasSize(3);
        List<String> csv = ok(concat(base, "--csv")).out().lines().toList();
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("id,store,register,status,total");
        Cli both = Cli.run(concat(base, "--json", "--csv"));
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("choose one of");
    }

    @Test
    void usageErrorsExitTwoWithAReason() {
        Cli badTime = Cli.run("receipts", "--data", data, "--from", "yesterday");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err()).contains("from must be a store-local time").contains("Usage: tillwatch receipts");
        assertThat(Cli.run("receipts", "--data", data, "--status", "DONE").exitCode()).isEqualTo(2);
        assertThat(Cli.run("receipts", "--data", data, "--store", "toolong").exitCode()).isEqualTo(2);
        assertThat(Cli.run("receipts", "--data", data, "--min-total", "lots").exitCode()).isEqualTo(2);
        assertThat(Cli.run("receipts", "--data", data, "--server", "http://127.0.0.1:1").exitCode()).isEqualTo(2);
        assertThat(Cli.run("receipts").exitCode()).isEqualTo(2);
        assertThat(Cli.run("tail", "--data", data).exitCode()).isEqualTo(2);
        Cli noIndex = Cli.run("receipts", "--data", tmp.resolve("absent").toString());
        assertThat(noIndex.exitCode()).isEqualTo(1);
        assertThat(noIndex.err().strip()).startsWith("tillwatch: no index in");
        Cli unreachable = Cli.run("receipts", "--server", "http://127.0.0.1:1", "--store", "AX1B");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot reach the collector");
    }

    @Test
    void helpEverywhereWithExamplesAndCompletion() {
        for (String cmd : new String[] {"receipt", "receipts", "items", "keys", "errors", "grep", "tail", "export", "explain", "completion"}) {
            Cli r = ok(cmd, "--help");
            assertThat(r.out()).as(cmd).contains("Usage: tillwatch " + cmd).contains("Examples / примеры:");
        }
        Cli bash = ok("completion", "bash");
        assertThat(bash.out()).contains("complete -F").contains("receipts").contains("--has-promo").contains("grep");
        Cli zsh = ok("completion", "zsh");
        assertThat(zsh.out()).startsWith("#compdef tillwatch").contains("bashcompinit");
    }

    @Test
    void readsWhileAWriterHoldsTheIndex() throws IOException {
        // The collector keeps an IndexWriter (and its write.lock) open all the time: the organizer must still read.
        Path copy = tmp.resolve("live");
        copyTree(Path.of(data), copy);
        try (TransactionIndexWriter writer = TransactionIndexWriter.open(copy, CardKeys.forDataDir(copy, Map.of(), false))) {
            Cli r = ok("receipts", "--data", copy.toString(), "--store", "AX1B", "--date", day, "--ndjson", "--limit", "5000");
            assertThat(r.out().lines().count()).isEqualTo(expected.get("stores").get("AX1B").get("receipts").asLong());
            assertThat(writer.documents()).isPositive();
        }
    }

    private static String firstWithOutcome(String outcome) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("transactions").fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().get("outcomes").toString().contains("\"" + outcome + "\"")) return e.getKey();
        }
        throw new AssertionError("no expected transaction with " + outcome);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (!p.getFileName().toString().equals("write.lock")) Files.copy(p, t);
            }
        }
    }
}
