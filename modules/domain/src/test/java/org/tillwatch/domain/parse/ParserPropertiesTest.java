package org.tillwatch.domain.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tillwatch.domain.SampleFleet;
import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;
import org.tillwatch.domain.model.StoreRegistry;

/**
 * Properties of reading a register log: the reader and the assembler never throw, whatever the bytes or lines; and
 * every input line is accounted for exactly once - part of an entry (an event, noise included), or counted
 * malformed ({@link LineAccounting}).
 */
class ParserPropertiesTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final String[] LEVELS = {"INFO ", "DEBUG", "TRACE", "WARN ", "ERROR", "FATAL"};
    private static final String[] COMPONENTS = {"CashManager", "PurchaseManager", "Keyboard", "Scanner",
            "LoyaltyManager", "LoymaxUtils", "PaymentManager", "FiscalPrinter", "Heartbeat", ""};
    private static final String[] MESSAGES = {
            "Shift opened: shift=7 cashier=0250", "Shift closed: shift=7",
            "Receipt opened: shift=7 receipt=1 type=SALE cashier=0250", "Receipt opened: shift=7 receipt=2 type=RETURN",
            "Position added: pos=1 sku=1018887 barcode=4679614185012 name=\"Молоко 3,2%\" qty=1 unit=pcs price=99.90 amount=99.90 promo=0",
            "Position removed: pos=1", "Receipt closed: shift=7 receipt=1 total=99.90 status=OK",
            "Receipt closed: shift=7 receipt=1 total=0 status=CANCELLED", "Key pressed: key=PAYMENT screen=SALE",
            "Barcode scanned: barcode=4679614185012", "Loyalty card scanned: card=7000648175058803 entry=SCAN",
            "Loyalty tag set: tag=LOY_ERROR", "Offline mode: queued operation_id=abc reason=timeout", "Offline queue sent: count=2",
            "Loymax request:", "Loymax response (425 ms):", "Loymax request failed after 30000 ms: java.net.SocketTimeoutException: Read timed out",
            "Loymax HTTP error: status=502 gateway_key=GATEWAY_CLIENT_CONNECTION_ERROR (9 ms)",
            "Payment: tender=BANK_CARD amount=99.90 pan=4276380012345678 rrn=1 auth=A rc=00",
            "Fiscal document: fd=1 num=1 total=99.90", "Payment: tender=CASH amount=1E+999999999"};
    private static final String[] PAYLOADS = {
            "<XMLRequest><CalculateRequest><OperationID>op1</OperationID><Identifier Value=\"7000648175058803\"/></CalculateRequest></XMLRequest>",
            "<XMLRequest><ConfirmRequest><OperationID>op1</OperationID></ConfirmRequest></XMLRequest>",
            "<XMLResponse><ErrorCode>0</ErrorCode><ConfirmResponse><OperationID>op1</OperationID><Bonus Accrued=\"4.50\"/></ConfirmResponse></XMLResponse>",
            "<XMLResponse><ErrorCode>3</ErrorCode><Message>&lt;x&gt;</Message></XMLResponse>", "<XMLResponse>", "</XMLRequest>",
            "\tat ru.loymax.Client.send(Client.java:42)"};
    private static volatile List<String> sample;

    @Property(tries = 150)
    void arbitraryBytesNeverThrowAndEveryLineIsAccountedFor(@ForAll @Size(max = 3000) byte[] bytes, @ForAll boolean utf8,
                                                           @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 400) Integer> chunks) {
        Charset charset = utf8 ? StandardCharsets.UTF_8 : CP1251;
        int[] cuts = chunks.stream().mapToInt(Integer::intValue).toArray();
        LineAccounting.check(charset, bytes, cuts);
        assemble(charset, bytes, cuts);
    }

    @Property(tries = 150)
    void logLikeLinesNeverThrowAndEveryLineIsAccountedFor(@ForAll("logLines") List<String> lines, @ForAll boolean crlf,
                                                         @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 400) Integer> chunks,
                                                         @ForAll boolean quietBetweenChunks) {
        byte[] bytes = String.join(crlf ? "\r\n" : "\n", lines).getBytes(StandardCharsets.UTF_8);
        int[] cuts = chunks.stream().mapToInt(Integer::intValue).toArray();
        LineAccounting.check(StandardCharsets.UTF_8, bytes, cuts, quietBetweenChunks);
        assemble(StandardCharsets.UTF_8, bytes, cuts);
    }

    @Property(tries = 60)
    void mutatedSampleLogsKeepEveryLineAccountedFor(@ForAll("mutatedSample") List<String> lines) {
        byte[] bytes = String.join("\n", lines).getBytes(CP1251);
        LineAccounting.check(CP1251, bytes, new int[0]);
        assemble(CP1251, bytes, new int[0]);
    }

    @Provide
    Arbitrary<List<String>> logLines() {
        Arbitrary<String> head = Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                        Arbitraries.of(LEVELS), Arbitraries.of(COMPONENTS))
                .as((h, m, level, component) -> String.format("2026-11-20 %02d:%02d:00.000 %s [%s] ", h, m, level, component));
        Arbitrary<String> message = Arbitraries.oneOf(Arbitraries.of(MESSAGES), Arbitraries.strings().ofMaxLength(60),
                Combinators.combine(Arbitraries.of(MESSAGES), Arbitraries.strings().withChars(" =\"\\0123456789.-Eабв").ofMaxLength(20))
                        .as(String::concat));
        Arbitrary<String> entry = Combinators.combine(head, message).as(String::concat);
        Arbitrary<String> junk = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(50),
                Arbitraries.strings().withChars("<>/=\"' &;#x0123456789ErrorCodeXMLRequestResponse").ofMaxLength(60));
        return Arbitraries.frequencyOf(Tuple.of(6, entry), Tuple.of(3, Arbitraries.of(PAYLOADS)), Tuple.of(2, junk))
                .list().ofMaxSize(40);
    }

    /** A window of a sample register's log with lines deleted, cut, doubled and characters inserted. */
    @Provide
    Arbitrary<List<String>> mutatedSample() {
        List<String> lines = sample();
        Arbitrary<int[]> mutation = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 79),
                Arbitraries.integers().between(0, 300)).as((kind, line, pos) -> new int[] {kind, line, pos});
        Arbitrary<String> insert = Arbitraries.strings().withChars("\r\n\"=<> 0123456789[]:.-абвXML").ofMaxLength(8);
        return Combinators.combine(Arbitraries.integers().between(0, lines.size() - 80), mutation.list().ofMaxSize(10),
                insert.list().ofSize(10)).as((start, mutations, inserts) -> {
                    List<String> w = new ArrayList<>(lines.subList(start, start + 80));
                    for (int k = 0; k < mutations.size(); k++) {
                        int[] m = mutations.get(k);
                        int at = m[1] % w.size();
                        String l = w.get(at);
                        int pos = Math.min(m[2], l.length());
                        switch (m[0]) {
                            case 0 -> w.remove(at);
                            case 1 -> w.set(at, l.substring(0, pos));
                            case 2 -> w.add(at, l);
                            default -> w.set(at, l.substring(0, pos) + inserts.get(k) + l.substring(pos));
                        }
                        if (w.isEmpty()) w.add("");
                    }
                    return w;
                });
    }

    private static void assemble(Charset charset, byte[] bytes, int[] cuts) {
        Store store = StoreRegistry.empty(java.time.ZoneId.of("Europe/Moscow")).store("ZZ01");
        Store typed = new Store(store.code(), "", "", "", store.zone(), null, null, charset, false);
        RegisterPipeline p = new RegisterPipeline(new RegisterKey("ZZ01", "POS01"), typed, new ReferenceDialect(),
                (AssemblyListener) t -> {
                    t.accrued();
                    t.redeemed();
                    t.pending();
                }, m -> { });
        p.startFile("a.log");
        int from = 0;
        for (int c : cuts) {
            int to = Math.min(bytes.length, from + c);
            p.feed(bytes, from, to - from);
            from = to;
            p.flushIfComplete();
        }
        p.feed(bytes, from, bytes.length - from);
        p.endOfFile();
        p.expireIfSilent(LocalDateTime.of(2026, 11, 21, 0, 0));
        p.finish();
    }

    private static List<String> sample() {
        if (sample == null) {
            try {
                List<String> all = Files.readAllLines(SampleFleet.root().resolve("logs/17W0/POS03/pos-2026-11-20.log"), CP1251);
                sample = all.subList(0, Math.min(all.size(), 600));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sample;
    }
}
