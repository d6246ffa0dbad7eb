package org.tillwatch.bot;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import org.telegram.telegrambots.meta.api.objects.User;
import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.bot.api.CollectorApi;
import org.tillwatch.bot.api.CollectorException;
import org.tillwatch.bot.api.IncidentJson;
import org.tillwatch.bot.state.BotState;
import org.tillwatch.bot.telegram.BotHealth;
import org.tillwatch.bot.text.Html;
import org.tillwatch.bot.text.Incidents;
import org.tillwatch.bot.text.Lang;
import org.tillwatch.bot.text.Reply;
import org.tillwatch.bot.text.Views;

/** What the bot answers: commands typed and buttons pressed, reading and acting through the collector's API. */
final class Conversation {
    private static final Logger LOG = Logger.getLogger(Conversation.class.getName());

    private final CollectorApi api;
    private final BotState state;
    private final BotHealth health;
    private final LongFunction<Lang> language;

    Conversation(CollectorApi api, BotState state, BotHealth health, LongFunction<Lang> language) {
        this.api = api;
        this.state = state;
        this.health = health;
        this.language = language;
    }

    /** The answer to a command in a chat ({@code text} starts with '/'). */
    Reply command(long chat, String text) {
        String[] parts = text.strip().split("\\s+", 2);
        String name = parts[0].substring(1).toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        if (at >= 0) name = name.substring(0, at); // /status@tillwatch_bot in groups
        String arg = parts.length > 1 ? parts[1].strip() : "";
        Lang lang = language.apply(chat);
        try {
            return switch (name) {
                case "start", "help" -> Views.help(lang);
                case "status" -> status(lang);
                case "store" -> arg.isEmpty() ? usage(lang, "/store CODE", "/store KY9A") : store(arg, lang);
                case "top" -> Views.top(api.chain(), lang);
                case "incidents" -> incidents(lang);
                case "explain" -> arg.isEmpty() ? usage(lang, "/explain CODE", "/explain CardBlocked") : Views.explain(api.explain(arg), lang);
                case "subscribe" -> subscribed(state.subscribe(chat), lang);
                case "unsubscribe" -> unsubscribed(state.unsubscribe(chat), lang);
                case "lang" -> lang(chat, arg);
                default -> Reply.of(lang.render(tr -> "🤔 " + tr.t("Не знаю такой команды. ", "Unknown command. ") + "/help"));
            };
        } catch (CollectorException e) {
            return trouble(e, lang, name.equals("status") ? health.problems() : List.of());
        }
    }

    private static Reply subscribed(boolean added, Lang lang) {
        return Reply.of(lang.render(tr -> added
                ? "🔔 " + tr.t("Инциденты будут приходить в этот чат.", "Incidents will be pushed to this chat.")
                : "🔔 " + tr.t("Этот чат уже подписан.", "This chat is already subscribed.")));
    }

    private static Reply unsubscribed(boolean removed, Lang lang) {
        return Reply.of(lang.render(tr -> removed
                ? "🔕 " + tr.t("Больше не присылаю инциденты в этот чат.", "No more incident pushes to this chat.")
                : "🔕 " + tr.t("Этот чат не был подписан.", "This chat was not subscribed.")));
    }

    private Reply usage(Lang lang, String form, String example) {
        return Reply.of(lang.render(tr -> tr.t("Нужно так: ", "Usage: ") + Html.code(form) + tr.t(", например ", ", e.g. ") + Html.code(example)));
    }

    private Reply lang(long chat, String arg) {
        Lang chosen = Lang.parse(arg);
        if (chosen == null) return usage(language.apply(chat), "/lang ru|en|both", "/lang en");
        state.language(chat, chosen.name().toLowerCase(Locale.ROOT));
        return Reply.of(chosen.render(tr -> "✅ " + tr.t("Язык ответов: русский", "Reply language: English")));
    }

    Reply status(Lang lang) throws CollectorException {
        JsonNode chain = api.chain();
        JsonNode stores = api.stores();
        List<Incident> open;
        try {
            open = IncidentJson.list(api.incidents("open"));
        } catch (CollectorException e) {
            if (e.unreachable()) throw e;
            open = null; // a collector without alerting
        }
        return Views.status(new Views.StatusData(chain, stores, open, health.problems()), lang);
    }

