package org.tillwatch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Transaction;

class IndexRetentionTest {

    @Test
    void deletesDailyIndicesOlderThanTheRetentionAndNothingElse() throws Exception {
        Transaction t = SampleDay.transactions().get(0);
        IndexLayout layout = new IndexLayout("retention-", 1, 0);
        java.util.function.IntFunction<String> daysBack = n -> layout.indexFor(t.closedAt().minus(Duration.ofDays(n)));
        try (OpenSearchTransactionStore s = OpenSearchTransactionStore.open(List.of(URI.create(SharedNode.get().url())),
                layout, SampleDay.HASHER)) {
            for (int n : new int[] {0, 30, 31, 32, 40}) s.write(List.of(OpenSearchWriterTest.shifted(t, Duration.ofDays(-n))));
            OpenSearchWriterTest.put("/retention-notes", "{}"); // shares the prefix, is no daily index
            Instant lastMinuteOfTheDay = t.closedAt().atZone(ZoneOffset.UTC).toLocalDate().atTime(23, 59).toInstant(ZoneOffset.UTC);
            Clock clock = Clock.fixed(lastMinuteOfTheDay, ZoneOffset.UTC);
            List<String> deleted = new IndexRetention(s.client(), s.layout(), 31, clock).run();
            assertThat(deleted).containsExactly(daysBack.apply(40), daysBack.apply(32));
            assertThat(indices()).containsExactlyInAnyOrder(daysBack.apply(0), daysBack.apply(30), daysBack.apply(31),
                    "retention-notes");
            assertThat(new IndexRetention(s.client(), s.layout(), 31, clock).run()).isEmpty();
            Clock nextDay = Clock.offset(clock, Duration.ofMinutes(2));
            assertThat(new IndexRetention(s.client(), s.layout(), 31, nextDay).run()).containsExactly(daysBack.apply(31));
        }
    }

    private static List<String> indices() throws Exception {
        return List.of(OpenSearchWriterTest.get("/_cat/indices/retention-*?h=index").strip().split("\\s+"));
    }

    @Test
    void aLayoutNamesIndicesByTheUtcDayOfTheCloseInstant() throws IOException {
        IndexLayout layout = IndexLayout.of("tillwatch-tx-");
        assertThat(layout.indexFor(Instant.parse("2026-11-20T23:30:00Z"))).isEqualTo("tillwatch-tx-2026.11.20");
        assertThat(layout.indexFor(Instant.parse("2026-11-21T00:00:00Z"))).isEqualTo("tillwatch-tx-2026.11.21");
        assertThat(layout.dayOf("tillwatch-tx-2026.11.20")).hasValue(java.time.LocalDate.of(2026, 11, 20));
        assertThat(layout.dayOf("tillwatch-tx-notes")).isEmpty();
        assertThat(layout.template()).contains("\"index_patterns\": [\"tillwatch-tx-*\"]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IndexLayout.of("Bad Prefix"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index prefix");
    }
}
