package org.tillwatch.opensearch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How transactions are laid out in OpenSearch: one index a day, {@code <prefix>YYYY.MM.DD}, by the UTC date of the
 * transaction's close instant (its event time). UTC, not the store's zone: one chain-wide boundary, so a day's index
 * holds the same hours for every store, a replayed transaction always lands in the same index (its close instant
 * never changes), and retention drops whole days exactly. Every index gets the mapping of {@link #template()}.
 *
 * @param prefix   the index name prefix ({@code cluster.index-prefix}), e.g. {@code tillwatch-tx-}
 * @param shards   primary shards of each daily index
 * @param replicas replicas of each shard (0 on a single test node)
 */
public record IndexLayout(String prefix, int shards, int replicas) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu.MM.dd");

    public IndexLayout {
        if (prefix == null || !prefix.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("index prefix: lower-case letters, digits, '.', '_' and '-', got '" + prefix + "'");
        }
        if (shards < 1 || shards > 1024) throw new IllegalArgumentException("shards must be 1..1024, got " + shards);
        if (replicas < 0 || replicas > 16) throw new IllegalArgumentException("replicas must be 0..16, got " + replicas);
    }

    /**
     * One primary shard and one replica a day: a small chain's. A big chain sets {@code cluster.index-shards} (a day
     * of 20,000 stores is hundreds of GB: see the README's Scaling section) and uses the constructor.
     */
    public static IndexLayout of(String prefix) {
        return new IndexLayout(prefix, 1, 1);
    }

    public String indexFor(Instant closedAt) {
        return indexFor(LocalDate.ofInstant(closedAt, ZoneOffset.UTC));
    }

    public String indexFor(LocalDate utcDay) {
        return prefix + DAY.format(utcDay);
    }

    /** Every daily index: what queries search. */
    public String pattern() {
        return prefix + "*";
    }

    /** The day of a daily index, or empty for another index that merely shares the prefix. */
    public Optional<LocalDate> dayOf(String index) {
        if (!index.startsWith(prefix) || index.length() != prefix.length() + 10) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(index.substring(prefix.length()), DAY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String templateName() {
        return prefix + "template";
    }

    /**
     * The index template: explicit mappings ({@code dynamic: strict}, so a stray field fails loudly), keywords with
     * doc values for filters, sorting and aggregations; {@code source} is the stored transaction (Smile, cards
     * masked), kept but not indexed. The fields are {@link org.tillwatch.index.Fields}, as in the Lucene index.
     */
    public String template() {
        return """
                {"index_patterns": ["%s*"], "priority": 100,
                 "template": {
                  "settings": {"number_of_shards": %d, "number_of_replicas": %d,
                               "codec": "best_compression"},
                  "mappings": {"dynamic": "strict", "properties": {
                    "id": {"type": "keyword"}, "store": {"type": "keyword"}, "register": {"type": "keyword"},
                    "shift": {"type": "keyword", "doc_values": false}, "receipt": {"type": "keyword", "doc_values": false},
                    "date": {"type": "keyword"}, "opened_at": {"type": "long"}, "closed_at": {"type": "long"},
                    "status": {"type": "keyword"}, "loyalty": {"type": "boolean"}, "failed": {"type": "boolean"},
                    "pending": {"type": "boolean"}, "has_promo": {"type": "boolean"},
                    "card_hash": {"type": "keyword", "doc_values": false},
                    "outcome": {"type": "keyword"}, "critical_outcome": {"type": "keyword"},
                    "outcome_code": {"type": "keyword"}, "tag": {"type": "keyword"},
                    "tender": {"type": "keyword", "doc_values": false}, "sku": {"type": "keyword", "doc_values": false},
                    "key": {"type": "keyword", "doc_values": false},
                    "total_cents": {"type": "long"}, "accrued_cents": {"type": "long"}, "redeemed_cents": {"type": "long"},
                    "source": {"type": "binary"}}}}}
                """.formatted(prefix, shards, replicas);
    }
}