    Reply store(String code, Lang lang) throws CollectorException {
        String c = code.toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z0-9]{4}")) {
            return Reply.of(lang.render(tr -> "🤔 " + tr.t("Код магазина — 4 буквы или цифры, например ", "A store code is 4 letters or digits, e.g. ") + Html.code("KY9A")));
        }
        JsonNode st;
        try {
            st = api.store(c);
        } catch (CollectorException e) {
            if (e.status() == 404) return Reply.of(lang.render(tr -> "🤔 " + tr.t("Магазин ", "Store ") + Html.code(c) + tr.t(" не найден.", " not found.")));
            throw e;
        }
        JsonNode tx = null;
        try {
            tx = api.transactions(c, 200);
        } catch (CollectorException e) {
            LOG.log(Level.FINE, "no recent transactions for " + c, e);
        }
        return Views.store(st, tx, lang);
    }

    Reply incidents(Lang lang) throws CollectorException {
        try {
            return Incidents.list(IncidentJson.list(api.incidents("open")), lang);
        } catch (CollectorException e) {
            if (e.status() == 404) return Reply.of(lang.render(tr -> "🤷 " + tr.t("Коллектор не отдаёт инциденты (оповещения не включены?).",
                    "The collector serves no incidents (alerting off?).")));
            throw e;
        }
    }

    /** What a failed read says: the collector is away (the bot keeps trying), or it refused with a reason. */
    static Reply trouble(CollectorException e, Lang lang, List<String> problems) {
        if (e.unreachable()) {
            return Reply.of(lang.render(tr -> "⚠️ " + tr.t("Коллектор недоступен, попробуйте позже. ", "The collector is unreachable, try again later. ")
                    + Html.esc(e.getMessage()) + (problems.isEmpty() ? "" : "\n\n" + Html.b(tr.t("Бот работает с перебоями:", "Bot degraded:"))
                    + problems.stream().map(p -> "\n• " + Html.esc(p)).reduce("", String::concat))));
        }
        return Reply.of(lang.render(tr -> "⚠️ " + tr.t("Коллектор ответил: ", "The collector answered: ") + Html.esc(e.getMessage())));
    }

    /** A button press: what to do with the message it sits under, and the toast to show. */
    record Pressed(Reply edit, Reply send, String toast) {
    }

    Pressed button(long chat, String data, User user) {
        Lang lang = language.apply(chat);
        try {
            if (data.equals("status")) return new Pressed(status(lang), null, lang.label("Обновлено", "Refreshed"));
            if (data.equals("incidents")) return new Pressed(incidents(lang), null, lang.label("Обновлено", "Refreshed"));
            if (data.equals("top")) return new Pressed(Views.top(api.chain(), lang), null, lang.label("Обновлено", "Refreshed"));
            if (data.startsWith("store:")) return new Pressed(null, store(data.substring(6), lang), null);
            if (data.startsWith("explain:")) return new Pressed(null, Views.explain(api.explain(data.substring(8)), lang), null);
            if (data.startsWith("inc:")) {
                Incident i = IncidentJson.parse(api.incident(data.substring(4)));
                return new Pressed(null, Incidents.card(IncidentNotice.Type.UPDATED, i, null, lang), null);
            }
            if (data.startsWith("ack:")) return acknowledge(data.substring(4), user, lang);
            if (data.startsWith("sil:")) {
                String[] p = data.split(":", 3);
                if (p.length == 3 && (p[1].equals("1h") || p[1].equals("4h"))) return silence(p[2], Duration.ofHours(p[1].equals("1h") ? 1 : 4), user, lang);
            }
            return new Pressed(null, null, lang.label("Кнопка устарела", "Outdated button"));
        } catch (CollectorException e) {
            return new Pressed(null, trouble(e, lang, health.problems()), lang.label("Не получилось", "Failed"));
        }
    }

    private Pressed acknowledge(String id, User user, Lang lang) throws CollectorException {
        String by = Access.who(user);
        Incident i = IncidentJson.parse(api.acknowledge(id, by));
        LOG.info("incident " + id + " acknowledged by " + by);
        return new Pressed(Incidents.card(IncidentNotice.Type.ACKNOWLEDGED, i, by, lang), null, lang.label("Принято: ", "Acknowledged: ") + by);
    }

    private Pressed silence(String id, Duration d, User user, Lang lang) throws CollectorException {
        String by = Access.who(user);
        Incident i = IncidentJson.parse(api.incident(id));
        api.silence(Incident.CHAIN.equals(i.scope()) ? null : i.scope(), i.kind(), d, by);
        LOG.info("incident " + id + " silenced for " + d + " by " + by);
        String actor = by + " — " + d.toHours() + lang.label(" ч", " h");
        return new Pressed(Incidents.card(IncidentNotice.Type.SILENCED, i, actor, lang), null, lang.label("Заглушено: ", "Silenced: ") + d.toHours() + " h");
    }
}
