package org.tillwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.index.TransactionCodec;
import org.tillwatch.ingest.FleetIngest;

/** The stored form of every sample transaction is byte for byte what plain Jackson with the JSR-310 module writes. */
class StoredFormTest {
    @Test
    void sameBytesAsPlainJackson() throws Exception {
        ObjectMapper plain = new ObjectMapper(new SmileFactory()).registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        StoreRegistry registry = StoreRegistry.parse(Files.readString(SampleFleet.root().resolve("stores.csv")), ZoneId.of("Europe/Moscow"));
        List<Transaction> all = new ArrayList<>();
        new FleetIngest(registry, ReferenceDialect::new, 1, 10).run(SampleFleet.root().resolve("logs"), t -> {
            synchronized (all) {
                all.add(t);
            }
        });
        assertThat(all).hasSizeGreaterThan(1000);
        for (Transaction t : all) {
            assertThat(TransactionCodec.encode(t)).as(t.id().toString()).isEqualTo(plain.writeValueAsBytes(t));
            assertThat(TransactionCodec.decode(TransactionCodec.encode(t))).isEqualTo(t);
        }
    }
}
