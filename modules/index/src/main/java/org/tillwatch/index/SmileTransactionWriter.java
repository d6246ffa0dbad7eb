package org.tillwatch.index;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.tillwatch.domain.model.BarcodeScan;
import org.tillwatch.domain.model.Bonus;
import org.tillwatch.domain.model.CardScan;
import org.tillwatch.domain.model.FiscalDocument;
import org.tillwatch.domain.model.KeyPress;
import org.tillwatch.domain.model.LineAccrual;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.RawEntry;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;

/**
 * Writes a transaction's stored form straight to Jackson's Smile generator: the same bytes as the data-bound mapper
 * (record components in order, nulls left out, times as {@link IsoTimes}), without its serializer lookups and
 * property writers, which were half the encoding's CPU. A new component of a model record must be added here too;
 * {@code StoredFormTest} compares every sample transaction with plain Jackson, byte for byte.
 */
final class SmileTransactionWriter {
    private static final SerializableString ID = name("id"), REGISTER = name("register"), STORE = name("store"),
            SHIFT = name("shift"), RECEIPT = name("receipt"), OPENED = name("opened"), TYPE = name("type"),
            CASHIER = name("cashier"), CLOSED = name("closed"), CLOSED_AT = name("closedAt"), STATUS = name("status"),
            TOTAL = name("total"), POSITIONS = name("positions"), REMOVED = name("removed"),
            KEY_PRESSES = name("keyPresses"), SCANS = name("scans"), CARDS = name("cards"), REQUESTS = name("requests"),
            PAYMENTS = name("payments"), FISCAL = name("fiscal"), TAGS = name("tags"),
            QUEUED = name("queuedOperationIds"), CHANGED = name("changedAfterCalculation"), RAW = name("raw"),
            TIME = name("time"), POS = name("pos"), SKU = name("sku"), BARCODE = name("barcode"), NAME = name("name"),
            QTY = name("qty"), UNIT = name("unit"), PRICE = name("price"), AMOUNT = name("amount"), PROMO = name("promo"),
            DEPT = name("dept"), KEY = name("key"), SCREEN = name("screen"), CARD = name("card"), ENTRY = name("entry"),
            QR_AGE = name("qrAgeSeconds"), OPERATION = name("operation"), OPERATION_ID = name("operationId"),
            PURCHASE_ID = name("purchaseId"), REDEEM = name("redeem"), OUTCOME = name("outcome"),
            OUTCOME_TIME = name("outcomeTime"), LATENCY = name("latencyMs"), BONUS = name("bonus"),
            LINE_ACCRUALS = name("lineAccruals"), MESSAGE = name("message"), CASHIER_MESSAGE = name("cashierMessage"),
            DETAIL = name("detail"), CODE = name("code"), KIND = name("kind"), CRITICAL = name("critical"),
            ACCRUED = name("accrued"), REDEEMED = name("redeemed"), BALANCE = name("balance"), POS_ID = name("posId"),
            REASON = name("reason"), TENDER = name("tender"), PAN = name("pan"), RRN = name("rrn"), AUTH = name("auth"),
            RC = name("rc"), TID = name("tid"), BANK = name("bank"), FD = name("fd"), NUM = name("num"), TAG = name("tag"),
            SOURCE = name("source"), LINE = name("line"), TEXT = name("text");

    private SmileTransactionWriter() {
    }

