package org.tillwatch.bot.push;

import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.Notifier;

/**
 * The Telegram channel handed to the alert engine before the bot exists (the bot reads the collector over HTTP, so it
 * starts once the collector listens). Until {@link #attach} it refuses, and the engine keeps the notice and retries.
 */
public final class LateNotifier implements Notifier {
    private volatile Notifier target;

    public void attach(Notifier notifier) {
        this.target = notifier;
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public void deliver(IncidentNotice notice) throws Exception {
        Notifier t = target;
        if (t == null) throw new IllegalStateException("the Telegram bot is still starting");
        t.deliver(notice);
    }
}
