package org.tillwatch.cli.organizer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;

/** How transactions are shown: store-local times with their UTC offset, masked cards, coloured failures. */
final class Views {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Views() {
    }

    /** The store's offset, read from the transaction itself (its local close time against the close instant). */
    static ZoneOffset offset(Transaction t) {
        return ZoneOffset.ofTotalSeconds((int) (t.closed().toEpochSecond(ZoneOffset.UTC) - t.closedAt().getEpochSecond()));
    }

    /** {@code 2026-11-20 14:03:11 +04:00}: store time with its zone offset. */
    static String local(LocalDateTime time, ZoneOffset offset) {
        return time == null ? "-" : LOCAL.format(time) + " " + offset.getId().replace("Z", "+00:00");
    }

    static String clock(LocalDateTime time) {
        return time == null ? "-" : CLOCK.format(time);
    }

    static String localIso(LocalDateTime time, ZoneOffset offset) {
        return time == null ? null : time.atOffset(offset).toString();
    }

    static String card(Transaction t) {
        return t.card().map(c -> c.card()).orElse("-");
    }

    static List<String> tags(Transaction t) {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        for (TagEvent e : t.tags()) s.add(e.tag());
        return new ArrayList<>(s);
    }

    static Cell status(Transaction t) {
        String text = t.status().name() + (t.failed() ? " FAILED" : "");
        Style style = t.failed() ? Style.BOLD_RED : switch (t.status()) {
            case OK -> Style.GREEN;
            case CANCELLED -> Style.DIM;
            case INCOMPLETE -> Style.YELLOW;
        };
        return Cell.of(text, style);
    }

    static Cell outcomes(List<String> names) {
        boolean critical = names.stream().anyMatch(n -> OutcomeExplanations.of(n).critical());
        boolean notOk = names.stream().anyMatch(n -> !n.equals("Ok"));
        return Cell.of(names.isEmpty() ? "-" : String.join(",", names), critical ? Style.RED : notOk ? Style.YELLOW : Style.NONE);
    }

    /** What machines get for a receipt (the keys {@code tillwatch receipts --json} always had, then more). */
    static Map<String, Object> row(Transaction t) {
        ZoneOffset off = offset(t);
        Map<String, Object> m = Rows.record("id", t.id().toString(), "store", t.store(), "register", t.register().register(),
                "status", t.status().name(), "total", t.total() == null ? null : t.total().toPlainString(),
                "positions", t.positions().size(), "promo_positions", t.promoPositions(), "outcomes", t.outcomeNames(),
                "accrued", t.accrued().toPlainString(), "pending", t.pending(), "closed", t.closedAt().toString(),
                "failed", t.failed(), "bag", t.changedAfterCalculation());
        m.put("opened_local", localIso(t.opened(), off));
        m.put("closed_local", localIso(t.closed(), off));
        m.put("card", t.card().map(c -> c.card()).orElse(null));
        m.put("tags", tags(t));
        return m;
    }

    static Instant instant(LocalDateTime time, ZoneOffset offset) {
        return time.toInstant(offset);
    }
}
