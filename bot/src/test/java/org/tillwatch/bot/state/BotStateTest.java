package org.tillwatch.bot.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a restart must not lose: subscriptions, languages, cards, incidents seen, undelivered pushes. */
class BotStateTest {
    @TempDir
    Path dir;

    @Test
    void everythingComesBackAfterARestart() throws Exception {
        Incident i = new Incident("inc-7", "chain_availability", Incident.CHAIN, List.of("AX1B", "KY9A"), Incident.Severity.CRITICAL,
                Instant.parse("2026-11-20T11:00:00Z"), null, Incident.IncidentState.ACKNOWLEDGED, "@anna (telegram 111)",
                new Incident.Impact(300, 180), "Сеть: сбои / Chain: failing");
        IncidentNotice n = new IncidentNotice(42, IncidentNotice.Type.ACKNOWLEDGED, i, "@anna (telegram 111)", Instant.parse("2026-11-22T14:00:00Z"));
        BotState s = BotState.open(dir);
        s.subscribe(-100500);
        s.subscribe(111);
        s.unsubscribe(111);
        s.language(111, "en");
        s.card("inc-7", -100500, 1234);
        s.known(Map.of("inc-7", i));
        s.pending(List.of(new BotState.PendingPush(-100500, n)));

        BotState back = BotState.open(dir);
        assertThat(back.subscribed()).containsExactly(-100500L);
        assertThat(back.language(111)).contains("en");
        assertThat(back.card("inc-7", -100500)).contains(1234L);
        assertThat(back.known()).containsEntry("inc-7", i);
        assertThat(back.seeded()).isTrue();
        assertThat(back.pending()).containsExactly(new BotState.PendingPush(-100500, n));
    }

    @Test
    void aDamagedStateFileStopsTheStartRatherThanForgettingSubscriptions() throws Exception {
        Files.writeString(dir.resolve("state.json"), "{not json");
        assertThatThrownBy(() -> BotState.open(dir)).isInstanceOf(java.io.IOException.class);
    }
}
