package org.tillwatch.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.collector.Collector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incident pushes as in {@code tillwatch serve} with the bot enabled: the bot's notifier registered with a real
 * collector's alert engine, the sample fleet arriving, the pushed card's acknowledge button pressed; and a standalone
 * bot that derives the same notices by polling the collector's incidents API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotPushTest {
    static final long ANNA = Stand.ANNA;
    static final long CHAT = Stand.PUSH_CHAT;
    static final Duration WAIT = Duration.ofSeconds(90);

    Stand stand;
    Collector collector;
    FakeTelegram telegram;
    TelegramBot bot;
    List<IncidentNotice> notices;

    @BeforeAll
    void start() throws Exception {
        stand = Stand.get();
        collector = stand.collector;
        telegram = stand.telegram;
        bot = stand.bot;
        notices = stand.notices;
    }

    @Test
    void aPushedIncidentIsAcknowledgedFromItsButtonAndTheCardSaysWho() throws Exception {
        FakeTelegram.Call card = stand.openCard;
        assertThat(card.text()).contains("Новый инцидент", "New incident");
        assertThat(BotCommandsTest.buttons(card)).contains("sil:1h:" + ackId(card), "sil:4h:" + ackId(card));
        String id = ackId(card);

        int mark = telegram.mark();
        String cb = telegram.press(ANNA, "anna", CHAT, card.messageId(), "ack:" + id);
        FakeTelegram.Call toast = telegram.await("answerCallbackQuery", c -> c.params().path("callback_query_id").asText().equals(cb), mark, WAIT);
        assertThat(toast.params().path("text").asText()).contains("@anna");
        FakeTelegram.Call edited = telegram.await("editMessageText", c -> c.messageId() == card.messageId() && c.text().contains("@anna"), mark, WAIT);
        assertThat(edited.text()).contains("Принял: @anna (telegram 111)", "Acknowledged by @anna (telegram 111)");
        assertThat(BotCommandsTest.buttons(edited)).doesNotContain("ack:" + id);

        JsonNode incident = FleetCollector.get(collector, "/api/v1/incidents/" + id);
        assertThat(incident.get("acknowledged_by").asText()).isEqualTo("@anna (telegram 111)");
        // The fleet replays a day in seconds: the incident may already be over, and its card then has no buttons.
        if (incident.get("state").asText().equals("acknowledged")) assertThat(BotCommandsTest.buttons(edited)).contains("sil:1h:" + id);
        else assertThat(incident.get("state").asText()).isEqualTo("resolved");
    }

    @Test
    void silencingFromAPushedCardCreatesTheSilenceAndTheCardSaysWho() throws Exception {
        awaitQuiet();
        // The last card pushed (the acknowledge test takes the first one).
        List<FakeTelegram.Call> cards = telegram.calls("sendMessage").stream().filter(c -> c.chat() == CHAT
                && BotCommandsTest.buttons(c).stream().anyMatch(b -> b.startsWith("sil:4h:"))).toList();
        assertThat(cards).isNotEmpty();
        FakeTelegram.Call card = cards.getLast();
        String id = BotCommandsTest.buttons(card).stream().filter(b -> b.startsWith("sil:4h:")).findFirst().orElseThrow().substring(7);
        JsonNode incident = FleetCollector.get(collector, "/api/v1/incidents/" + id);
        int mark = telegram.mark();
        telegram.press(222, "boris", CHAT, card.messageId(), "sil:4h:" + id); // boris is no listed user, but the group is
        FakeTelegram.Call edited = telegram.await("editMessageText", c -> c.messageId() == card.messageId() && c.text().contains("boris"), mark, WAIT);
        // Two edits race here: the button's own ("— 4 h") and the one for the engine's SILENCED notice.
        assertThat(edited.text()).contains("Заглушил: @boris (telegram 222)", "Silenced by @boris (telegram 222)");
        JsonNode silences = FleetCollector.get(collector, "/api/v1/silences");
        assertThat(silences.toString()).contains("@boris (telegram 222)", incident.get("kind").asText());
    }

    @Test
    void everyNoticeReachesTheChatWithinTheRateLimitAndBurstsAreCoalesced() throws Exception {
        awaitQuiet();
        assertThat(notices).isNotEmpty();
        Set<String> ids = new TreeSet<>();
        notices.forEach(n -> ids.add(n.incident().id()));
        List<FakeTelegram.Call> toChat = new ArrayList<>();
        for (FakeTelegram.Call c : telegram.calls()) {
            if ((c.method().equals("sendmessage") || c.method().equals("editmessagetext")) && c.chat() == CHAT && !c.text().contains("Incidents will be pushed")) toChat.add(c);
        }
        String all = String.join("\n", toChat.stream().map(FakeTelegram.Call::text).toList());
        for (String id : ids) assertThat(all).as("incident " + id + " reached the chat").contains(id);
        long sends = toChat.stream().filter(c -> c.method().equals("sendmessage")).count();
        System.out.printf("fleet-small: %d notices for %d incidents -> %d messages and %d edits to the subscribed chat%n", notices.size(), ids.size(),
                sends, toChat.size() - sends);
        assertThat(sends).as("%d notices in %d messages", notices.size(), sends).isLessThanOrEqualTo(notices.size());
        for (int i = 1; i < toChat.size(); i++) {
            long gap = (toChat.get(i).nanos() - toChat.get(i - 1).nanos()) / 1_000_000;
            assertThat(gap).as("gap before message %d to one chat", i).isGreaterThanOrEqualTo(950);
        }
        JsonNode open = FleetCollector.get(collector, "/api/v1/incidents?state=all");
        assertThat(open.get("incidents").size()).isEqualTo(ids.size());
    }

    @Test
    void aStandaloneBotDerivesTheSameNoticesByPollingTheIncidentsApi() throws Exception {
        awaitQuiet();
        FakeTelegram t2 = stand.telegram2;
        long chat = Stand.POLLED_CHAT;
        JsonNode all = FleetCollector.get(collector, "/api/v1/incidents?state=all").get("incidents");
        long deadline = System.nanoTime() + WAIT.toNanos();
        String pushed = "";
        while (System.nanoTime() < deadline) {
            pushed = String.join("\n", t2.calls("sendMessage").stream().filter(c -> c.chat() == chat).map(FakeTelegram.Call::text).toList());
            String text = pushed;
            boolean everyOne = true;
            for (JsonNode i : all) everyOne &= text.contains(i.get("id").asText());
            if (everyOne) break;
            Thread.sleep(300);
        }
        for (JsonNode i : all) assertThat(pushed).as("incident %s polled and pushed", i.get("id").asText()).contains(i.get("id").asText());
        assertThat(pushed).containsAnyOf("закрыт", "Инцидент закрыт");

        String id = all.get(all.size() - 1).get("id").asText();
        int mark = t2.mark();
        HttpPost.json(stand.server().resolve("/api/v1/incidents/" + id + "/acknowledge"), "{\"by\":\"boris\"}");
        // An edit of its card while the incident is open, else a new message.
        FakeTelegram.Call ack = t2.await("sendMessage|editMessageText", c -> c.chat() == chat && c.text().contains("boris"), mark, WAIT);
        assertThat(ack.text()).contains("Инцидент принят", "Incident acknowledged", id);
    }

    /** Waits until the engine has said everything about the fleet and both outboxes are empty. */
    private void awaitQuiet() throws Exception {
        stand.awaitIngested();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && (notices.isEmpty() || !collector.alerts().awaitDelivered(Duration.ofSeconds(1))
                || bot.outbox().size() > 0 || stand.standalone.outbox().size() > 0 || quietFor() < 3000)) Thread.sleep(200);
    }

    private long quietFor() {
        List<FakeTelegram.Call> calls = telegram.calls();
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (!calls.get(i).method().equals("getupdates")) return (System.nanoTime() - calls.get(i).nanos()) / 1_000_000;
        }
        return Long.MAX_VALUE;
    }

    static String ackId(FakeTelegram.Call c) {
        return BotCommandsTest.buttons(c).stream().filter(b -> b.startsWith("ack:")).findFirst().orElseThrow().substring(4);
    }
}
