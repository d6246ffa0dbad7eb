package org.tillwatch.orchestrator;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.orchestrator.template.TemplateException;
import org.tillwatch.orchestrator.template.TemplateSet;
import org.tillwatch.orchestrator.ticket.TicketException;
import org.tillwatch.orchestrator.ticket.TicketRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateSetTest {
    @Test
    void builtinTemplatesAreOrderedAsDocumented() {
        assertThat(TemplateSet.builtin().templates()).extracting(t -> t.name()).containsExactly(
                "store-missing-in-processing", "offline-points-delivered", "offline-points-pending",
                "receipt-changed-after-calculation", "loyalty-failure-during-incident", "qr-code-expired", "card-not-found",
                "card-blocked", "promo-items-no-points");
    }

    @Test
    void aJsonFileLoadsTheSameWay(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("t.json");
        Files.writeString(f, """
                {"templates": [{"name": "blocked", "category": "card_blocked",
                  "when": {"topics": ["card_problem"], "transaction": {"outcomes": ["CardBlocked"]}},
                  "actions": [{"reply": {"ru": "Карта {card}", "en": "Card {card}"}}, {"escalate": {"line": 2}}]}]}
                """);
        TemplateSet set = TemplateSet.load(f);
        assertThat(set.templates().get(0).primaryAction()).isEqualTo("escalate");
        assertThat(set.templates().get(0).line()).isEqualTo(2);
    }

    @Test
    void mistakesAreNamedWithTheTemplate(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("t.yaml");
        Files.writeString(f, "templates:\n  - name: x\n    category: c\n    when: {transaction: {outcome: [CardBlocked]}}\n    actions: [resolve]\n");
        assertThatThrownBy(() -> TemplateSet.load(f)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("template #1 (x)").hasMessageContaining("unknown key 'outcome'");
        Files.writeString(f, "templates:\n  - name: x\n    category: c\n    actions: [{reply: {ru: '{pointz}', en: 'x'}}]\n");
        assertThatThrownBy(() -> TemplateSet.load(f)).hasMessageContaining("unknown placeholder {pointz}");
        Files.writeString(f, "templates:\n  - name: x\n    category: c\n    actions: [{escalate: {line: 4}}]\n");
        assertThatThrownBy(() -> TemplateSet.load(f)).hasMessageContaining("escalate needs line 1, 2 or 3");
    }

    @Test
    void aBadTicketSaysWhichFieldIsWrong() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThatThrownBy(() -> TicketRequest.fromJson(json.readTree("{\"id\":\"a\",\"created\":\"yesterday\",\"channel\":\"phone\",\"topic\":\"x\",\"card\":\"7000123412341234\"}")))
                .isInstanceOf(TicketException.class).hasMessageContaining("created");
        assertThatThrownBy(() -> TicketRequest.fromJson(json.readTree("{\"id\":\"a\",\"created\":\"2026-11-20T10:00:00Z\",\"channel\":\"phone\",\"topic\":\"x\"}")))
                .hasMessageContaining("needs a customer card, a store, or a full transaction id");
        assertThatThrownBy(() -> TicketRequest.fromJson(json.readTree("{\"id\":\"a\",\"created\":\"2026-11-20T10:00:00Z\",\"channel\":\"phone\",\"topic\":\"x\",\"card\":\"12ab\"}")))
                .hasMessageContaining("card must be the loyalty card number");
    }
}
