package org.tillwatch.domain.assemble;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tillwatch.domain.model.BarcodeScan;
import org.tillwatch.domain.model.CardScan;
import org.tillwatch.domain.model.FiscalDocument;
import org.tillwatch.domain.model.KeyPress;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.parse.LogEvent;

/**
 * Assembles one register's events into transactions, per the spec: a receipt runs from {@code Receipt opened} to
 * {@code Receipt closed}, or ends INCOMPLETE at {@code Shift closed}, the next {@code Receipt opened}, or
 * {@link #SILENCE} without an entry from the register. Responses match the latest request with their OperationID;
 * failures and HTTP errors the latest request still without an outcome. A receipt's request with no outcome when
 * the receipt ends is NO_RESPONSE. Time is the logs' own (event time), never the wall clock.
 */
public final class RegisterAssembler {
    public static final Duration SILENCE = Duration.ofMinutes(30);

    private final RegisterKey key;
    private final ZoneId zone;
    private final AssemblyListener listener;
    private ReceiptBuilder open;
    private LocalDateTime lastTime;
    private final Map<String, PendingRequest> latestByOperationId = new HashMap<>();
    private final List<PendingRequest> awaiting = new ArrayList<>();

    public RegisterAssembler(RegisterKey key, ZoneId zone, AssemblyListener listener) {
        this.key = key;
        this.zone = zone;
        this.listener = listener;
    }

    public void accept(LogEvent e) {
        accept(e, -1, 0);
    }

    /**
     * Applies one event read from stream offset {@code offset}, line {@code line} of its file (for {@link #earliestLiveOffset()};
     * -1 when unknown).
     */
    public void accept(LogEvent e, long offset, long line) {
        LocalDateTime t = e.time();
        expireIfSilent(t);
        forgetUnansweredBetweenReceipts(t);
        if (lastTime == null || t.isAfter(lastTime)) lastTime = t;
        if (open != null && endsOpenReceipt(e)) end(ReceiptStatus.INCOMPLETE, open.lastTime, null);
        if (open != null) {
            open.raw.add(e.raw());
            if (t.isAfter(open.lastTime)) open.lastTime = t;
        }
        switch (e) {
            case LogEvent.ReceiptOpened ro -> {
                open = new ReceiptBuilder(ro.shift(), ro.receipt(), ro.type(), ro.cashier(), t);
                open.startOffset = offset;
                open.startLine = line;
                open.raw.add(e.raw());
            }
            case LogEvent.ReceiptClosed rc -> {
                if (open != null) end(ReceiptStatus.valueOf(rc.status()), t, rc.total());
            }
            case LogEvent.ShiftClosed sc -> { }
            case LogEvent.KeyPressed k -> { if (open != null) open.keys.add(new KeyPress(t, k.key(), k.screen())); }
            case LogEvent.BarcodeScanned b -> { if (open != null) open.scans.add(new BarcodeScan(t, b.barcode())); }
            case LogEvent.PositionAdded p -> { if (open != null) open.add(p.position()); }
            case LogEvent.PositionRemoved p -> { if (open != null) open.remove(p.pos()); }
            case LogEvent.CardScanned c -> { if (open != null) open.cards.add(new CardScan(t, c.card(), c.entry(), c.qrAgeSeconds())); }
            case LogEvent.PaymentMade p -> { if (open != null) open.payments.add(p.payment()); }
            case LogEvent.FiscalPrinted f -> { if (open != null) open.fiscal = new FiscalDocument(t, f.fd(), f.num(), f.total()); }
            case LogEvent.OfflineQueued q -> { if (open != null) open.queued.add(q.operationId()); }
            case LogEvent.TagSet tag -> {
                TagEvent te = new TagEvent(t, tag.tag());
                if (open != null) open.tags.add(te); else listener.registerTag(key, te);
            }
            case LogEvent.LoyaltyRequestSent r -> request(r, offset, line);
            case LogEvent.LoyaltyResponse r -> response(r);
            case LogEvent.LoyaltyRequestFailed f -> {
                PendingRequest p = latestAwaiting();
                if (p != null) resolve(p, Outcome.ofException(f.exceptionClass()), t, f.latencyMs(),
                        f.exceptionMessage() == null ? f.exceptionClass() : f.exceptionClass() + ": " + f.exceptionMessage());
            }
            case LogEvent.LoyaltyHttpError h -> {
                PendingRequest p = latestAwaiting();
                if (p != null) resolve(p, Outcome.http(h.status()), t, h.latencyMs(), h.gatewayKey());
            }
            case LogEvent.ShiftOpened so -> { }
            case LogEvent.OfflineQueueSent s -> { }
            case LogEvent.Noise n -> { }
        }
    }

