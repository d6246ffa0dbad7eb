package org.tillwatch.simulator;

import org.tillwatch.simulator.LogWriter.Level;
import org.tillwatch.simulator.LoyaltyRequest.Operation;
import org.tillwatch.simulator.Payments.Tender;

/**
 * Writes one receipt as a register logs it, from {@code Receipt opened} to {@code Receipt closed} (or to its
 * last line, for an incomplete one), following a {@link ReceiptSpec}; timings are those of the sample logs.
 */
final class ReceiptSimulator {
    private final LogWriter w;
    private final Rng rng;
    private final LoyaltyExchange loyalty;
    private final Payments payments;
    private final CardPool cards;
    private final StoreProfile store;
    private final String datePrefix;
    private int purchaseCounter;

    ReceiptSimulator(LogWriter w, Rng rng, LoyaltyExchange loyalty, Payments payments, CardPool cards,
            StoreProfile store, java.time.LocalDate day) {
        this.w = w;
        this.rng = rng;
        this.loyalty = loyalty;
        this.payments = payments;
        this.cards = cards;
        this.store = store;
        this.datePrefix = day.toString().replace("-", "");
        this.purchaseCounter = rng.between(100, 9000);
    }

    ReceiptOutcome run(int start, int shift, int receiptNo, String cashier, ReceiptSpec spec) {
        ReceiptOutcome out = new ReceiptOutcome();
        out.openedMs = start;
        int t = start;
        w.entry(t, Level.INFO, "PurchaseManager").ascii("Receipt opened: shift=").num(shift).ascii(" receipt=")
                .num(receiptNo).ascii(" type=").ascii(spec.returnReceipt ? "RETURN" : "SALE").ascii(" cashier=")
                .ascii(cashier).eol();
        Basket basket = new Basket();
        int items = spec.incomplete != ReceiptSpec.Incomplete.NONE ? Math.min(spec.items, rng.between(1, 4)) : spec.items;
        for (int i = 0; i < items; i++) {
            t = addItem(t, basket);
        }
        if (spec.voidLine && basket.size() >= 2) {
            t += rng.between(1000, 3000);
            key(t, "VOID", "SALE");
            Basket.Line victim = basket.lines().get(rng.nextInt(basket.size()));
            victim.removed = true;
            t += 30;
            w.entry(t, Level.INFO, "PurchaseManager").ascii("Position removed: pos=").num(victim.pos).eol();
        }
        if (spec.incomplete != ReceiptSpec.Incomplete.NONE) {
            out.status = ReceiptOutcome.Status.INCOMPLETE;
            out.endMs = t;
            return out;
        }
        return spec.returnReceipt ? finishReturn(t, receiptNo, shift, basket, out) : sale(t, receiptNo, shift, spec, basket, out);
    }

