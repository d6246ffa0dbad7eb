package org.tillwatch.orchestrator.matching;

import java.util.List;
import java.util.Map;

import org.tillwatch.orchestrator.template.Template;

/**
 * What a ticket gets: the template that matched (null: a person handles it), its category, the reported action
 * ({@code reply}, {@code resolve}, {@code escalate}, {@code wait}, {@code none}), the line for escalations, why,
 * and the facts of the transaction that made it match (for the audit trail).
 */
public record Decision(String ticket, Template template, String category, String action, Integer line, String reason,
                       List<String> transactions, TxFacts facts, Map<String, Object> audit) {
    public Decision {
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
        audit = audit == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(audit));
    }

    public String templateName() {
        return template == null ? null : template.name();
    }

    public boolean toPerson() {
        return template == null;
    }
}
