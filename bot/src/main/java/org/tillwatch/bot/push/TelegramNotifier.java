package org.tillwatch.bot.push;

import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.bot.state.BotState;
import org.tillwatch.bot.telegram.Outbox;
import org.tillwatch.bot.telegram.Outgoing;

/**
 * The alert engine's Telegram channel: every notice goes to every subscribed chat through the outbox, which keeps it
 * (on disk too) until Telegram has it, respects the rate limits and folds bursts into one message.
 */
public final class TelegramNotifier implements Notifier {
    private final BotState state;
    private final Outbox outbox;

    public TelegramNotifier(BotState state, Outbox outbox) {
        this.state = state;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public void deliver(IncidentNotice notice) {
        for (long chat : state.subscribed()) outbox.enqueue(new Outgoing.Push(chat, notice));
    }
}
