package org.tillwatch.opensearch;

import java.util.ArrayList;
import java.util.List;

import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.index.Fields;
import org.tillwatch.index.query.ReceiptFilter;

/** {@link ReceiptFilter} as an OpenSearch query: the same FILTER clauses as {@link ReceiptFilter#toQuery()}. */
final class FilterQueries {
    private FilterQueries() {
    }

    static Query of(ReceiptFilter f) {
        List<Query> clauses = new ArrayList<>();
        term(clauses, Fields.STORE, f.store());
        term(clauses, Fields.REGISTER, f.register());
        term(clauses, Fields.CARD_HASH, f.cardHash());
        term(clauses, Fields.OUTCOME, f.outcome());
        term(clauses, Fields.TAG, f.tag());
        if (f.hasPromo() != null) clauses.add(Query.of(q -> q.term(t -> t.field(Fields.HAS_PROMO).value(FieldValue.of(f.hasPromo())))));
        if (f.from() != null || f.to() != null) clauses.add(closedBetween(f.from() == null ? null : f.from().toEpochMilli(),
                f.to() == null ? null : f.to().toEpochMilli()));
        if (f.minTotalCents() != null) {
            clauses.add(Query.of(q -> q.range(r -> r.field(Fields.TOTAL_CENTS).gte(JsonData.of(f.minTotalCents())))));
        }
        if (!f.statuses().isEmpty() && f.statuses().size() < ReceiptStatus.values().length) {
            clauses.add(terms(Fields.STATUS, f.statuses().stream().map(ReceiptStatus::name).toList()));
        }
        if (!f.ids().isEmpty()) clauses.add(terms(Fields.ID, f.ids()));
        return and(clauses);
    }

    /** Close time in {@code [fromMillis, toMillis)}; a null bound is open. */
    static Query closedBetween(Long fromMillis, Long toMillis) {
        return Query.of(q -> q.range(r -> {
            r.field(Fields.CLOSED_AT);
            if (fromMillis != null) r.gte(JsonData.of(fromMillis));
            if (toMillis != null) r.lt(JsonData.of(toMillis));
            return r;
        }));
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    static Query and(List<Query> clauses) {
        if (clauses.isEmpty()) return Query.of(q -> q.matchAll(m -> m));
        return Query.of(q -> q.bool(b -> b.filter(clauses)));
    }

    private static void term(List<Query> clauses, String field, String value) {
        if (value != null && !value.isEmpty()) clauses.add(term(field, value));
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> v = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(v))));
    }
}
