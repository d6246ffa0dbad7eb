package org.tillwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** expected.json must agree with itself and with simple counts over the written text. */
class ExpectedJsonTest {
    private static final Pattern MONEY = Pattern.compile("\\d+\\.\\d\\d");
    private static final Pattern CLOSED_UTC = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}000\\+00:00");
    private static final Pattern OPENED_LOCAL = Pattern.compile("2026-11-20T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}000");

    @TempDir
    static Path dir;
    static SimulationTruth truth;
    static String text;

    @BeforeAll
    static void simulate() throws Exception {
        truth = new FleetSimulator().simulate(SimulationConfig.builder().stores(6).registersPerStore(3)
                .receiptsPerRegister(70).seed(99).build(), dir.resolve("fleet"));
        text = FleetFiles.text(dir.resolve("fleet"));
    }

    @Test
    void readsBackEqual() throws Exception {
        assertThat(SimulationTruth.readFrom(dir.resolve("fleet/expected.json"))).isEqualTo(truth);
    }

    @Test
    void storeFiguresAddUp() {
        assertThat(truth.stores().values().stream().mapToInt(StoreTruth::receipts).sum()).isEqualTo(truth.receiptsTotal());
        assertThat(truth.stores().values().stream().mapToInt(StoreTruth::incomplete).sum()).isEqualTo(truth.incomplete());
        assertThat(truth.receiptsTotal()).isEqualTo(FleetFiles.count(text, "Receipt closed:"));
        assertThat(truth.receiptsTotal() + truth.incomplete()).isEqualTo(FleetFiles.count(text, "Receipt opened:"));
        for (Map.Entry<String, StoreTruth> e : truth.stores().entrySet()) {
            StoreTruth s = e.getValue();
            assertThat(s.failed()).isLessThanOrEqualTo(s.loyalty());
            assertThat(s.loyalty()).isLessThanOrEqualTo(s.receipts());
            Map<String, HourCount> hours = truth.hourly().get(e.getKey());
            assertThat(hours.values().stream().mapToInt(HourCount::loyalty).sum()).as(e.getKey()).isEqualTo(s.loyalty());
            assertThat(hours.values().stream().mapToInt(HourCount::failed).sum()).as(e.getKey()).isEqualTo(s.failed());
            assertThat(hours.keySet()).allMatch(k -> k.matches("2026-11-(19|20)T\\d\\d"));
            assertThat(hours.values()).allMatch(h -> h.loyalty() > 0);
        }
    }

    @Test
    void everyRequestHasOneOutcomeAndEveryTagIsCounted() {
        int requests = FleetFiles.count(text, "Loymax request:");
        assertThat(truth.outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(requests);
        Map<String, Integer> tags = new HashMap<>();
        Matcher m = Pattern.compile("Loyalty tag set: tag=(\\w+)").matcher(text);
        while (m.find()) {
            tags.merge(m.group(1), 1, Integer::sum);
        }
        assertThat(truth.tags()).isEqualTo(tags);
        assertThat(truth.outcomes().get("TIMEOUT")).isEqualTo(FleetFiles.count(text, " ms: java.net.SocketTimeoutException: Read timed out\r\n"));
        assertThat(truth.outcomes().get("HTTP_502")).isEqualTo(FleetFiles.count(text, "Loymax HTTP error: status=502"));
    }

    @Test
    void malformedCountMatchesTheText() throws Exception {
        int count = FleetFiles.count(text, " 25:61:07.000 ") + FleetFiles.count(text, " FATAL [")
                + FleetFiles.count(text, "<ErrorCode>0</ErrorCode><B\r\n");
        for (byte[] log : FleetFiles.logs(dir.resolve("fleet")).values()) {
            List<byte[]> lines = FleetFiles.lines(log);
            count += lines.get(lines.size() - 1).length > 0 ? 1 : 0;
            for (byte[] l : lines) {
                boolean invalid = false;
                for (byte b : l) {
                    invalid |= b == (byte) 0x98;
                }
                count += invalid ? 1 : 0;
                count += l.length > 65_536 ? 1 : 0;
            }
        }
        assertThat(truth.malformedLines()).isEqualTo(count).isPositive();
    }

    @Test
    void receiptRecordsAreWellFormed() {
        assertThat(truth.transactions()).isNotEmpty().hasSizeLessThanOrEqualTo(400);
        truth.transactions().forEach((id, r) -> assertThat(r.id()).isEqualTo(id));
        truth.cards().values().forEach(list -> list.forEach(ExpectedJsonTest::wellFormed));
        truth.transactions().values().forEach(ExpectedJsonTest::wellFormed);
        // failed, changed and cancelled receipts go into the sample first
        long interesting = truth.transactions().values().stream()
                .filter(r -> r.failed() || r.bag() || r.pending() || r.status().equals("CANCELLED")).count();
        assertThat(interesting).isGreaterThan(truth.transactions().size() / 4);
    }

    private static void wellFormed(ReceiptTruth r) {
        assertThat(r.id()).startsWith(r.store() + "/" + r.register() + "/").endsWith("/2026-11-20");
        assertThat(r.status()).isIn("OK", "CANCELLED");
        assertThat(r.total()).matches(MONEY);
        assertThat(r.accrued()).matches(MONEY);
        assertThat(r.closedUtc()).matches(CLOSED_UTC);
        assertThat(r.openedLocal()).matches(OPENED_LOCAL);
        assertThat(r.loyalty()).isEqualTo(!r.outcomes().isEmpty());
        assertThat(r.promoPositions()).isLessThanOrEqualTo(r.positions());
        if (r.failed()) {
            assertThat(r.loyalty()).isTrue();
            assertThat(r.outcomes()).anyMatch(o -> o.equals("TIMEOUT") || o.equals("CONNECTION") || o.equals("NO_RESPONSE")
                    || o.startsWith("HTTP_") || o.equals("SystemError") || o.equals("DeviceNotFound"));
        }
        if (r.pending()) {
            assertThat(r.accrued()).isEqualTo("0.00");
            assertThat(r.outcomes()).last().isEqualTo("TIMEOUT");
        }
        if (r.bag()) {
            assertThat(r.outcomes()).filteredOn("Ok"::equals).hasSizeGreaterThanOrEqualTo(2);
        }
        if (!r.accrued().equals("0.00")) {
            assertThat(r.outcomes()).last().isEqualTo("Ok");
        }
    }

    @Test
    void cardsListEveryReceiptOfTheCard() {
        assertThat(truth.cards()).isNotEmpty();
        truth.cards().forEach((card, receipts) -> {
            assertThat(card).matches("7000\\d{12}");
            // incomplete receipts never scan a card, so every scan belongs to a closed receipt
            assertThat(receipts).hasSize(FleetFiles.count(text, "card=" + card + " entry="));
            assertThat(receipts).isSortedAccordingTo(java.util.Comparator.comparing(ReceiptTruth::closedUtc));
        });
    }

    @Test
    void largeFleetsListASampleOfCardsWithAllTheirReceipts(@TempDir Path capped) throws Exception {
        SimulationTruth t = new FleetSimulator().simulate(SimulationConfig.builder().stores(4).registersPerStore(2)
                .receiptsPerRegister(60).cardSampleLimit(12).transactionSampleLimit(25).build(), capped.resolve("f"));
        String capText = FleetFiles.text(capped.resolve("f"));
        assertThat(t.cards()).isNotEmpty().hasSizeLessThanOrEqualTo(12);
        assertThat(t.transactions()).hasSize(25);
        t.cards().forEach((card, receipts) ->
                assertThat(receipts).hasSize(FleetFiles.count(capText, "card=" + card + " entry=")));
    }
}
