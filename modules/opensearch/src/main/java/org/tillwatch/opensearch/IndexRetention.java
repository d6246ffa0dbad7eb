package org.tillwatch.opensearch;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Deletes daily indices older than {@code retentionDays} ({@code cluster.retention-days}): with 31 days on
 * 2026-11-22 (UTC), {@code <prefix>2026.10.21} and older go, {@code <prefix>2026.10.22} stays. Indices that only
 * share the prefix are left alone. Run it once a day from any instance: deleting is idempotent.
 */
public final class IndexRetention {
    private final OpenSearchClient client;
    private final IndexLayout layout;
    private final int retentionDays;
    private final Clock clock;

    public IndexRetention(OpenSearchClient client, IndexLayout layout, int retentionDays, Clock clock) {
        if (retentionDays < 1) throw new IllegalArgumentException("retention must be at least 1 day, got " + retentionDays);
        this.client = client;
        this.layout = layout;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    /** Deletes the expired indices; returns their names, oldest first. */
    public List<String> run() throws IOException {
        LocalDate oldestKept = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(retentionDays);
        List<String> expired = client.indices().get(g -> g.index(layout.pattern()).allowNoIndices(true)).result().keySet().stream()
                .filter(name -> layout.dayOf(name).map(d -> d.isBefore(oldestKept)).orElse(false)).sorted().toList();
        if (!expired.isEmpty()) client.indices().delete(d -> d.index(expired));
        return expired;
    }
}
