package org.tillwatch.index.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.index.Fields;

/**
 * Which transactions a support query wants, resolved: instants, a card's keyed hash, cents. Every part is an indexed
 * field, so the whole filter is one Lucene query of FILTER clauses (no stored document is read to filter).
 * {@code from}/{@code to} bound the close time, [from, to). Null or empty parts do not filter.
 */
public record ReceiptFilter(String store, String register, Instant from, Instant to, String cardHash,
                            Set<ReceiptStatus> statuses, String outcome, String tag, Boolean hasPromo,
                            Long minTotalCents, List<String> ids) {
    public ReceiptFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        ids = ids == null ? List.of() : List.copyOf(ids);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        if (minTotalCents != null && minTotalCents < 0) throw new IllegalArgumentException("min total must not be negative");
    }

    public static ReceiptFilter all() {
        return new ReceiptFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    public ReceiptFilter withIds(List<String> newIds) {
        return new ReceiptFilter(store, register, from, to, cardHash, statuses, outcome, tag, hasPromo, minTotalCents, newIds);
    }

    public ReceiptFilter withFrom(Instant newFrom) {
        return new ReceiptFilter(store, register, newFrom, to, cardHash, statuses, outcome, tag, hasPromo, minTotalCents, ids);
    }

    public Query toQuery() {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        int clauses = 0;
        clauses += term(q, Fields.STORE, store);
        clauses += term(q, Fields.REGISTER, register);
        clauses += term(q, Fields.CARD_HASH, cardHash);
        clauses += term(q, Fields.OUTCOME, outcome);
        clauses += term(q, Fields.TAG, tag);
        if (hasPromo != null) clauses += term(q, Fields.HAS_PROMO, hasPromo ? "1" : "0");
        if (from != null || to != null) {
            q.add(LongPoint.newRangeQuery(Fields.CLOSED_AT, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                    to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1), BooleanClause.Occur.FILTER);
            clauses++;
        }
        if (minTotalCents != null) {
            q.add(LongPoint.newRangeQuery(Fields.TOTAL_CENTS, minTotalCents, Long.MAX_VALUE), BooleanClause.Occur.FILTER);
            clauses++;
        }
        if (!statuses.isEmpty() && statuses.size() < ReceiptStatus.values().length) {
            q.add(new TermInSetQuery(Fields.STATUS, statuses.stream().map(s -> new BytesRef(s.name())).toList()), BooleanClause.Occur.FILTER);
            clauses++;
        }
        if (!ids.isEmpty()) {
            q.add(new TermInSetQuery(Fields.ID, ids.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
            clauses++;
        }
        return clauses == 0 ? new MatchAllDocsQuery() : q.build();
    }

    private static int term(BooleanQuery.Builder q, String field, String value) {
        if (value == null || value.isEmpty()) return 0;
        q.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        return 1;
    }
}
