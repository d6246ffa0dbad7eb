package org.tillwatch.domain.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided: a register log of any bytes goes through {@link RegisterLogReader} and the reference dialect
 * (loyalty XML included) without an exception, every line accounted for ({@link LineAccounting}), no full card
 * number in what is reported, and no entry lost to the dialect's catch-all. The {@code structured} target builds
 * well-formed entry heads so the fuzzer spends its time in the message and payload parsers. Seeds:
 * {@code src/test/resources/org/tillwatch/domain/parse/ReferenceDialectFuzzTestInputs/}.
 */
class ReferenceDialectFuzzTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final String[] COMPONENTS = {"CashManager", "PurchaseManager", "Keyboard", "Scanner",
            "LoyaltyManager", "LoymaxUtils", "PaymentManager", "FiscalPrinter", "Heartbeat"};
    private static final String[] LEVELS = {"INFO ", "DEBUG", "TRACE", "WARN ", "ERROR"};

    @FuzzTest(maxDuration = "10s")
    void anyBytesAreReadOrCountedMalformed(FuzzedDataProvider data) {
        Charset charset = data.consumeBoolean() ? CP1251 : StandardCharsets.UTF_8;
        boolean quiet = data.consumeBoolean();
        int[] chunks = new int[data.consumeInt(0, 4)];
        for (int k = 0; k < chunks.length; k++) chunks[k] = data.consumeInt(0, 512);
        LineAccounting.check(charset, data.consumeRemainingAsBytes(), chunks, quiet);
    }

    @FuzzTest(maxDuration = "10s")
    void structuredEntriesAreReadOrCountedMalformed(FuzzedDataProvider data) {
        StringBuilder log = new StringBuilder();
        int entries = data.consumeInt(1, 6);
        for (int e = 0; e < entries && data.remainingBytes() > 0; e++) {
            log.append("2026-11-").append(10 + data.consumeInt(0, 25)).append(' ')
                    .append(String.format("%02d:%02d:%02d.%03d ", data.consumeInt(0, 23), data.consumeInt(0, 59),
                            data.consumeInt(0, 59), data.consumeInt(0, 999)))
                    .append(data.pickValue(LEVELS)).append(" [").append(data.pickValue(COMPONENTS)).append("] ")
                    .append(data.consumeString(300)).append('\n');
            int continuations = data.consumeInt(0, 3);
            for (int c = 0; c < continuations; c++) log.append(data.consumeString(400)).append('\n');
        }
        LineAccounting.check(StandardCharsets.UTF_8, log.toString().getBytes(StandardCharsets.UTF_8), new int[0]);
    }
}
