package org.tillwatch.opensearch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tillwatch.domain.model.KeyPress;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.Fields;
import org.tillwatch.index.StoredForm;
import org.tillwatch.index.TransactionCodec;

/**
 * A transaction as an OpenSearch document: the fields the Lucene index has ({@code TransactionDocuments}), and the
 * stored (card-masked) transaction. Card numbers appear only as keyed hashes and masked, never in full.
 */
final class TransactionDocument {
    private TransactionDocument() {
    }

    static Map<String, Object> of(Transaction t, CardHasher hasher) {
        StoredForm stored = StoredForm.of(t, hasher);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(Fields.ID, t.id().toString());
        d.put(Fields.STORE, t.store());
        d.put(Fields.REGISTER, t.register().register());
        d.put(Fields.SHIFT, t.id().shift());
        d.put(Fields.RECEIPT, t.id().receipt());
        d.put(Fields.DATE, t.opened().toLocalDate().toString());
        long offset = t.closedAt().toEpochMilli() - t.closed().toInstant(ZoneOffset.UTC).toEpochMilli();
        d.put(Fields.OPENED_AT, t.opened().toInstant(ZoneOffset.UTC).toEpochMilli() + offset);
        d.put(Fields.CLOSED_AT, t.closedAt().toEpochMilli());
        d.put(Fields.STATUS, t.status().name());
        d.put(Fields.LOYALTY, t.loyalty());
        d.put(Fields.FAILED, t.failed());
        d.put(Fields.PENDING, t.pending());
        d.put(Fields.HAS_PROMO, t.promoPositions() > 0);
        d.put(Fields.CARD_HASH, stored.cardHashes());
        Set<String> outcomes = new LinkedHashSet<>();
        List<String> codes = new ArrayList<>();
        List<String> critical = new ArrayList<>();
        for (LoyaltyRequest r : t.requests()) {
            if (outcomes.add(r.outcome().name())) {
                if (r.outcome().code() != null) codes.add(r.outcome().code().toString());
                if (r.outcome().critical()) critical.add(r.outcome().name());
            }
        }
        d.put(Fields.OUTCOME, List.copyOf(outcomes));
        d.put(Fields.OUTCOME_CODE, codes);
        d.put(Fields.CRITICAL_OUTCOME, critical);
        d.put(Fields.TAG, distinct(t.tags().stream().map(TagEvent::tag).toList()));
        d.put(Fields.TENDER, distinct(t.payments().stream().map(Payment::tender).toList()));
        d.put(Fields.SKU, distinct(t.positions().stream().map(Position::sku).toList()));
        d.put(Fields.KEY, distinct(t.keyPresses().stream().map(KeyPress::key).toList()));
        if (t.total() != null) d.put(Fields.TOTAL_CENTS, cents(t.total()));
        d.put(Fields.ACCRUED_CENTS, cents(t.accrued()));
        d.put(Fields.REDEEMED_CENTS, cents(t.redeemed()));
        d.put(Fields.SOURCE, TransactionCodec.encode(stored.transaction()));
        return d;
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
