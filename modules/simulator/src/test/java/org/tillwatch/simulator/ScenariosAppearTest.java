package org.tillwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every enabled scenario must really be in the written logs: checked on the text, not with a parser. */
class ScenariosAppearTest {
    @TempDir
    static Path dir;
    static SimulationTruth truth;
    static String text;
    static Map<String, byte[]> logs;

    @BeforeAll
    static void simulate() throws Exception {
        SimulationConfig cfg = SimulationConfig.builder().stores(7).registersPerStore(3).receiptsPerRegister(80)
                .seed(2026).unregisteredStores(1).build();
        truth = new FleetSimulator().simulate(cfg, dir.resolve("fleet"));
        logs = FleetFiles.logs(dir.resolve("fleet"));
        text = FleetFiles.text(dir.resolve("fleet"));
    }

    @Test
    void storeOutageTimesOutEveryRequestInItsWindow() {
        Map<String, String> s = truth.scenarios().get("store_outage");
        String store = s.get("store");
        String storeText = storeText(store);
        String from = s.get("local").substring(0, 5);
        String to = s.get("local").substring(6);
        Matcher m = Pattern.compile("(\\d\\d:\\d\\d):\\d\\d\\.\\d{3} DEBUG \\[LoymaxUtils] Loymax request:\\r\\n"
                + "(?:<XMLRequest>\\r\\n(?:[^\\r]*\\r\\n){5}|[^\\r]*\\r\\n)"
                + "\\d{4}-\\d\\d-\\d\\d [\\d:.]+ (\\w+)\\s+\\[LoymaxUtils] ([^\\r]*)").matcher(storeText);
        int inWindow = 0;
        while (m.find()) {
            String hhmm = m.group(1);
            if (hhmm.compareTo(from) >= 0 && hhmm.compareTo(to) < 0) {
                inWindow++;
                assertThat(m.group(3)).startsWith("Loymax request failed after")
                        .endsWith("ms: java.net.SocketTimeoutException: Read timed out");
            }
        }
        assertThat(inWindow).isPositive();
        assertThat(storeText).contains("\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)",
                "Loyalty tag set: tag=LOY_TIMEOUT");
    }

    @Test
    void chainIncidentGivesGatewayErrors() {
        assertThat(truth.scenarios().get("chain_incident").get("utc")).matches("\\d\\d:\\d\\d-\\d\\d:\\d\\d");
        assertThat(text).containsPattern(
                "WARN  \\[LoymaxUtils] Loymax HTTP error: status=502 gateway_key=GATEWAY_CLIENT_CONNECTION_ERROR \\(\\d+ ms\\)");
        assertThat(truth.outcomes().get("HTTP_502")).isPositive();
    }

    @Test
    void deviceMissingStoreGetsDeviceNotFoundOnEveryRequest() {
        String store = truth.scenarios().get("device_missing").get("store");
        String storeText = storeText(store);
        int requests = FleetFiles.count(storeText, "Loymax request:");
        assertThat(requests).isPositive();
        assertThat(FleetFiles.count(storeText, "<ErrorCode>30</ErrorCode><Message>DeviceNotFound</Message>"))
                .isEqualTo(requests);
        assertThat(FleetFiles.count(storeText, "tag=LOY_ERROR")).isEqualTo(requests);
        StoreTruth st = truth.stores().get(store);
        assertThat(st.failed()).isEqualTo(st.loyalty()).isPositive();
    }

    @Test
    void degradedAndSmallStoresAreDescribed() {
        assertThat(truth.scenarios().get("degraded")).containsKeys("store", "local", "what");
        String small = truth.scenarios().get("small").get("store");
        assertThat(truth.stores().get(small).registers()).isEqualTo(1);
        assertThat(truth.stores().get(small).receipts()).isLessThan(30);
    }