    /** Entries that end the open receipt before they are applied: a new receipt, a shift close, another receipt's close. */
    private boolean endsOpenReceipt(LogEvent e) {
        return switch (e) {
            case LogEvent.ReceiptOpened ro -> true;
            case LogEvent.ShiftClosed sc -> true;
            case LogEvent.ReceiptClosed rc -> !(open.shift.equals(rc.shift()) && open.receipt.equals(rc.receipt()));
            default -> false;
        };
    }

    /** Ends an open receipt as INCOMPLETE if the register has been silent for {@link #SILENCE} as of {@code now}. */
    public void expireIfSilent(LocalDateTime now) {
        if (open != null && lastTime != null && Duration.between(lastTime, now).compareTo(SILENCE) > 0) {
            end(ReceiptStatus.INCOMPLETE, open.lastTime, null);
        }
    }

    /** Time of the latest entry seen (the logs' local time), or null before any. */
    public LocalDateTime lastTime() {
        return lastTime;
    }

    /** End of all input for this register: an open receipt can no longer close. */
    public void finish() {
        if (open != null) end(ReceiptStatus.INCOMPLETE, open.lastTime, null);
    }

    /**
     * The earliest stream offset this assembler still holds state from (the open receipt's opening, a request awaiting
     * its outcome), or {@link Long#MAX_VALUE} when it holds none; with {@link #earliestLiveLine()}, the line there.
     */
    public long earliestLiveOffset() {
        long min = open != null && open.startOffset >= 0 ? open.startOffset : Long.MAX_VALUE;
        for (PendingRequest p : awaiting) if (p.offset >= 0 && p.offset < min) min = p.offset;
        return min;
    }

    public long earliestLiveLine() {
        long min = earliestLiveOffset();
        if (open != null && open.startOffset == min) return open.startLine;
        for (PendingRequest p : awaiting) if (p.offset == min) return p.line;
        return 0;
    }

    /**
     * A request between receipts that has had no outcome for {@link #SILENCE} never will (the spec does not count
     * it): forgetting it keeps a register's state, and what a restart must re-read, bounded.
     */
    private void forgetUnansweredBetweenReceipts(LocalDateTime now) {
        if (awaiting.isEmpty()) return;
        LocalDateTime limit = now.minus(SILENCE);
        awaiting.removeIf(p -> {
            if (p.receipt != null || !p.time.isBefore(limit)) return false;
            if (latestByOperationId.get(p.operationId) == p) latestByOperationId.remove(p.operationId);
            return true;
        });
    }

    private void request(LogEvent.LoyaltyRequestSent r, long offset, long line) {
        PendingRequest p = new PendingRequest(r.time(), r.operation(), r.operationId(), r.purchaseId(), r.card(), r.redeem(), open);
        p.offset = offset;
        p.line = line;
        if (open != null) {
            open.requests.add(p);
            if (r.operation() == Operation.CALCULATE) open.calculated = true;
        }
        latestByOperationId.put(r.operationId(), p);
        awaiting.add(p);
    }

    private void response(LogEvent.LoyaltyResponse r) {
        PendingRequest p = r.operationId() != null ? latestByOperationId.get(r.operationId()) : latestAwaiting();
        if (p == null || p.outcome != null) return;
        p.bonus = r.bonus();
        p.lineAccruals = r.lineAccruals();
        p.message = r.message();
        p.cashierMessage = r.cashierMessage();
        resolve(p, Outcome.ofErrorCode(r.errorCode()), r.time(), r.latencyMs(), r.message());
    }

    private void resolve(PendingRequest p, Outcome outcome, LocalDateTime at, Long latency, String detail) {
        p.resolve(outcome, at, latency, detail);
        awaiting.remove(p);
        if (latestByOperationId.get(p.operationId) == p) latestByOperationId.remove(p.operationId);
        if (p.receipt == null) listener.registerRequest(key, p.build());
    }

    private PendingRequest latestAwaiting() {
        return awaiting.isEmpty() ? null : awaiting.get(awaiting.size() - 1);
    }

    private void end(ReceiptStatus status, LocalDateTime closed, BigDecimal total) {
        ReceiptBuilder r = open;
        open = null;
        for (PendingRequest p : r.requests) {
            if (p.outcome == null) {
                p.resolve(Outcome.NO_RESPONSE, null, null, null);
                awaiting.remove(p);
                if (latestByOperationId.get(p.operationId) == p) latestByOperationId.remove(p.operationId);
            }
        }
        listener.transaction(r.build(key, zone, status, closed, total));
    }
}
