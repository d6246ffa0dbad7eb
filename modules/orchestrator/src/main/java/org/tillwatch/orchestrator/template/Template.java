package org.tillwatch.orchestrator.template;

import java.util.List;
import java.util.Set;

/**
 * One ordered template: ticket conditions (topics, channels; empty = any), transaction conditions (null = none),
 * the category it gives and its actions. The reported action is the strongest step: escalate, wait, resolve, reply.
 */
public record Template(String name, String description, Set<String> topics, Set<String> channels,
                       TransactionConditions transaction, String category, List<ActionSpec> actions) {
    public Template {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) throw new TemplateException("template name must be lowercase letters, digits and dashes: " + name);
        if (category == null || !category.matches("[a-z][a-z0-9_]{0,63}")) throw new TemplateException("template " + name + ": category must be a lowercase word");
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        actions = actions == null ? List.of() : List.copyOf(actions);
        if (actions.isEmpty()) throw new TemplateException("template " + name + ": needs at least one action");
    }

    public String primaryAction() {
        for (String a : List.of("escalate", "wait", "resolve", "reply")) {
            if (actions.stream().anyMatch(s -> s.type().equals(a))) return a;
        }
        return "none";
    }

    public Integer line() {
        return actions.stream().filter(s -> s.type().equals("escalate")).map(ActionSpec::line).findFirst().orElse(null);
    }
}
