package org.tillwatch.cli.organizer;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.tillwatch.domain.model.BarcodeScan;
import org.tillwatch.domain.model.CardScan;
import org.tillwatch.domain.model.KeyPress;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.RawEntry;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;

/** A transaction as the cashier lived it: every key, scan, basket change, card, loyalty exchange, payment and tag in time order. */
final class Timeline {
    private static final DateTimeFormatter ENTRY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    enum Part {
        keys(Set.of("key")), items(Set.of("scan", "item+", "item-")), loyalty(Set.of("card", "loyalty>", "loyalty<")),
        payments(Set.of("payment", "fiscal"));

        final Set<String> kinds;

        Part(Set<String> kinds) {
            this.kinds = kinds;
        }
    }

    /** One moment. {@code xml}: the raw request or response body, for {@code --xml}. */
    record Event(LocalDateTime time, String kind, String what, Style style, String xml) {
    }

    private Timeline() {
    }

    static List<Event> of(Transaction t) {
        List<Event> e = new ArrayList<>();
        e.add(new Event(t.opened(), "opened", "чек открыт / receipt opened: type=" + t.type() + " cashier=" + t.cashier(), Style.BOLD, null));
        for (KeyPress k : t.keyPresses()) e.add(new Event(k.time(), "key", k.key() + (k.screen() == null ? "" : "  screen=" + k.screen()), Style.DIM, null));
        for (BarcodeScan s : t.scans()) e.add(new Event(s.time(), "scan", "barcode=" + s.barcode(), Style.NONE, null));
        for (Position p : t.positions()) e.add(new Event(p.time(), "item+", position(p), Style.NONE, null));
        for (Position p : t.removed()) e.add(new Event(removedAt(t, p), "item-", position(p), Style.YELLOW, null));
        for (CardScan c : t.cards()) {
            e.add(new Event(c.time(), "card", "card=" + c.card() + " entry=" + c.entry() + (c.qrAgeSeconds() == null ? "" : " qr_age=" + c.qrAgeSeconds() + "s"), Style.CYAN, null));
        }
        for (LoyaltyRequest r : t.requests()) {
            e.add(new Event(r.time(), "loyalty>", r.operation() + " op=" + r.operationId()
                    + (r.redeem() == null ? "" : " redeem=" + r.redeem().toPlainString()), Style.NONE, xmlAt(t, r.time())));
            var ex = OutcomeExplanations.of(r.outcome());
            String what = r.outcome().name() + (r.latencyMs() == null ? "" : " (" + r.latencyMs() + " ms)")
                    + (r.bonus() != null && r.bonus().accrued() != null ? " accrued=" + r.bonus().accrued().toPlainString() : "")
                    + (r.outcome().ok() ? "" : " — " + ex.title().ru() + " / " + ex.title().en());
            Style style = r.outcome().ok() ? Style.GREEN : r.outcome().critical() ? Style.BOLD_RED : Style.YELLOW;
            LocalDateTime at = r.outcomeTime() != null ? r.outcomeTime() : r.time();
            e.add(new Event(at, "loyalty<", what, style, r.outcomeTime() == null ? null : xmlAt(t, r.outcomeTime())));
        }
        for (Payment p : t.payments()) {
            e.add(new Event(p.time(), "payment", p.tender() + " " + p.amount().toPlainString() + (p.pan() == null ? "" : " pan=" + p.pan())
                    + (p.rc() == null ? "" : " rc=" + p.rc()) + (p.bank() == null ? "" : " bank=" + p.bank()), p.approved() ? Style.NONE : Style.RED, null));
        }
        if (t.fiscal() != null) {
            e.add(new Event(t.fiscal().time(), "fiscal", "fd=" + t.fiscal().fd() + " num=" + t.fiscal().num()
                    + (t.fiscal().total() == null ? "" : " total=" + t.fiscal().total().toPlainString()), Style.NONE, null));
        }
        for (TagEvent g : t.tags()) e.add(new Event(g.time(), "tag", g.tag(), Style.YELLOW, null));
        e.add(new Event(t.closed(), "closed", "чек закрыт / receipt " + t.status() + (t.total() == null ? "" : " total=" + t.total().toPlainString()), Style.BOLD, null));
        e.sort(Comparator.comparing(Event::time, Comparator.nullsFirst(Comparator.naturalOrder())));
        return e;
    }

    static List<Event> only(List<Event> events, Part part) {
        return part == null ? events : events.stream().filter(e -> part.kinds.contains(e.kind())).toList();
    }

    private static String position(Position p) {
        return "#" + p.pos() + " " + p.sku() + " \"" + p.name() + "\" " + p.qty().stripTrailingZeros().toPlainString()
                + (p.unit() == null ? "" : " " + p.unit()) + " x " + p.price().toPlainString() + " = " + p.amount().toPlainString()
                + (p.promo() ? " promo" : "");
    }

    private static LocalDateTime removedAt(Transaction t, Position p) {
        for (RawEntry r : t.raw()) {
            if (r.text().contains("Position removed:") && r.text().matches("(?s).*\\bpos=" + p.pos() + "\\b.*")) {
                LocalDateTime at = entryTime(r.text());
                if (at != null) return at;
            }
        }
        return p.time();
    }

    /** The XML body of the raw entry written at {@code time}, if it has one. */
    private static String xmlAt(Transaction t, LocalDateTime time) {
        if (time == null) return null;
        String prefix = ENTRY_TIME.format(time);
        for (RawEntry r : t.raw()) {
            int lt = r.text().indexOf('<');
            if (r.text().startsWith(prefix) && lt > 0) return r.text().substring(lt).strip();
        }
        return null;
    }

    static LocalDateTime entryTime(String text) {
        if (text.length() < 23) return null;
        try {
            return LocalDateTime.parse(text.substring(0, 23), ENTRY_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
