package org.tillwatch.bot.text;

import java.util.List;

/** The bot's commands as the Telegram menu and /help show them. */
public final class Commands {
    public record Command(String name, String args, String ru, String en) {
    }

    public static final List<Command> ALL = List.of(
            new Command("status", "", "сеть: доступность сейчас и за сутки, инциденты, худшие магазины",
                    "chain: availability now and over the day, incidents, worst stores"),
            new Command("store", "CODE", "магазин: доступность по окнам, молчащие кассы, ошибки, последние сбои",
                    "a store: availability per window, silent registers, errors, last failures"),
            new Command("top", "", "частые коды ошибок", "top error codes"),
            new Command("incidents", "", "открытые инциденты с кнопками", "open incidents with buttons"),
            new Command("explain", "CODE", "что значит код ошибки и что делать", "what an error code means and what to do"),
            new Command("subscribe", "", "присылать инциденты в этот чат", "push incidents to this chat"),
            new Command("unsubscribe", "", "не присылать инциденты", "stop incident pushes"),
            new Command("lang", "ru|en|both", "язык ответов в этом чате", "reply language in this chat"),
            new Command("help", "", "эта справка", "this help"));

    private Commands() {
    }
}
