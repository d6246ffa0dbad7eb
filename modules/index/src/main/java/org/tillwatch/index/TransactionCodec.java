package org.tillwatch.index;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.tillwatch.domain.model.Transaction;

/**
 * The stored form of a transaction: the (redacted) domain record in Smile, Jackson's binary JSON. Smile sends each
 * property name once per document, which halves what a transaction with fifty basket lines and key presses costs
 * to encode and to store compared with JSON text. Written by {@link SmileTransactionWriter} (the same bytes as this
 * mapper would write, at half the cost); read by the mapper.
 */
public final class TransactionCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper(new SmileFactory())
            .registerModule(new JavaTimeModule())
            // Property access through generated lambdas: reflective calls (method handles since JDK 18) were a tenth of indexing.
            .registerModule(new BlackbirdModule())
            // after JavaTimeModule, so these writers win: the same text, a fifth of the encoding's CPU less
            .registerModule(IsoTimes.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private TransactionCodec() {
    }

    public static byte[] encode(Transaction t) {
        try {
            return SmileTransactionWriter.encode(MAPPER.getFactory(), t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Transaction decode(byte[] json) {
        try {
            return MAPPER.readValue(json, Transaction.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored transaction unreadable", e);
        }
    }

}
