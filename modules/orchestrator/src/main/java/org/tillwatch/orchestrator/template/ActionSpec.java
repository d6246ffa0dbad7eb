package org.tillwatch.orchestrator.template;

import java.util.Objects;

/**
 * One step of a template: {@code reply} (texts with {placeholders}), {@code resolve}, {@code escalate} (line 1-3,
 * {@code oncePer} "store": one escalation per store, later tickets are linked to it), {@code wait} ({@code waitFor}
 * "queue": until the offline queue sends the confirm; "incident": until the linked incident closes, then resolve),
 * {@code link_incident}.
 */
public record ActionSpec(String type, String ru, String en, Integer line, String oncePer, String waitFor) {
    public ActionSpec {
        Objects.requireNonNull(type, "type");
        switch (type) {
            case "reply" -> {
                if (ru == null || ru.isBlank() || en == null || en.isBlank()) throw new TemplateException("reply needs both ru and en texts");
            }
            case "escalate" -> {
                if (line == null || line < 1 || line > 3) throw new TemplateException("escalate needs line 1, 2 or 3");
                if (oncePer != null && !oncePer.equals("store")) throw new TemplateException("escalate once_per can only be 'store'");
            }
            case "wait" -> {
                if (!"queue".equals(waitFor) && !"incident".equals(waitFor)) throw new TemplateException("wait needs for: queue or incident");
            }
            case "resolve", "link_incident" -> {
            }
            default -> throw new TemplateException("unknown action '" + type + "': reply, resolve, escalate, wait, link_incident");
        }
    }
}