    @Test
    void customerSideRefusalsAreTaggedCardDeclined() {
        for (String name : List.of("CardNotFound", "CardBlocked", "CardExpired", "CardNotActivated", "QrCodeExpired")) {
            assertThat(text).as(name).contains("<Message>" + name + "</Message>");
            assertThat(truth.outcomes()).containsKey(name);
        }
        assertThat(text).containsPattern("entry=QR qr_age_s=\\d+");
        assertThat(text).contains("<ErrorCode>20</ErrorCode><Message>NotEnoughMoney</Message><PaymentResponse>");
        assertThat(text).contains("<Redeem Amount=\"", "Payment: tender=BONUS amount=");
        assertThat(text).contains("tag=CARD_DECLINED");
        // the inner ErrorCode alone carries the refusal: the inner one wins
        assertThat(text).containsPattern("<XMLResponse><ErrorCode>0</ErrorCode><CalculateResponse><OperationID>"
                + "[0-9a-f]{32}</OperationID><ErrorCode>11</ErrorCode><CashierMessage>");
    }

    @Test
    void systemAndConnectionErrorsAppear() {
        assertThat(text).contains("<ErrorCode>1</ErrorCode><Message>SystemError</Message>");
        assertThat(text).containsPattern("Loymax request failed after \\d+ ms: java.net.(ConnectException: Connection"
                + " refused|NoRouteToHostException: No route to host|SocketException: Connection reset)");
        assertThat(truth.outcomes()).containsKeys("SystemError", "CONNECTION", "TIMEOUT", "NO_RESPONSE");
    }

    @Test
    void offlineQueuedConfirmIsResentBetweenReceipts() {
        Matcher queued = Pattern.compile("Offline mode: queued operation_id=([0-9a-f]{32}) reason=TIMEOUT").matcher(text);
        assertThat(queued.find()).isTrue();
        String op = queued.group(1);
        int after = queued.end();
        String rest = text.substring(after);
        assertThat(rest).contains("Loyalty tag set: tag=LOY_OFFLINE");
        int sent = rest.indexOf("Offline queue sent: count=");
        assertThat(sent).isPositive();
        // the resend follows a Receipt closed, before the next Receipt opened, with the same OperationID
        String beforeSent = rest.substring(0, rest.lastIndexOf("\r\n", sent));
        assertThat(beforeSent.substring(beforeSent.lastIndexOf("\r\n2026-") + 2)).contains("Receipt closed:");
        String resend = rest.substring(sent, rest.indexOf("Receipt opened:", sent));
        assertThat(resend).contains("<ConfirmRequest><OperationID>" + op + "</OperationID>");
        assertThat(resend).contains("<ConfirmResponse><OperationID>" + op + "</OperationID><ErrorCode>0</ErrorCode>");
        assertThat(truth.tags()).containsKey("LOY_OFFLINE");
    }

    @Test
    void bagAfterSubtotalEndsInDifferentCheque() {
        Matcher bag = Pattern.compile("Key pressed: key=BACK screen=PAYMENT\\r\\n[^\\r]*Position added: pos=\\d+ "
                + "sku=9000001 name=Пакет-майка qty=1 unit=pcs price=7.99 amount=7.99 promo=0 dept=99\\r\\n"
                + "[^\\r]*Loyalty tag set: tag=RCPT_CHANGED\\r\\n[^\\r]*key=SUBTOTAL").matcher(text);
        assertThat(bag.find()).isTrue();
        String receiptRest = text.substring(bag.end(), text.indexOf("Receipt closed:", bag.end()));
        assertThat(receiptRest).contains("<CalculateRequest>", "<ErrorCode>45</ErrorCode><Message>DifferentCheque");
    }

    @Test
    void cancelledAndIncompleteReceiptsAppear() {
        assertThat(text).contains("key=CANCEL screen=SALE", "<CancelRequest>", "status=CANCELLED");
        // an incomplete receipt: opened, then the next one opens (or the shift closes) before any close
        Matcher m = Pattern.compile("Receipt opened: shift=\\d+ receipt=(\\d+)").matcher(text);
        int incomplete = 0;
        int last = -1;
        while (m.find()) {
            if (last >= 0 && !text.substring(last, m.start()).contains("Receipt closed:")) {
                incomplete++;
            }
            last = m.start();
        }
        assertThat(incomplete).isPositive();
        assertThat(truth.incomplete()).isGreaterThanOrEqualTo(incomplete);
        assertThat(text).contains("type=RETURN", "Position removed: pos=", "key=VOID", "BalanceRequest");
        assertThat(text).containsPattern("rc=(05|51|55|91) ");
    }

