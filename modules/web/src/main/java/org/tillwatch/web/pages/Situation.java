package org.tillwatch.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.Tag;
import org.tillwatch.domain.model.Transaction;

/**
 * A common case the receipt page names outright.
 *
 * @param kind   the message key suffix: {@code promo}, {@code changed}, {@code pending}, {@code card}, {@code service}
 * @param detail what the texts name: promo item names, the card outcome; empty otherwise
 */
public record Situation(String kind, String detail) {
    static final Set<String> CARD_REFUSALS = Set.of("CardBlocked", "CardNotFound", "QrCodeExpired", "CardExpired", "CardNotActivated");

    /** The situations of a receipt, most important first. */
    public static List<Situation> of(Transaction t) {
        List<Situation> out = new ArrayList<>();
        if (t.failed() || t.hasTag(Tag.LOY_ERROR) || t.hasTag(Tag.LOY_TIMEOUT)) out.add(new Situation("service", ""));
        for (LoyaltyRequest r : t.requests()) {
            if (CARD_REFUSALS.contains(r.outcome().name())) {
                out.add(new Situation("card", r.outcome().name()));
                break;
            }
        }
        boolean confirmFailed = t.requests().stream().anyMatch(r -> r.operation() == Operation.CONFIRM && !r.outcome().ok());
        if (t.changedAfterCalculation() || t.hasTag(Tag.RCPT_CHANGED)
                || t.requests().stream().anyMatch(r -> r.outcome().name().equals("DifferentCheque"))) {
            out.add(new Situation("changed", confirmFailed ? "confirm" : ""));
        }
        if (t.pending() || t.hasTag(Tag.LOY_OFFLINE)) out.add(new Situation("pending", ""));
        List<String> promo = t.positions().stream().filter(Position::promo).map(Position::name).toList();
        if (!promo.isEmpty()) out.add(new Situation("promo", String.join(", ", promo)));
        return out;
    }

    /** Why a receipt earned no points, in one short key, or {@code null} when it did (or had no card). */
    public static String whyNoPoints(Transaction t) {
        if (t.accrued().signum() > 0 || t.card().isEmpty()) return null;
        for (Situation s : of(t)) {
            if (!s.kind().equals("promo") || t.positions().stream().allMatch(Position::promo)) return s.kind();
        }
        return t.status().closed() ? "none" : "incomplete";
    }
}
