package org.tillwatch.bot.telegram;

import java.util.List;

import org.tillwatch.bot.text.Commands;
import org.tillwatch.bot.text.Reply;

/** The Bot API calls the bot makes. */
public interface TelegramGateway {
    /** @return the new message's id */
    long send(long chat, Reply reply) throws TelegramFailure;

    void edit(long chat, long messageId, Reply reply) throws TelegramFailure;

    void answerCallback(String callbackId, String text) throws TelegramFailure;

    void setCommands(List<Commands.Command> commands) throws TelegramFailure;
}
