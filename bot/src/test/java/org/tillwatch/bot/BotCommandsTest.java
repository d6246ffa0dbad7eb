package org.tillwatch.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tillwatch.bot.text.Fmt;
import org.tillwatch.collector.Collector;
import org.tillwatch.domain.model.OutcomeExplanation;
import org.tillwatch.domain.model.OutcomeExplanations;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot against the Telegram stand-in and a real collector that has read the sample fleet: every command, the allowlist. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotCommandsTest {
    static final long ANNA = Stand.ANNA;
    static final long GROUP = Stand.GROUP;
    static final long STRANGER = 999;
    static final Duration WAIT = Stand.WAIT;

    Collector collector;
    FakeTelegram telegram;

    @BeforeAll
    void start() throws Exception {
        Stand stand = Stand.get();
        stand.awaitIngested();
        collector = stand.collector;
        telegram = stand.telegram;
    }

    FakeTelegram.Call ask(long user, long chat, String text) throws InterruptedException {
        int mark = telegram.mark();
        telegram.type(user, "user" + user, chat, text);
        return telegram.await("sendMessage", c -> c.chat() == chat, mark, WAIT);
    }

    static List<String> buttons(FakeTelegram.Call c) {
        List<String> data = new ArrayList<>();
        c.params().path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asText())));
        return data;
    }

    @Test
    void theCommandMenuIsRegisteredInBothLanguages() throws Exception {
        FakeTelegram.Call en = telegram.await("setMyCommands", c -> !c.params().has("language_code"), 0, WAIT);
        FakeTelegram.Call ru = telegram.await("setMyCommands", c -> c.params().path("language_code").asText().equals("ru"), 0, WAIT);
        List<String> names = new ArrayList<>();
        en.params().get("commands").forEach(c -> names.add(c.get("command").asText()));
        assertThat(names).contains("status", "store", "top", "incidents", "explain", "subscribe", "unsubscribe", "help");
        assertThat(ru.params().toString()).contains("доступность");
    }

    @Test
    void statusShowsTheChainNowAndOverTheDayAndTheWorstStores() throws Exception {
        JsonNode chain = FleetCollector.get(collector, "/api/v1/chain");
        String day = Fmt.percent(chain.get("windows").get("1d").get("availability").asDouble());
        FakeTelegram.Call reply = ask(ANNA, ANNA, "/status");
        String text = reply.text();
        assertThat(text).contains("Лояльность: сеть", "Loyalty: chain", "За сутки", "Day", day);
        assertThat(text.indexOf("Лояльность")).isLessThan(text.indexOf("Loyalty")); // Russian first
        assertThat(text).contains("KY9A").contains("Худшие магазины");
        assertThat(text).doesNotContain("degraded");
        assertThat(buttons(reply)).contains("status", "incidents", "store:KY9A");
        assertThat(reply.params().path("parse_mode").asText()).isEqualTo("HTML");
    }

    @Test
    void storeShowsWindowsSilentRegistersErrorsAndLastFailures() throws Exception {
        String text = ask(ANNA, ANNA, "/store ky9a").text();
        assertThat(text).contains("KY9A", "DeviceNotFound", "0%", "Последние сбои", "Last failures", "Молчащих касс нет", "No silent registers");
        assertThat(ask(ANNA, ANNA, "/store ZZ99").text()).contains("не найден", "not found");
        assertThat(ask(ANNA, ANNA, "/store").text()).contains("/store CODE");
    }

    @Test
    void topAndExplainUseTheErrorDictionary() throws Exception {
        FakeTelegram.Call top = ask(ANNA, ANNA, "/top");
        assertThat(top.text()).contains("DeviceNotFound", "HTTP_502");
        assertThat(buttons(top)).contains("explain:DeviceNotFound");
        OutcomeExplanation e = OutcomeExplanations.of("DeviceNotFound");
        String text = ask(ANNA, ANNA, "/explain DeviceNotFound").text();
        assertThat(text).contains(org.tillwatch.bot.text.Html.esc(e.title().ru()), org.tillwatch.bot.text.Html.esc(e.title().en()),
                "Что сказать покупателю", "Tell the customer");
    }

    @Test
    void aRefreshButtonEditsItsMessage() throws Exception {
        FakeTelegram.Call status = ask(ANNA, ANNA, "/status");
        long id = status.params().has("message_id") ? status.params().get("message_id").asLong() : 0;
        int mark = telegram.mark();
        String cb = telegram.press(ANNA, "anna", ANNA, 5555, "status");
        telegram.await("answerCallbackQuery", c -> c.params().path("callback_query_id").asText().equals(cb), mark, WAIT);
        FakeTelegram.Call edit = telegram.await("editMessageText", c -> c.params().path("message_id").asLong() == 5555, mark, WAIT);
        assertThat(edit.text()).contains("Loyalty: chain");
        assertThat(id).isZero();
        int mark2 = telegram.mark();
        telegram.press(ANNA, "anna", ANNA, 5556, "store:KY9A");
        assertThat(telegram.await("sendMessage", c -> c.chat() == ANNA, mark2, WAIT).text()).contains("KY9A", "DeviceNotFound");
    }

    @Test
    void strangersArePolitelyRefusedAndSeeNoData() throws Exception {
        String text = ask(STRANGER, STRANGER, "/status").text();
        assertThat(text).contains("⛔", "Извините", "Sorry", "999").doesNotContain("KY9A", "Loyalty: chain");
        int mark = telegram.mark();
        String cb = telegram.press(STRANGER, "mallory", STRANGER, 77, "ack:any");
        FakeTelegram.Call answer = telegram.await("answerCallbackQuery", c -> c.params().path("callback_query_id").asText().equals(cb), mark, WAIT);
        assertThat(answer.params().path("text").asText()).contains("Нет доступа");
        assertThat(telegram.calls().subList(mark, telegram.mark())).noneMatch(c -> c.method().equals("editmessagetext"));
        // A member of an allowed group may ask there, though not listed as a user.
        assertThat(ask(555, GROUP, "/top@tillwatch_bot").text()).contains("DeviceNotFound");
    }

    @Test
    void subscribeUnsubscribeHelpAndLanguage() throws Exception {
        long chat = GROUP;
        assertThat(ask(ANNA, chat, "/subscribe").text()).contains("Инциденты будут приходить", "Incidents will be pushed");
        assertThat(ask(ANNA, chat, "/subscribe").text()).contains("already subscribed");
        assertThat(ask(ANNA, chat, "/unsubscribe").text()).contains("No more incident pushes");
        assertThat(ask(ANNA, chat, "/help").text()).contains("/store CODE", "/explain CODE", "/subscribe");
        assertThat(ask(ANNA, chat, "/lang en").text()).isEqualTo("✅ Reply language: English");
        assertThat(ask(ANNA, chat, "/help").text()).contains("this help").doesNotContain("эта справка");
        assertThat(ask(ANNA, chat, "/lang ru").text()).contains("русский");
        assertThat(ask(ANNA, chat, "/nonsense").text()).contains("Не знаю такой команды");
        ask(ANNA, chat, "/lang both");
    }
}
