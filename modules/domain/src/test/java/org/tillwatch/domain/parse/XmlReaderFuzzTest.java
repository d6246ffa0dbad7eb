package org.tillwatch.domain.parse;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tillwatch.domain.model.RawEntry;

/**
 * Coverage-guided: the loyalty XML reader and decoder answer any text with a tree/event or their own checked
 * "not well-formed"/"malformed" exception, never an unchecked one (the dialect would otherwise swallow it as an
 * "unreadable entry" and the cause would go unnoticed). Seeds: {@code XmlReaderFuzzTestInputs/}.
 */
class XmlReaderFuzzTest {
    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 20, 12, 0);
    private static final RawEntry RAW = new RawEntry("fuzz", 1, "x");

    @FuzzTest(maxDuration = "10s")
    void loyaltyXmlNeverThrowsUnchecked(byte[] input) {
        String xml = new String(input, StandardCharsets.UTF_8);
        try {
            XmlReader.parse(xml);
        } catch (XmlReader.NotWellFormed expected) {
            // reported as a malformed entry
        }
        LoyaltyXmlDecoder decoder = new LoyaltyXmlDecoder();
        try {
            decoder.request(xml, T, RAW);
        } catch (ReferenceDialect.Malformed expected) {
            // reported as a malformed entry
        }
        try {
            decoder.response(xml, 17, T, RAW);
        } catch (ReferenceDialect.Malformed expected) {
            // reported as a malformed entry
        }
    }
}
