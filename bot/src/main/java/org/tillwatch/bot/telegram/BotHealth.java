package org.tillwatch.bot.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tillwatch.bot.api.CollectorApi;
import org.tillwatch.bot.text.Fmt;

/** Whether Telegram and the collector answer, since when not, and how much waits in the outbox: /status shows it. */
public final class BotHealth implements CollectorApi.ApiHealth {
    private static final Logger LOG = Logger.getLogger(BotHealth.class.getName());

    private final Clock clock;
    private volatile IntSupplier queued = () -> 0;
    private String telegramProblem;
    private Instant telegramSince;
    private String collectorProblem;
    private Instant collectorSince;

    public BotHealth(Clock clock) {
        this.clock = clock;
    }

    void queued(IntSupplier queued) {
        this.queued = queued;
    }

    public synchronized void telegramOk() {
        if (telegramProblem != null) LOG.info("Telegram answers again after: " + telegramProblem);
        telegramProblem = null;
        telegramSince = null;
    }

    public synchronized void telegramFailed(String reason) {
        if (telegramProblem == null) {
            telegramSince = clock.instant();
            LOG.log(Level.WARNING, "Telegram unreachable, retrying with backoff: " + reason);
        }
        telegramProblem = reason;
    }

    @Override
    public synchronized void collectorOk() {
        if (collectorProblem != null) LOG.info("collector answers again after: " + collectorProblem);
        collectorProblem = null;
        collectorSince = null;
    }

    @Override
    public synchronized void collectorFailed(String reason) {
        if (collectorProblem == null) {
            collectorSince = clock.instant();
            LOG.log(Level.WARNING, reason);
        }
        collectorProblem = reason;
    }

    public synchronized boolean degraded() {
        return telegramProblem != null || collectorProblem != null || queued.getAsInt() > 20;
    }

    /** One line per problem, empty when all is well. */
    public synchronized List<String> problems() {
        List<String> out = new ArrayList<>();
        if (telegramProblem != null) out.add("Telegram API: " + telegramProblem + " (" + Fmt.time(telegramSince) + ")");
        if (collectorProblem != null) out.add(collectorProblem + " (" + Fmt.time(collectorSince) + ")");
        int q = queued.getAsInt();
        if (q > 0 && (telegramProblem != null || q > 20)) out.add("outbox: " + q);
        return out;
    }
}
