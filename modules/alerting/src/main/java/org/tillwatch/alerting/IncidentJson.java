package org.tillwatch.alerting;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON shape of incidents and notices shared by the API and the webhook (snake_case, lower-case enums). */
public final class IncidentJson {
    private IncidentJson() {
    }

    /** {@code resolved} and {@code acknowledged_by} are present and null when unset. */
    public static Map<String, Object> of(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("kind", i.kind());
        m.put("scope", i.scope());
        m.put("stores", i.stores());
        m.put("severity", i.severity().name().toLowerCase(Locale.ROOT));
        m.put("started", i.started().toString());
        m.put("resolved", i.resolved() == null ? null : i.resolved().toString());
        m.put("state", i.state().name().toLowerCase(Locale.ROOT));
        m.put("acknowledged_by", i.acknowledgedBy());
        m.put("impact", Map.of("loyalty", i.impact().loyalty(), "failed", i.impact().failed()));
        m.put("summary", i.summary());
        return m;
    }

    public static Map<String, Object> of(IncidentNotice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", n.sequence());
        m.put("type", n.type().name().toLowerCase(Locale.ROOT));
        m.put("at", n.at().toString());
        m.put("actor", n.actor());
        m.put("incident", of(n.incident()));
        return m;
    }
}
