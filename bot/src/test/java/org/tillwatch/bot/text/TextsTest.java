package org.tillwatch.bot.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Message texts: Russian first, HTML that Telegram accepts, within its limits. */
class TextsTest {
    static Incident incident(String id, String scope) {
        return new Incident(id, "store_availability", scope, List.of(scope), Incident.Severity.WARNING, Instant.parse("2026-11-20T11:00:00Z"),
                null, Incident.IncidentState.OPEN, null, Incident.Impact.NONE, "Магазин <" + scope + "> / Store <" + scope + ">");
    }

    @Test
    void bothLanguagesRussianFirstAndHtmlEscaped() {
        Reply r = Incidents.card(IncidentNotice.Type.OPENED, incident("inc-1", "AX1B"), null, Lang.BOTH);
        assertThat(r.html().indexOf("Новый инцидент")).isLessThan(r.html().indexOf("New incident"));
        assertThat(r.html()).contains("Магазин &lt;AX1B&gt;", "Store &lt;AX1B&gt;").doesNotContain("<AX1B>");
        assertThat(Incidents.card(IncidentNotice.Type.OPENED, incident("inc-1", "AX1B"), null, Lang.EN).html()).doesNotContain("Новый");
        assertThat(r.keyboard().rows().getFirst().getFirst().data()).isEqualTo("ack:inc-1");
    }

    @Test
    void aLongMessageIsCutAtALineSoItsHtmlStaysValid() {
        List<IncidentNotice> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) many.add(new IncidentNotice(i, IncidentNotice.Type.OPENED, incident("inc-" + i, "S" + (1000 + i)), null, Instant.now()));
        Reply r = Incidents.digest(many, Lang.BOTH);
        assertThat(r.html().length()).isLessThanOrEqualTo(Reply.MAX_CHARS);
        for (String line : r.html().split("\n")) {
            assertThat(count(line, "<code>")).as(line).isEqualTo(count(line, "</code>"));
            assertThat(count(line, "<b>")).as(line).isEqualTo(count(line, "</b>"));
        }
    }

    @Test
    void callbackDataStaysWithinTelegramsSixtyFourBytes() {
        assertThatThrownBy(() -> new Keyboard.Button("x", "ack:" + "9".repeat(61))).hasMessageContaining("1..64 bytes");
        assertThat(Lang.parse("EN")).isEqualTo(Lang.EN);
        assertThat(Lang.parse("русский")).isEqualTo(Lang.RU);
        assertThat(Lang.parse("de")).isNull();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + 1)) n++;
        return n;
    }
}
