package org.tillwatch.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.tillwatch.domain.model.KeyPress;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;

/** Maps a transaction to its Lucene document: searchable fields, doc values for aggregation, and the stored source (Smile). */
final class TransactionDocuments {
    private final CardHasher hasher;

    TransactionDocuments(CardHasher hasher) {
        this.hasher = hasher;
    }

    Document toDocument(Transaction t) {
        Set<String> cards = TransactionRedactor.cards(t);
        Transaction stored = TransactionRedactor.redact(t, cards);
        Document d = new Document();
        d.add(new StringField(Fields.ID, t.id().toString(), Field.Store.YES));
        keyword(d, Fields.STORE, t.store());
        keyword(d, Fields.REGISTER, t.register().register());
        d.add(new StringField(Fields.SHIFT, t.id().shift(), Field.Store.NO));
        d.add(new StringField(Fields.RECEIPT, t.id().receipt(), Field.Store.NO));
        d.add(new StringField(Fields.DATE, t.opened().toLocalDate().toString(), Field.Store.NO));
        // The transaction keeps its zone only implicitly: the offset at close applies to opening too.
        long offset = t.closedAt().toEpochMilli() - t.closed().toInstant(ZoneOffset.UTC).toEpochMilli();
        point(d, Fields.OPENED_AT, t.opened().toInstant(ZoneOffset.UTC).toEpochMilli() + offset);
        point(d, Fields.CLOSED_AT, t.closedAt().toEpochMilli());
        keyword(d, Fields.STATUS, t.status().name());
        flag(d, Fields.LOYALTY, t.loyalty());
        flag(d, Fields.FAILED, t.failed());
        flag(d, Fields.PENDING, t.pending());
        flag(d, Fields.HAS_PROMO, t.promoPositions() > 0);
        for (String card : cards) d.add(new StringField(Fields.CARD_HASH, hasher.hash(card), Field.Store.NO));
        t.card().ifPresent(c -> d.add(new StoredField(Fields.CARD_LAST4, c.last4())));
        Set<String> seen = new HashSet<>();
        for (LoyaltyRequest r : t.requests()) {
            if (seen.add(r.outcome().name())) {
                d.add(new StringField(Fields.OUTCOME, r.outcome().name(), Field.Store.NO));
                d.add(new SortedSetDocValuesField(Fields.OUTCOME, new BytesRef(r.outcome().name())));
                if (r.outcome().code() != null) d.add(new StringField(Fields.OUTCOME_CODE, r.outcome().code().toString(), Field.Store.NO));
                if (r.outcome().critical()) d.add(new StringField(Fields.CRITICAL_OUTCOME, r.outcome().name(), Field.Store.NO));
            }
        }
        seen.clear();
        for (TagEvent tag : t.tags()) if (seen.add(tag.tag())) d.add(new StringField(Fields.TAG, tag.tag(), Field.Store.NO));
        seen.clear();
        for (Payment p : t.payments()) if (seen.add(p.tender())) d.add(new StringField(Fields.TENDER, p.tender(), Field.Store.NO));
        seen.clear();
        for (Position p : t.positions()) if (seen.add(p.sku())) d.add(new StringField(Fields.SKU, p.sku(), Field.Store.NO));
        seen.clear();
        for (KeyPress k : t.keyPresses()) if (seen.add(k.key())) d.add(new StringField(Fields.KEY, k.key(), Field.Store.NO));
        if (t.total() != null) point(d, Fields.TOTAL_CENTS, cents(t.total()));
        point(d, Fields.ACCRUED_CENTS, cents(t.accrued()));
        point(d, Fields.REDEEMED_CENTS, cents(t.redeemed()));
        d.add(new StoredField(Fields.SOURCE, new BytesRef(TransactionCodec.encode(stored))));
        return d;
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static void keyword(Document d, String name, String value) {
        d.add(new StringField(name, value, Field.Store.NO));
        d.add(new SortedDocValuesField(name, new BytesRef(value)));
    }

    private static void point(Document d, String name, long value) {
        d.add(new LongPoint(name, value));
        d.add(new NumericDocValuesField(name, value));
    }

    private static void flag(Document d, String name, boolean value) {
        d.add(new StringField(name, value ? "1" : "0", Field.Store.NO));
        d.add(new NumericDocValuesField(name, value ? 1 : 0));
    }
}