    private ReceiptOutcome sale(int t, int receiptNo, int shift, ReceiptSpec spec, Basket basket, ReceiptOutcome out) {
        boolean calculated = false;
        String purchaseId = null;
        String card = null;
        long balance = rng.chance(0.15) ? rng.between(0, 9_999) : rng.between(10_000, 300_000);
        if (spec.card) {
            out.card = cards.draw(rng, store.index());
            card = cards.number(out.card);
            t += rng.between(1000, 3000);
            key(t, "CARD", "SALE");
            t += 1000;
            w.entry(t, Level.INFO, "LoyaltyManager").ascii("Loyalty card scanned: card=").ascii(card).ascii(" entry=")
                    .ascii(spec.entry.name());
            if (spec.entry == ReceiptSpec.Entry.QR) {
                w.ascii(" qr_age_s=").num(spec.qrAgeSeconds);
            }
            w.eol();
            purchaseId = purchaseId(t);
            boolean refused = false;
            if (spec.balance) {
                t += rng.between(300, 900);
                Reply healthy = spec.cardError != null ? Reply.response(spec.cardError) : Reply.OK;
                LoyaltyRequest r = request(Operation.BALANCE, null, card, t, basket, 0, 0, balance);
                Reply reply = loyalty.send(r, t, healthy, spec.immune, spec.innerCodeOnly, spec.pretty);
                out.record(reply);
                t = loyalty.end();
                refused = reply.kind() == Reply.Kind.RESPONSE && reply.code().cardDeclined();
            }
            t += 10;
            key(t, "SUBTOTAL", "SALE");
            if (!refused) {
                t += rng.between(5, 40);
                calculated = calculate(t, spec, basket, purchaseId, card, balance, out);
                t = loyalty.end();
            }
        } else {
            t += rng.between(1000, 3000);
            key(t, "SUBTOTAL", "SALE");
        }
        if (calculated && spec.bag) {
            t += 2000;
            key(t, "BACK", "PAYMENT");
            t += 1000;
            Basket.Line bag = basket.add(Catalog.BAG, 1, false);
            positionAdded(t, bag, null);
            loyalty.tag(t + 5, "RCPT_CHANGED");
            t += 1000;
            key(t, "SUBTOTAL", "SALE");
            t += rng.between(5, 40);
            out.bag = true;
            calculated = calculate(t, spec, basket, purchaseId(t), card, balance, out);
            t = loyalty.end();
        }
        if (spec.cancel) {
            t += rng.between(2000, 5000);
            key(t, "CANCEL", "SALE");
            if (calculated) {
                t += rng.between(10, 40);
                LoyaltyRequest r = request(Operation.CANCEL, purchaseId, card, t, basket, 0, 0, balance);
                out.record(loyalty.send(r, t, Reply.OK, spec.immune, false, spec.pretty));
                t = loyalty.end();
            }
            return close(t + 200, receiptNo, shift, basket, ReceiptOutcome.Status.CANCELLED, out);
        }
        long redeemed = 0;
        long total = basket.totalCents();
        if (calculated && spec.redeem) {
            long want = Math.min(10_000, total * 3 / 10);
            if (want >= 100) {
                t += rng.between(500, 1500);
                Reply healthy = spec.notEnoughPoints || balance < want ? Reply.response(LoymaxCode.NotEnoughMoney) : Reply.OK;
                LoyaltyRequest r = request(Operation.PAYMENT, purchaseId, card, t, basket, want, 0, balance);
                Reply reply = loyalty.send(r, t, healthy, spec.immune, spec.innerCodeOnly, spec.pretty);
                out.record(reply);
                t = loyalty.end();
                redeemed = reply.ok() ? want : 0;
            }
        }
        t += rng.between(2000, 8000);
        key(t, "PAYMENT", "SALE");
        if (redeemed > 0) {
            t += 100;
            payments.bonus(t, redeemed);
        }
        Tender tender = payments.pickTender();
        if (spec.decline) {
            Tender card1 = tender == Tender.CASH ? Tender.BANK_CARD : tender;
            t += rng.between(3000, 9000);
            payments.pay(t, card1, total - redeemed, rng.pick(java.util.List.of("51", "05", "55", "91")));
            tender = rng.chance(0.5) ? Tender.CASH : Tender.BANK_CARD;
        }
        t += rng.between(2000, 9000);
        payments.pay(t, tender, total - redeemed, "00");
        t += 1000;
        payments.fiscal(t, receiptNo, total);
        if (calculated) {
            t += rng.between(5, 40);
            long accrued = basket.accrualCents(store.format().accrualPercent);
            LoyaltyRequest r = request(Operation.CONFIRM, purchaseId, card, t, basket, redeemed, accrued, balance);
            Reply healthy = spec.confirmTimesOut ? Reply.TIMEOUT
                    : out.bag ? Reply.response(LoymaxCode.DifferentCheque) : Reply.OK;
            Reply reply = loyalty.send(r, t, healthy, spec.immune, false, spec.pretty);
            out.record(reply);
            t = loyalty.end();
            if (reply.ok()) {
                out.accruedCents = accrued;
            } else if (reply.kind() == Reply.Kind.TIMEOUT) {
                t += 3;
                w.entry(t, Level.WARN, "LoyaltyManager").ascii("Offline mode: queued operation_id=")
                        .ascii(r.operationId()).ascii(" reason=TIMEOUT").eol();
                loyalty.tag(t + 1, "LOY_OFFLINE");
                t = loyalty.end();
                out.pending = true;
                out.queued = r;
            }
        }
        return close(t + 100, receiptNo, shift, basket, ReceiptOutcome.Status.OK, out);
    }

    private boolean calculate(int t, ReceiptSpec spec, Basket basket, String purchaseId, String card, long balance,
            ReceiptOutcome out) {
        Reply healthy = spec.calculateReply != null ? spec.calculateReply
                : spec.cardError != null && !spec.balance ? Reply.response(spec.cardError) : Reply.OK;
        long accrued = basket.accrualCents(store.format().accrualPercent);
        LoyaltyRequest r = request(Operation.CALCULATE, purchaseId, card, t, basket, 0, accrued, balance);
        Reply reply = loyalty.send(r, t, healthy, spec.immune, spec.innerCodeOnly, spec.pretty);
        out.record(reply);
        return reply.ok();
    }

