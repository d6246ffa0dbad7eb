package org.tillwatch.domain.assemble;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tillwatch.domain.model.BarcodeScan;
import org.tillwatch.domain.model.CardScan;
import org.tillwatch.domain.model.FiscalDocument;
import org.tillwatch.domain.model.KeyPress;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.RawEntry;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.model.TransactionId;

/** An open receipt being filled, entry by entry. */
final class ReceiptBuilder {
    final String shift;
    final String receipt;
    final String type;
    final String cashier;
    final LocalDateTime opened;
    LocalDateTime lastTime;
    long startOffset = -1;
    long startLine;
    final Map<Integer, Position> basket = new LinkedHashMap<>();
    final List<Position> removed = new ArrayList<>();
    final List<KeyPress> keys = new ArrayList<>();
    final List<BarcodeScan> scans = new ArrayList<>();
    final List<CardScan> cards = new ArrayList<>(1);
    final List<PendingRequest> requests = new ArrayList<>(4);
    final List<Payment> payments = new ArrayList<>(2);
    FiscalDocument fiscal;
    final List<TagEvent> tags = new ArrayList<>(1);
    final Set<String> queued = new HashSet<>(1);
    final List<RawEntry> raw = new ArrayList<>();
    boolean calculated;
    boolean changedAfterCalculation;

    ReceiptBuilder(String shift, String receipt, String type, String cashier, LocalDateTime opened) {
        this.shift = shift;
        this.receipt = receipt;
        this.type = type;
        this.cashier = cashier;
        this.opened = opened;
        this.lastTime = opened;
    }

    void add(Position p) {
        if (calculated) changedAfterCalculation = true;
        Position replaced = basket.put(p.pos(), p);
        if (replaced != null) removed.add(replaced);
    }

    void remove(int pos) {
        Position p = basket.remove(pos);
        if (p != null) removed.add(p);
    }

    Transaction build(RegisterKey key, ZoneId zone, ReceiptStatus status, LocalDateTime closed, BigDecimal total) {
        List<LoyaltyRequest> built = new ArrayList<>(requests.size());
        for (PendingRequest r : requests) built.add(r.build());
        return new Transaction(new TransactionId(key, shift, receipt, opened.toLocalDate()), type, cashier, opened,
                closed, closed.atZone(zone).toInstant(), status, total, new ArrayList<>(basket.values()), removed, keys,
                scans, cards, built, payments, fiscal, tags, queued, changedAfterCalculation, raw);
    }
}
