package org.tillwatch.bot.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.tillwatch.alerting.Incident;

/** An incident of the collector's JSON (snake_case) as the alerting module's record. */
public final class IncidentJson {
    private IncidentJson() {
    }

    public static Incident parse(JsonNode n) {
        List<String> stores = new ArrayList<>();
        if (n.has("stores")) n.get("stores").forEach(s -> stores.add(s.asText()));
        JsonNode impact = n.get("impact");
        Incident.Impact im = impact == null || impact.isNull() ? Incident.Impact.NONE
                : new Incident.Impact(impact.path("loyalty").asLong(), impact.path("failed").asLong());
        return new Incident(n.path("id").asText(), n.path("kind").asText("rule"), n.path("scope").asText(Incident.CHAIN), stores,
                Incident.Severity.valueOf(n.path("severity").asText("warning").toUpperCase(Locale.ROOT)),
                instant(n.get("started")), instant(n.get("resolved")),
                Incident.IncidentState.valueOf(n.path("state").asText("open").toUpperCase(Locale.ROOT)),
                text(n.get("acknowledged_by")), im, n.path("summary").asText(""));
    }

    /** The incidents of a {@code {"incidents": [...]}} answer (or a bare array). */
    public static List<Incident> list(JsonNode n) {
        JsonNode arr = n.isArray() ? n : n.path("incidents");
        List<Incident> out = new ArrayList<>();
        arr.forEach(i -> out.add(parse(i)));
        return out;
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() || n.asText().isEmpty() ? null : Instant.parse(n.asText());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.asText().isEmpty() ? null : n.asText();
    }
}
