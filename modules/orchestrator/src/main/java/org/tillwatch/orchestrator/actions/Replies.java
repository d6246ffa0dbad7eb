package org.tillwatch.orchestrator.actions;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tillwatch.domain.model.OutcomeExplanation;
import org.tillwatch.domain.model.OutcomeExplanations;
import org.tillwatch.orchestrator.data.IncidentRef;
import org.tillwatch.orchestrator.matching.TxFacts;
import org.tillwatch.orchestrator.template.TemplateException;
import org.tillwatch.orchestrator.ticket.Reply;

/**
 * Fills reply texts with a transaction's facts: {date}, {time}, {store}, {store_name}, {receipt}, {amount},
 * {points}, {expected_points}, {promo_positions}, {positions}, {card} (last four), {incident}, {explanation} (what to
 * tell the customer about the receipt's first error, from the error dictionary).
 */
public final class Replies {
    public static final Set<String> PLACEHOLDERS = Set.of("date", "time", "store", "store_name", "receipt", "amount", "points",
            "expected_points", "promo_positions", "positions", "card", "incident", "explanation");
    private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Replies() {
    }

    /** Rejects a text naming a placeholder no fact fills. */
    public static void check(String text) {
        Matcher m = SLOT.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) throw new TemplateException("unknown placeholder {" + m.group(1) + "} (known: " + new java.util.TreeSet<>(PLACEHOLDERS) + ")");
        }
    }

    public static Reply render(String ru, String en, TxFacts f, String language) {
        return new Reply(fill(ru, values(f, "ru")), fill(en, values(f, "en")), language);
    }

    private static Map<String, String> values(TxFacts f, String lang) {
        Map<String, String> v = new HashMap<>();
        if (f == null) return v;
        v.put("date", f.closed().format(DATE));
        v.put("time", f.closed().format(TIME));
        v.put("store", f.tx().store());
        v.put("store_name", f.store().name() == null ? f.tx().store() : f.store().name());
        v.put("receipt", f.tx().id().receipt());
        v.put("amount", money(f.tx().total()));
        v.put("points", money(f.points()));
        v.put("expected_points", f.expectedPoints() == null ? "?" : money(f.expectedPoints()));
        v.put("promo_positions", Long.toString(f.tx().promoPositions()));
        v.put("positions", Integer.toString(f.tx().positions().size()));
        v.put("card", f.tx().card().map(c -> "*" + c.last4()).orElse(""));
        v.put("incident", f.incidents() == null || f.incidents().isEmpty() ? "" : incident(f.incidents().get(0)));
        String error = f.outcomes().stream().filter(o -> !o.equals("Ok")).findFirst().orElse(null);
        if (error != null) {
            OutcomeExplanation e = OutcomeExplanations.of(error);
            v.put("explanation", "ru".equals(lang) ? e.tellCustomer().ru() : e.tellCustomer().en());
        } else {
            v.put("explanation", "");
        }
        return v;
    }

    private static String incident(IncidentRef i) {
        return i.summary() == null ? i.id() : i.id() + " (" + i.summary() + ")";
    }

    private static String money(BigDecimal b) {
        return b == null ? "0.00" : b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String fill(String text, Map<String, String> v) {
        Matcher m = SLOT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(v.getOrDefault(m.group(1), "")));
        m.appendTail(sb);
        return sb.toString();
    }
}