    static byte[] encode(JsonFactory smile, Transaction t) throws IOException {
        // recycled buffers, as ObjectMapper.writeValueAsBytes does
        BufferRecycler recycler = smile._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator g = smile.createGenerator(out)) {
                transaction(g, t);
            }
            return out.getClearAndRelease();
        } finally {
            recycler.releaseToPool();
        }
    }

    private static void transaction(JsonGenerator g, Transaction t) throws IOException {
        g.writeStartObject();
        g.writeFieldName(ID);
        g.writeStartObject();
        g.writeFieldName(REGISTER);
        g.writeStartObject();
        str(g, STORE, t.id().register().store());
        str(g, REGISTER, t.id().register().register());
        g.writeEndObject();
        str(g, SHIFT, t.id().shift());
        str(g, RECEIPT, t.id().receipt());
        if (t.id().opened() != null) str(g, OPENED, t.id().opened().toString());
        g.writeEndObject();
        str(g, TYPE, t.type());
        str(g, CASHIER, t.cashier());
        time(g, OPENED, t.opened());
        time(g, CLOSED, t.closed());
        str(g, CLOSED_AT, IsoTimes.instant(t.closedAt()));
        str(g, STATUS, t.status().name());
        number(g, TOTAL, t.total());
        positions(g, POSITIONS, t.positions());
        positions(g, REMOVED, t.removed());
        g.writeFieldName(KEY_PRESSES);
        g.writeStartArray();
        for (KeyPress k : t.keyPresses()) {
            g.writeStartObject();
            time(g, TIME, k.time());
            str(g, KEY, k.key());
            str(g, SCREEN, k.screen());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(SCANS);
        g.writeStartArray();
        for (BarcodeScan s : t.scans()) {
            g.writeStartObject();
            time(g, TIME, s.time());
            str(g, BARCODE, s.barcode());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(CARDS);
        g.writeStartArray();
        for (CardScan c : t.cards()) {
            g.writeStartObject();
            time(g, TIME, c.time());
            str(g, CARD, c.card());
            str(g, ENTRY, c.entry());
            if (c.qrAgeSeconds() != null) {
                g.writeFieldName(QR_AGE);
                g.writeNumber(c.qrAgeSeconds().intValue());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(REQUESTS);
        g.writeStartArray();
        for (LoyaltyRequest r : t.requests()) request(g, r);
        g.writeEndArray();
        g.writeFieldName(PAYMENTS);
        g.writeStartArray();
        for (Payment p : t.payments()) payment(g, p);
        g.writeEndArray();
        FiscalDocument f = t.fiscal();
        if (f != null) {
            g.writeFieldName(FISCAL);
            g.writeStartObject();
            time(g, TIME, f.time());
            str(g, FD, f.fd());
            str(g, NUM, f.num());
            number(g, TOTAL, f.total());
            g.writeEndObject();
        }
        g.writeFieldName(TAGS);
        g.writeStartArray();
        for (TagEvent e : t.tags()) {
            g.writeStartObject();
            time(g, TIME, e.time());
            str(g, TAG, e.tag());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(QUEUED);
        g.writeStartArray();
        for (String id : t.queuedOperationIds()) g.writeString(id);
        g.writeEndArray();
        g.writeFieldName(CHANGED);
        g.writeBoolean(t.changedAfterCalculation());
        g.writeFieldName(RAW);
        g.writeStartArray();
        for (RawEntry e : t.raw()) {
            g.writeStartObject();
            str(g, SOURCE, e.source());
            g.writeFieldName(LINE);
            g.writeNumber(e.line());
            str(g, TEXT, e.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void positions(JsonGenerator g, SerializableString field, List<Position> positions) throws IOException {
        g.writeFieldName(field);
        g.writeStartArray();
        for (Position p : positions) {
            g.writeStartObject();
            time(g, TIME, p.time());
            g.writeFieldName(POS);
            g.writeNumber(p.pos());
            str(g, SKU, p.sku());
            str(g, BARCODE, p.barcode());
            str(g, NAME, p.name());
            number(g, QTY, p.qty());
            str(g, UNIT, p.unit());
            number(g, PRICE, p.price());
            number(g, AMOUNT, p.amount());
            g.writeFieldName(PROMO);
            g.writeBoolean(p.promo());
            str(g, DEPT, p.dept());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void request(JsonGenerator g, LoyaltyRequest r) throws IOException {
        g.writeStartObject();
        time(g, TIME, r.time());
        str(g, OPERATION, r.operation().name());
        str(g, OPERATION_ID, r.operationId());
        str(g, PURCHASE_ID, r.purchaseId());
        str(g, CARD, r.card());
        number(g, REDEEM, r.redeem());
        Outcome o = r.outcome();
        g.writeFieldName(OUTCOME);
        g.writeStartObject();
        str(g, NAME, o.name());
        if (o.code() != null) {
            g.writeFieldName(CODE);
            g.writeNumber(o.code().intValue());
        }
        if (o.kind() != null) str(g, KIND, o.kind().name());
        g.writeFieldName(CRITICAL);
        g.writeBoolean(o.critical());
        g.writeEndObject();
        time(g, OUTCOME_TIME, r.outcomeTime());
        if (r.latencyMs() != null) {
            g.writeFieldName(LATENCY);
            g.writeNumber(r.latencyMs().longValue());
        }
        Bonus b = r.bonus();
        if (b != null) {
            g.writeFieldName(BONUS);
            g.writeStartObject();
            number(g, ACCRUED, b.accrued());
            number(g, REDEEMED, b.redeemed());
            number(g, BALANCE, b.balance());
            g.writeEndObject();
        }
        g.writeFieldName(LINE_ACCRUALS);
        g.writeStartArray();
        for (LineAccrual a : r.lineAccruals()) {
            g.writeStartObject();
            g.writeFieldName(POS_ID);
            g.writeNumber(a.posId());
            number(g, ACCRUED, a.accrued());
            str(g, REASON, a.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        str(g, MESSAGE, r.message());
        str(g, CASHIER_MESSAGE, r.cashierMessage());
        str(g, DETAIL, r.detail());
        g.writeEndObject();
    }

    private static void payment(JsonGenerator g, Payment p) throws IOException {
        g.writeStartObject();
        time(g, TIME, p.time());
        str(g, TENDER, p.tender());
        number(g, AMOUNT, p.amount());
        str(g, PAN, p.pan());
        str(g, RRN, p.rrn());
        str(g, AUTH, p.auth());
        str(g, RC, p.rc());
        str(g, TID, p.tid());
        str(g, BANK, p.bank());
        g.writeEndObject();
    }

    private static void str(JsonGenerator g, SerializableString field, String value) throws IOException {
        if (value == null) return;
        g.writeFieldName(field);
        g.writeString(value);
    }

    private static void time(JsonGenerator g, SerializableString field, LocalDateTime value) throws IOException {
        if (value == null) return;
        g.writeFieldName(field);
        g.writeString(IsoTimes.localDateTime(value));
    }

    private static void number(JsonGenerator g, SerializableString field, BigDecimal value) throws IOException {
        if (value == null) return;
        g.writeFieldName(field);
        g.writeNumber(value);
    }

    private static SerializableString name(String s) {
        return new SerializedString(s);
    }
}