    @Test
    void oldBuildLogsFullLuhnValidPans() {
        Map<String, String> s = truth.scenarios().get("old_build");
        assertThat(truth.fullPans()).isNotEmpty();
        String regText = new String(logs.entrySet().stream()
                .filter(e -> e.getKey().startsWith("logs/" + s.get("store") + "/" + s.get("register") + "/"))
                .findFirst().orElseThrow().getValue(), FleetFiles.CP1251);
        for (String pan : truth.fullPans()) {
            assertThat(pan).hasSize(16);
            assertThat(Payments.luhnValid(pan)).as(pan).isTrue();
            assertThat(regText).contains("pan=" + pan + " ");
        }
        Matcher any = Pattern.compile("pan=(\\d{16}) ").matcher(text);
        while (any.find()) {
            assertThat(truth.fullPans()).contains(any.group(1));
        }
        assertThat(text).containsPattern("pan=\\d{6}\\*{6}\\d{4} ");
    }

    @Test
    void malformedLinesOfEveryKind() {
        assertThat(text).contains("2026-11-20 25:61:07.000 INFO  [SyncService]", " FATAL [Watchdog] restart requested");
        assertThat(logs.values()).anyMatch(b -> indexOf(b, (byte) 0x98) >= 0);
        assertThat(logs.values()).anyMatch(b -> FleetFiles.lines(b).stream().anyMatch(l -> l.length > 65_536));
        assertThat(logs.values()).anyMatch(b -> b.length > 0 && b[b.length - 1] != '\n');
        assertThat(text).containsPattern("Loymax response \\(\\d+ ms\\):\\r\\n<XMLResponse>[^\\r]*<B\\r\\n");
        assertThat(text).contains("<XMLRequest>\r\n  <Version>3.2</Version>\r\n");
    }

    @Test
    void unregisteredStoreIsLoggedButNotInTheRegistry() throws Exception {
        String csv = Files.readString(dir.resolve("fleet/stores.csv"));
        assertThat(csv).startsWith("code,name,format,region,timezone,opens,closes\n");
        String code = truth.scenarios().get("unregistered").get("stores");
        assertThat(csv).doesNotContain(code + ",");
        assertThat(truth.stores().get(code).registered()).isFalse();
        assertThat(truth.stores().get(code).timezone()).isEqualTo("Europe/Moscow");
        assertThat(Files.isDirectory(dir.resolve("fleet/logs/" + code))).isTrue();
        assertThat(csv.lines().count()).isEqualTo(1 + truth.stores().size() - 1);
    }

    @Test
    void noScenariosMeansAQuietDay(@TempDir Path quiet) throws Exception {
        SimulationTruth t = new FleetSimulator().simulate(SimulationConfig.builder().stores(4).registersPerStore(2)
                .receiptsPerRegister(40).noScenarios().build(), quiet.resolve("f"));
        String q = FleetFiles.text(quiet.resolve("f"));
        assertThat(t.scenarios()).isEmpty();
        assertThat(t.fullPans()).isEmpty();
        assertThat(t.malformedLines()).isZero();
        assertThat(q).doesNotContain("DeviceNotFound", "status=502", "25:61", "FATAL");
        assertThat(t.stores().values()).allMatch(s -> s.registers() == 2);
    }

    private static String storeText(String store) {
        StringBuilder sb = new StringBuilder();
        logs.forEach((k, v) -> {
            if (k.startsWith("logs/" + store + "/")) {
                sb.append(new String(v, FleetFiles.CP1251));
            }
        });
        return sb.toString();
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
