package org.tillwatch.cli.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.cli.TillwatchCommand;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The organizer against a real collector ({@code --server}) prints exactly what it prints over a local data directory
 * holding the same logs; tail follows a receipt pushed while it runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganizerServerTest {
    @TempDir
    static Path tmp;
    static Path fleet;
    static JsonNode expected;
    static String day;
    static String local;
    static String server;
    static CollectorProcess collector;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = TillwatchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void startCollector() throws Exception {
        fleet = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        assumeTrue(Files.isDirectory(fleet), "shared sample fleet not found at " + fleet);
        expected = CollectorProcess.JSON.readTree(fleet.resolve("expected.json").toFile());
        day = expected.get("day").asText();
        local = tmp.resolve("local").toString();
        String stores = fleet.resolve("stores.csv").toString();
        Run indexed = run("index", "--logs", fleet.resolve("logs").toString(), "--stores", stores, "--data", local);
        assertThat(indexed.code()).as(indexed.err()).isZero();
        // one card key for both, so --card finds the same receipts
        collector = CollectorProcess.start(tmp, Map.of("TILLWATCH_CARD_KEY_FILE", Path.of(local, "secrets", "card.key").toString(),
                        "TILLWATCH_INGEST_COMMIT_INTERVAL", "300ms", "TILLWATCH_INGEST_THREADS", "2"),
                "--logs", fleet.resolve("logs").toString(), "--stores", stores, "--data", tmp.resolve("served").toString());
        server = "http://127.0.0.1:" + collector.port;
        long all = expected.get("receipts_total").asLong() + expected.get("incomplete").asLong();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            Run r = run("receipts", "--server", server, "--ndjson", "--limit", "5000");
            if (r.out().lines().count() == all) break;
            if (System.nanoTime() > deadline) throw new AssertionError("collector did not ingest the fleet: " + r.out().lines().count() + "\n" + collector.output());
            Thread.sleep(300);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (collector != null) collector.close();
    }

    private static void same(String... args) {
        String[] withLocal = new String[args.length + 2];
        String[] withServer = new String[args.length + 2];
        withLocal[0] = withServer[0] = args[0];
        withLocal[1] = "--data";
        withLocal[2] = local;
        withServer[1] = "--server";
        withServer[2] = server;
        System.arraycopy(args, 1, withLocal, 3, args.length - 1);
        System.arraycopy(args, 1, withServer, 3, args.length - 1);
        Run l = run(withLocal);
        Run s = run(withServer);
        assertThat(s.code()).as(String.join(" ", args) + "\n" + s.err()).isEqualTo(l.code());
        assertThat(s.out()).as(String.join(" ", args)).isEqualTo(l.out());
        assertThat(l.out()).as(String.join(" ", args)).isNotBlank();
    }

    @Test
    void everyCommandPrintsTheSameForBothSources() {
        String card = expected.get("cards").fieldNames().next();
        String id = expected.get("transactions").fieldNames().next();
        same("receipts", "--store", "AX1B", "--from", day + "T14:00", "--to", day + "T15:00");
        same("receipts", "--store", "17W0", "--from", day + "T16:00", "--to", day + "T18:00", "--json");
        same("receipts", "--card", card, "--date", day, "--json");
        same("receipts", "--tag", "LOY_ERROR", "--has-promo", "--min-total", "500", "--csv", "--limit", "3000");
        same("receipts", "--store", "KY9A", "--newest", "--limit", "1200", "--ndjson"); // more than one server page
        same("errors", "--json");
        same("errors", "--store", "AX1B", "--from", day + "T14:00", "--to", day + "T14:40");
        same("receipt", id, "--xml");
        same("receipt", id, "--json");
        same("items", "--store", "KY9A", "--register", "POS02", "--csv");
        same("keys", "--store", "N4NJ", "--ndjson");
        same("grep", "--store", "17W0", "-C", "1", "SocketTimeoutException");
    }

    @Test
    void serverModeReportsNothingFoundAndBadFiltersTheSameWay() {
        Run none = run("receipts", "--server", server, "--store", "N4NJ", "--outcome", "DeviceNotFound");
        assertThat(none.code()).isEqualTo(3);
        Run missing = run("receipt", "--server", server, "AX1B/POS01/999/1/" + day);
        assertThat(missing.code()).isEqualTo(3);
        Run bad = run("receipts", "--server", server, "--store", "AX1B", "--from", "yesterday");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("from must be a store-local time");
    }

    @Test
    void exportFromTheServerHoldsTheSameBundle() throws IOException {
        Path a = tmp.resolve("bundle-local");
        Path b = tmp.resolve("bundle-server");
        assertThat(run("export", "--data", local, "--store", "URMY", "--date", day, "--out", a.toString()).code()).isZero();
        assertThat(run("export", "--server", server, "--store", "URMY", "--date", day, "--out", b.toString()).code()).isZero();
        JsonNode ma = CollectorProcess.JSON.readTree(a.resolve("manifest.json").toFile());
        JsonNode mb = CollectorProcess.JSON.readTree(b.resolve("manifest.json").toFile());
        assertThat(mb.get("files")).isEqualTo(ma.get("files"));
        assertThat(mb.get("counts")).isEqualTo(ma.get("counts"));
        assertThat(ma.get("counts").get("receipts").asLong()).isEqualTo(expected.get("stores").get("URMY").get("receipts").asLong());
    }

    @Test
    @Order(Integer.MAX_VALUE) // it adds a receipt: the comparisons run before
    void tailFollowsAReceiptPushedWhileItRuns() throws Exception {
        CompletableFuture<Run> tail = CompletableFuture.supplyAsync(() -> run("tail", "--server", server, "--store", "N4NJ",
                "--backlog", "2", "--interval", "PT0.3S", "--for", "PT6S"));
        Thread.sleep(1500);
        String log = String.join("\n",
                "2026-11-20 23:10:00.000 INFO  [CashManager] Shift opened: shift=900 cashier=0001 kkt=1 fn=1",
                "2026-11-20 23:10:01.000 INFO  [PurchaseManager] Receipt opened: shift=900 receipt=1 type=SALE cashier=0001",
                "2026-11-20 23:10:02.000 INFO  [PurchaseManager] Position added: pos=1 sku=1000001 barcode=4600000000001 name=\"Bread\" qty=1 unit=pcs price=50.00 amount=50.00 promo=0 dept=1",
                "2026-11-20 23:10:05.000 INFO  [PaymentManager] Payment: tender=CASH amount=50.00",
                "2026-11-20 23:10:06.000 INFO  [PurchaseManager] Receipt closed: shift=900 receipt=1 total=50.00 status=OK", "");
        HttpResponse<String> pushed = CollectorProcess.HTTP.send(HttpRequest.newBuilder(collector.uri("/api/v1/ingest/N4NJ/POS07"))
                .header("X-Tillwatch-Offset", "0").POST(HttpRequest.BodyPublishers.ofString(log)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
        Run r = tail.join();
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(0, 2)).allSatisfy(l -> assertThat(l).contains("N4NJ/POS01/"));
        assertThat(lines.get(2)).contains("N4NJ/POS07/900/1/2026-11-20").contains("2026-11-20 23:10:06 +05:00").contains("50.00");
    }
}
