package org.tillwatch.domain.parse;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDialectTest {
    final ReferenceDialect d = new ReferenceDialect();

    Dialect.Result parse(String first, String... cont) {
        return d.parse("f.log", 1, first, List.of(cont));
    }

    @Test
    void readsAPositionWithQuotedAndEscapedValues() {
        var r = parse("2026-11-20 13:31:59.020 INFO  [PurchaseManager] Position added: pos=1 sku=3456789 "
                + "name=\"Сок \\\"Добрый\\\" 1л\" qty=1.5 unit=kg price=89.99 amount=134.99 promo=1 dept=12 extra=ignored");
        var p = ((LogEvent.PositionAdded) r.event()).position();
        assertThat(p.name()).isEqualTo("Сок \"Добрый\" 1л");
        assertThat(p.qty()).isEqualByComparingTo("1.5");
        assertThat(p.promo()).isTrue();
    }

    @Test
    void unquotedNamesAreOneWord() {
        var r = parse("2026-11-20 10:22:22.748 INFO  [PurchaseManager] Position added: pos=7 sku=9000001 name=Пакет-майка qty=1 unit=pcs price=7.99 amount=7.99 promo=0 dept=99");
        assertThat(((LogEvent.PositionAdded) r.event()).position().name()).isEqualTo("Пакет-майка");
    }

    @Test
    void missingRequiredKeyIsMalformed() {
        assertThat(parse("2026-11-20 13:32:11.400 INFO  [PurchaseManager] Receipt closed: shift=205 receipt=217 status=OK").problem())
                .contains("missing key total");
    }

    @Test
    void unparsableValueIsMalformed() {
        assertThat(parse("2026-11-20 13:32:11.400 INFO  [PurchaseManager] Receipt closed: shift=205 receipt=217 total=12,5 status=OK").problem())
                .contains("total is not a decimal");
        assertThat(parse("2026-11-20 13:32:11.400 INFO  [PurchaseManager] Receipt closed: shift=205 receipt=217 total=1 status=MAYBE").problem())
                .contains("status");
    }

    /** Found by IngestPushFuzzTest: a total of 10^20 overflowed the index's cents and killed the ingest thread. */
    @Test
    void amountTooLargeForCentsIsMalformed() {
        assertThat(parse("2026-11-20 13:32:11.400 INFO  [PurchaseManager] Receipt closed: shift=1 receipt=2 total=99999999999999999999.99 status=OK").problem())
                .isEqualTo("total is out of range: 99999999999999999999.99");
        assertThat(parse("2026-11-20 13:32:11.400 INFO  [PurchaseManager] Receipt closed: shift=1 receipt=2 total=999999999999999.99 status=OK").event())
                .isInstanceOf(LogEvent.ReceiptClosed.class);
    }

    /** An exponent amount (1E+999999999) would have made summing or converting it to cents take the whole heap. */
    @Test
    void amountWithAHugeExponentIsMalformed() {
        assertThat(parse("2026-11-20 13:31:59.020 INFO  [PaymentManager] Payment: tender=CASH amount=1E+999999999").problem())
                .isEqualTo("amount is out of range: 1E+999999999");
        assertThat(parse("2026-11-20 13:31:59.020 INFO  [PaymentManager] Payment: tender=CASH amount=1E-999999999").problem())
                .isEqualTo("amount is out of range: 1E-999999999");
        var response = parse("2026-11-20 13:31:59.020 DEBUG [LoymaxUtils] Loymax response (5 ms):",
                "<XMLResponse><PaymentResponse><ErrorCode>0</ErrorCode><Bonus Redeemed=\"1E+999999999\"/></PaymentResponse></XMLResponse>");
        assertThat(response.problem()).isEqualTo("Redeemed is out of range: 1E+999999999");
    }

    @Test
    void badTimeUnknownLevelAndCutLinesAreMalformed() {
        assertThat(parse("2026-11-20 25:61:07.000 INFO  [SyncService] Price list updated: items=12").problem()).contains("date or time");
        assertThat(parse("2026-02-30 10:00:00.000 INFO  [SyncService] x").problem()).contains("date or time");
        assertThat(parse("2026-11-20 23:59:58.100 FATAL [Watchdog] restart requested").problem()).contains("unknown level");
        assertThat(parse("2026-11-20 23:59:5").problem()).isNotNull();
    }

    @Test
    void unlistedComponentsAndMessagesAreNoise() {
        assertThat(parse("2026-11-20 06:55:27.984 DEBUG [Heartbeat] alive uptime=27495").event()).isInstanceOf(LogEvent.Noise.class);
        assertThat(parse("2026-11-20 06:55:27.984 ERROR [FiscalPrinter] Printer error: paper out", "ru.crystals.PrinterException: paper out").event())
                .isInstanceOf(LogEvent.Noise.class);
    }

    @Test
    void prettyPrintedRequestIsRead() {
        var r = parse("2026-11-20 16:56:48.272 DEBUG [LoymaxUtils] Loymax request:", "<XMLRequest>", "  <Version>3.2</Version>",
                "  <PaymentRequest>", "    <OperationID>abc</OperationID><PurchaseID>1</PurchaseID><Identifier Type=\"Auto\" Value=\"7000123412341234\"/><Redeem Amount=\"50.00\"/>",
                "  </PaymentRequest>", "</XMLRequest>");
        var e = (LogEvent.LoyaltyRequestSent) r.event();
        assertThat(e.operation()).isEqualTo(org.tillwatch.domain.model.Operation.PAYMENT);
        assertThat(e.card()).isEqualTo("7000123412341234");
        assertThat(e.redeem()).isEqualByComparingTo("50.00");
    }

    @Test
    void innerErrorCodeWinsAndPerLineAccrualsAreKept() {
        var r = parse("2026-11-20 10:22:35.605 DEBUG [LoymaxUtils] Loymax response (234 ms):",
                "<XMLResponse><ErrorCode>0</ErrorCode><CalculateResponse><OperationID>x</OperationID><ErrorCode>45</ErrorCode>"
                        + "<Bonus Accrued=\"4.50\" Redeemed=\"0.00\" Balance=\"345.20\"/><ChequeLine PosID=\"2\" Accrued=\"0.00\" Reason=\"PROMO\"/>"
                        + "<CashierMessage>Чек изменён</CashierMessage></CalculateResponse></XMLResponse>");
        var e = (LogEvent.LoyaltyResponse) r.event();
        assertThat(e.errorCode()).isEqualTo(45);
        assertThat(e.latencyMs()).isEqualTo(234);
        assertThat(e.lineAccruals()).singleElement().satisfies(l -> assertThat(l.reason()).isEqualTo("PROMO"));
        assertThat(e.cashierMessage()).isEqualTo("Чек изменён");
    }

    @Test
    void xmlThatIsNotWellFormedIsMalformed() {
        assertThat(parse("2026-11-20 17:40:51.855 DEBUG [LoymaxUtils] Loymax response (123 ms):",
                "<XMLResponse><ErrorCode>0</ErrorCode><CalculateResponse><OperationID>x</OperationID><B").problem())
                .contains("not well-formed");
        assertThat(parse("2026-11-20 17:40:51.855 DEBUG [LoymaxUtils] Loymax request:",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><XMLRequest/>").problem()).contains("DOCTYPE");
        assertThat(parse("2026-11-20 17:40:51.855 DEBUG [LoymaxUtils] Loymax request:").problem()).contains("payload missing");
    }

    @Test
    void transportFailuresAndGatewayErrorsAreRead() {
        var f = (LogEvent.LoyaltyRequestFailed) parse("2026-11-20 16:33:09.864 ERROR [LoymaxUtils] Loymax request failed after 3026 ms: java.net.SocketTimeoutException: Read timed out",
                "java.net.SocketTimeoutException: Read timed out", "\tat x.y(Z.java:1)").event();
        assertThat(f.exceptionClass()).isEqualTo("java.net.SocketTimeoutException");
        assertThat(f.latencyMs()).isEqualTo(3026);
        var h = (LogEvent.LoyaltyHttpError) parse("2026-11-20 14:09:27.097 WARN  [LoymaxUtils] Loymax HTTP error: status=502 gateway_key=GATEWAY_CLIENT_CONNECTION_ERROR (17 ms)").event();
        assertThat(h.status()).isEqualTo(502);
        assertThat(h.gatewayKey()).isEqualTo("GATEWAY_CLIENT_CONNECTION_ERROR");
        assertThat(h.latencyMs()).isEqualTo(17);
    }

    @Test
    void fullPanIsMaskedInTheEventAndTheRawText() {
        var r = parse("2026-11-20 13:32:09.700 INFO  [PaymentManager] Payment: tender=BANK_CARD amount=289.97 pan=2200701182710916 rrn=1 rc=00");
        var e = (LogEvent.PaymentMade) r.event();
        assertThat(e.payment().pan()).isEqualTo("220070******0916");
        assertThat(e.raw().text()).contains("pan=220070******0916").doesNotContain("2200701182710916");
    }

    @Test
    void qrCardScanKeepsTheCodeAge() {
        var e = (LogEvent.CardScanned) parse("2026-11-20 08:13:58.262 INFO  [LoyaltyManager] Loyalty card scanned: card=7000132621731918 entry=QR qr_age_s=8").event();
        assertThat(e.entry()).isEqualTo("QR");
        assertThat(e.qrAgeSeconds()).isEqualTo(8);
    }
}
