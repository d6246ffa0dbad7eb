package org.tillwatch.domain.assemble;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.MalformedLine;
import org.tillwatch.domain.parse.ReferenceDialect;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterAssemblerTest {
    static final RegisterKey KEY = new RegisterKey("37S0", "POS01");
    final List<Transaction> transactions = new ArrayList<>();
    final List<LoyaltyRequest> between = new ArrayList<>();
    final List<TagEvent> tagsBetween = new ArrayList<>();
    final List<MalformedLine> malformed = new ArrayList<>();

    void read(String log) {
        Store store = new Store("37S0", "Ленина 5", "UTF-8", "Moscow", ZoneId.of("Europe/Moscow"), null, null, StandardCharsets.UTF_8, true);
        RegisterPipeline p = new RegisterPipeline(KEY, store, new ReferenceDialect(), new AssemblyListener() {
            @Override public void transaction(Transaction t) { transactions.add(t); }
            @Override public void registerRequest(RegisterKey r, LoyaltyRequest q) { between.add(q); }
            @Override public void registerTag(RegisterKey r, TagEvent t) { tagsBetween.add(t); }
        }, malformed::add);
        p.startFile("test.log");
        byte[] b = log.getBytes(StandardCharsets.UTF_8);
        p.feed(b, 0, b.length);
        p.endOfFile();
        p.finish();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = RegisterAssemblerTest.class.getResourceAsStream("RegisterAssemblerTest-" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSpecsReceiptInFull() throws IOException {
        read(resource("receipt-in-full.log"));
        assertThat(malformed).isEmpty();
        Transaction t = transactions.get(0);
        assertThat(t.id().toString()).isEqualTo("37S0/POS01/205/217/2026-11-20");
        assertThat(t.status()).isEqualTo(ReceiptStatus.OK);
        assertThat(t.total()).isEqualByComparingTo("289.97");
        assertThat(t.positions()).hasSize(2);
        assertThat(t.promoPositions()).isEqualTo(1);
        assertThat(t.outcomeNames()).containsExactly("Ok", "Ok");
        assertThat(t.accrued()).isEqualByComparingTo("4.50");
        assertThat(t.loyalty()).isTrue();
        assertThat(t.failed()).isFalse();
        assertThat(t.keyPresses()).extracting(k -> k.key()).containsExactly("PLU", "CARD", "SUBTOTAL");
        assertThat(t.card()).get().extracting(c -> c.last4()).isEqualTo("1234");
        assertThat(t.requests().get(0).lineAccruals()).singleElement().extracting(l -> l.reason()).isEqualTo("PROMO");
        assertThat(t.payments()).singleElement().extracting(p -> p.pan()).isEqualTo("220070******1234");
        assertThat(t.fiscal().fd()).isEqualTo("48213");
        assertThat(t.raw()).hasSize(15);
        assertThat(t.closedAt().toString()).isEqualTo("2026-11-20T10:32:11.400Z");
    }

    static final String OPEN = "2026-11-20 10:00:00.000 INFO  [PurchaseManager] Receipt opened: shift=1 receipt=%d type=SALE cashier=7\n";
    static final String CALC = "2026-11-20 10:00:01.000 DEBUG [LoymaxUtils] Loymax request:\n<XMLRequest><CalculateRequest><OperationID>%s</OperationID></CalculateRequest></XMLRequest>\n";
    static final String CONFIRM = "%s DEBUG [LoymaxUtils] Loymax request:\n<XMLRequest><ConfirmRequest><OperationID>%s</OperationID></ConfirmRequest></XMLRequest>\n";
    static final String OK = "%s DEBUG [LoymaxUtils] Loymax response (10 ms):\n<XMLResponse><ErrorCode>0</ErrorCode><%sResponse><OperationID>%s</OperationID><ErrorCode>0</ErrorCode><Bonus Accrued=\"%s\"/></%sResponse></XMLResponse>\n";
    static final String CLOSE = "%s INFO  [PurchaseManager] Receipt closed: shift=1 receipt=%d total=10.00 status=%s\n";

    @Test
    void receiptEndsIncompleteAtTheNextOpeningAndItsOpenRequestIsNoResponse() {
        read(OPEN.formatted(1) + CALC.formatted("a1") + OPEN.replace("10:00:00", "10:05:00").formatted(2)
                + CLOSE.formatted("2026-11-20 10:06:00.000", 2, "OK"));
        assertThat(transactions).extracting(Transaction::status).containsExactly(ReceiptStatus.INCOMPLETE, ReceiptStatus.OK);
        Transaction incomplete = transactions.get(0);
        assertThat(incomplete.outcomeNames()).containsExactly("NO_RESPONSE");
        assertThat(incomplete.loyalty()).isFalse();
        assertThat(incomplete.closed().toString()).isEqualTo("2026-11-20T10:00:01");
    }

    @Test
    void receiptEndsIncompleteAtShiftCloseAndAfterThirtyMinutesOfSilence() {
        read(OPEN.formatted(1) + "2026-11-20 10:10:00.000 INFO  [CashManager] Shift closed: shift=1 receipts=1\n"
                + OPEN.replace("10:00:00", "11:00:00").formatted(2)
                + "2026-11-20 11:30:00.000 DEBUG [Heartbeat] alive\n"
                + "2026-11-20 12:00:00.001 INFO  [SyncService] Price list updated: items=1\n"
                + CLOSE.formatted("2026-11-20 12:00:01.000", 2, "OK"));
        assertThat(transactions).extracting(Transaction::status).containsExactly(ReceiptStatus.INCOMPLETE, ReceiptStatus.INCOMPLETE);
        assertThat(transactions.get(1).closed().toString()).isEqualTo("2026-11-20T11:30");
    }

    @Test
    void silenceOfExactlyThirtyMinutesDoesNotEndTheReceipt() {
        read(OPEN.formatted(1) + CLOSE.formatted("2026-11-20 10:30:00.000", 1, "OK"));
        assertThat(transactions).extracting(Transaction::status).containsExactly(ReceiptStatus.OK);
    }

    @Test
    void failureBelongsToTheLatestRequestWithoutAnOutcome() {
        read(OPEN.formatted(1) + CALC.formatted("a1")
                + OK.formatted("2026-11-20 10:00:02.000", "Calculate", "a1", "5.00", "Calculate")
                + CONFIRM.formatted("2026-11-20 10:00:03.000", "c1")
                + "2026-11-20 10:00:06.000 ERROR [LoymaxUtils] Loymax request failed after 3000 ms: java.net.ConnectException: Connection refused\n"
                + CLOSE.formatted("2026-11-20 10:00:07.000", 1, "OK"));
        Transaction t = transactions.get(0);
        assertThat(t.outcomeNames()).containsExactly("Ok", "CONNECTION");
        assertThat(t.failed()).isTrue();
        assertThat(t.accrued()).isEqualByComparingTo("0");
    }

    @Test
    void offlineConfirmIsPendingAndItsResendBetweenReceiptsCountsForTheRegister() {
        read(OPEN.formatted(1) + CALC.formatted("a1")
                + OK.formatted("2026-11-20 10:00:02.000", "Calculate", "a1", "5.00", "Calculate")
                + CONFIRM.formatted("2026-11-20 10:00:03.000", "c1")
                + "2026-11-20 10:00:06.000 ERROR [LoymaxUtils] Loymax request failed after 3000 ms: java.net.SocketTimeoutException: Read timed out\n"
                + "2026-11-20 10:00:06.001 WARN  [LoyaltyManager] Loyalty tag set: tag=LOY_TIMEOUT\n"
                + "2026-11-20 10:00:06.002 WARN  [LoyaltyManager] Offline mode: queued operation_id=c1 reason=TIMEOUT\n"
                + CLOSE.formatted("2026-11-20 10:00:07.000", 1, "OK")
                + "2026-11-20 10:00:08.000 INFO  [LoyaltyManager] Offline queue sent: count=1\n"
                + "2026-11-20 10:00:08.100 WARN  [LoyaltyManager] Loyalty tag set: tag=LOY_OFFLINE\n"
                + CONFIRM.formatted("2026-11-20 10:00:09.000", "c1")
                + OK.formatted("2026-11-20 10:00:09.500", "Confirm", "c1", "5.00", "Confirm")
                + CONFIRM.formatted("2026-11-20 10:00:10.000", "never-answered"));
        Transaction t = transactions.get(0);
        assertThat(t.outcomeNames()).containsExactly("Ok", "TIMEOUT");
        assertThat(t.pending()).isTrue();
        assertThat(t.accrued()).isEqualByComparingTo("0");
        assertThat(t.hasTag("LOY_TIMEOUT")).isTrue();
        assertThat(between).extracting(r -> r.outcome().name()).containsExactly("Ok");
        assertThat(tagsBetween).extracting(TagEvent::tag).containsExactly("LOY_OFFLINE");
    }

    @Test
    void positionAddedAfterCalculationAndVoidedPositionsShapeTheBasket() {
        String add = "%s INFO  [PurchaseManager] Position added: pos=%d sku=1 name=x qty=1 price=1.00 amount=1.00 promo=%d\n";
        read(OPEN.formatted(1) + add.formatted("2026-11-20 10:00:00.500", 1, 1) + add.formatted("2026-11-20 10:00:00.600", 2, 0)
                + "2026-11-20 10:00:00.700 INFO  [PurchaseManager] Position removed: pos=1\n"
                + CALC.formatted("a1") + add.formatted("2026-11-20 10:00:02.000", 3, 0)
                + CLOSE.formatted("2026-11-20 10:00:07.000", 1, "CANCELLED"));
        Transaction t = transactions.get(0);
        assertThat(t.positions()).extracting(p -> p.pos()).containsExactly(2, 3);
        assertThat(t.promoPositions()).isZero();
        assertThat(t.removed()).extracting(p -> p.pos()).containsExactly(1);
        assertThat(t.changedAfterCalculation()).isTrue();
        assertThat(t.status()).isEqualTo(ReceiptStatus.CANCELLED);
        assertThat(t.outcomeNames()).containsExactly("NO_RESPONSE");
        assertThat(t.failed()).isTrue();
    }

    @Test
    void unknownCodeIsCriticalAndNamedUnknown() {
        read(OPEN.formatted(1) + CALC.formatted("a1")
                + "2026-11-20 10:00:02.000 DEBUG [LoymaxUtils] Loymax response (5 ms):\n<XMLResponse><ErrorCode>77</ErrorCode></XMLResponse>\n"
                + CLOSE.formatted("2026-11-20 10:00:07.000", 1, "OK"));
        LoyaltyRequest r = transactions.get(0).requests().get(0);
        assertThat(r.outcome().name()).isEqualTo("Unknown");
        assertThat(r.outcome().code()).isEqualTo(77);
        assertThat(r.outcome().critical()).isTrue();
    }

    @Test
    void aReceiptWithoutLoyaltyRequestsIsPlainTraffic() {
        read(OPEN.formatted(1) + CLOSE.formatted("2026-11-20 10:00:07.000", 1, "OK"));
        assertThat(transactions.get(0).loyalty()).isFalse();
        assertThat(transactions.get(0).failed()).isFalse();
    }

    @Test
    void unregisteredStoreFallsBackToTheDefaultZone() {
        StoreRegistry registry = StoreRegistry.parse("code,name,format,region,timezone,opens,closes\n", ZoneId.of("Asia/Omsk"));
        assertThat(registry.store("ZZ99").zone()).isEqualTo(ZoneId.of("Asia/Omsk"));
        assertThat(registry.store("ZZ99").registered()).isFalse();
    }
}
