package org.tillwatch.alerting.rules;

import java.util.Objects;

/** One rule applied to one scope: a store code, {@code chain}, or for self rules what they watch (a notifier). */
public record RuleKey(Rule rule, String scope) implements Comparable<RuleKey> {
    public RuleKey {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public int compareTo(RuleKey o) {
        int c = rule.compareTo(o.rule);
        return c != 0 ? c : scope.compareTo(o.scope);
    }

    @Override
    public String toString() {
        return rule.kind() + "/" + scope;
    }
}