    private ReceiptOutcome finishReturn(int t, int receiptNo, int shift, Basket basket, ReceiptOutcome out) {
        t += rng.between(1000, 3000);
        key(t, "SUBTOTAL", "RETURN");
        t += rng.between(2000, 6000);
        key(t, "PAYMENT", "RETURN");
        t += rng.between(2000, 5000);
        payments.pay(t, Tender.CASH, basket.totalCents(), "00");
        t += 1000;
        payments.fiscal(t, receiptNo, basket.totalCents());
        return close(t + 100, receiptNo, shift, basket, ReceiptOutcome.Status.OK, out);
    }

    private ReceiptOutcome close(int t, int receiptNo, int shift, Basket basket, ReceiptOutcome.Status status,
            ReceiptOutcome out) {
        w.entry(t, Level.INFO, "PurchaseManager").ascii("Receipt closed: shift=").num(shift).ascii(" receipt=")
                .num(receiptNo).ascii(" total=").money(basket.totalCents()).ascii(" status=").ascii(status.name()).eol();
        out.status = status;
        out.endMs = t;
        out.totalCents = basket.totalCents();
        out.positions = basket.positions();
        out.promoPositions = basket.promoPositions();
        return out;
    }

    private int addItem(int t, Basket basket) {
        Catalog.Product p = rng.pick(Catalog.PRODUCTS);
        boolean promo = rng.chance(0.2);
        int qty = p.weighed() ? rng.between(150, 2500) : rng.chance(0.85) ? 1 : rng.between(2, 4);
        t += rng.between(800, 4000);
        key(t, "PLU", "SALE");
        if (!p.weighed() && qty > 1 && rng.chance(0.3)) {
            t += rng.between(200, 600);
            key(t, "QTY", "SALE");
            t += rng.between(150, 400);
            key(t, Integer.toString(qty), "SALE");
        }
        if (p.weighed()) {
            t += rng.between(300, 900);
            w.entry(t, Level.INFO, "HardwareManager").ascii("Scale weight: ").kilos(qty).ascii(" kg").eol();
        }
        t += rng.between(50, 300);
        String barcode = "46" + rng.digits(11);
        w.entry(t, Level.INFO, "Scanner").ascii("Barcode scanned: barcode=").ascii(barcode).eol();
        t += 10;
        positionAdded(t, basket.add(p, qty, promo), barcode);
        return t;
    }

    private void positionAdded(int t, Basket.Line l, String barcode) {
        w.entry(t, Level.INFO, "PurchaseManager").ascii("Position added: pos=").num(l.pos).ascii(" sku=")
                .num(l.product.sku());
        if (barcode != null) {
            w.ascii(" barcode=").ascii(barcode);
        }
        w.ascii(" name=");
        String name = l.product.name();
        if (l.product == Catalog.BAG) {
            w.text(name);
        } else {
            w.raw('"').text(name.replace("\\", "\\\\").replace("\"", "\\\"")).raw('"');
        }
        w.ascii(" qty=");
        if (l.weighed) {
            w.kilos(l.quantity).ascii(" unit=kg");
        } else {
            w.num(l.quantity).ascii(" unit=pcs");
        }
        w.ascii(" price=").money(l.priceCents).ascii(" amount=").money(l.amountCents).ascii(" promo=")
                .ascii(l.promo ? "1" : "0").ascii(" dept=").num(l.product.dept()).eol();
    }

    private void key(int t, String key, String screen) {
        w.entry(t, Level.TRACE, "Keyboard").ascii("Key pressed: key=").ascii(key).ascii(" screen=").ascii(screen).eol();
    }

    private LoyaltyRequest request(Operation op, String purchaseId, String card, int t, Basket basket, long redeem,
            long accrued, long balance) {
        return new LoyaltyRequest(op, rng.hex32(), purchaseId, card, t, basket, redeem, accrued, balance);
    }

    /** 20 digits: the local date-time to the second, then a per-register counter. */
    private String purchaseId(int t) {
        int s = t / 1000;
        purchaseCounter = (purchaseCounter + rng.between(1, 120)) % 1_000_000;
        return datePrefix + pad(s / 3600, 2) + pad(s / 60 % 60, 2) + pad(s % 60, 2) + pad(purchaseCounter, 6);
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return "0".repeat(width - s.length()) + s;
    }
}
