package org.tillwatch.bot.push;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.bot.api.CollectorApi;
import org.tillwatch.bot.api.CollectorException;
import org.tillwatch.bot.api.IncidentJson;
import org.tillwatch.bot.state.BotState;

/**
 * A standalone bot has no alert engine in its process: it asks the collector for the open incidents every
 * {@code interval}, compares with what it saw last (kept in the bot state, so a restart loses nothing) and turns the
 * differences into notices for the same notifier. When the collector does not answer it backs off up to 5 minutes.
 */
public final class IncidentPoller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IncidentPoller.class.getName());
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final CollectorApi api;
    private final BotState state;
    private final Notifier notifier;
    private final Duration interval;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private ScheduledExecutorService timer;
    private Duration delay;

    public IncidentPoller(CollectorApi api, BotState state, Notifier notifier, Duration interval, Clock clock) {
        this.api = api;
        this.state = state;
        this.notifier = notifier;
        this.interval = interval;
        this.clock = clock;
        this.delay = interval;
    }

    /**
     * One comparison of every incident the collector keeps with what was seen last: new ones (open, or already over
     * when they opened and closed between two polls), acknowledgements, changes of scope or severity, recoveries. The
     * first poll of a fresh state only announces what is open now.
     */
    public List<IncidentNotice> pollOnce() throws CollectorException {
        List<Incident> all = IncidentJson.list(api.incidents("all"));
        Map<String, Incident> known = state.known();
        boolean seeded = state.seeded();
        Map<String, Incident> next = new TreeMap<>();
        List<IncidentNotice> notices = new ArrayList<>();
        for (Incident i : all) {
            next.put(i.id(), i);
            Incident prev = known.get(i.id());
            if (prev == null) {
                if (i.open()) notices.add(notice(IncidentNotice.Type.OPENED, i, null));
                else if (seeded) notices.add(notice(IncidentNotice.Type.RESOLVED, i, null));
            } else if (prev.open() && !i.open()) {
                notices.add(notice(IncidentNotice.Type.RESOLVED, i, null));
            } else if (i.acknowledgedBy() != null && !i.acknowledgedBy().equals(prev.acknowledgedBy())) {
                notices.add(notice(IncidentNotice.Type.ACKNOWLEDGED, i, i.acknowledgedBy()));
            } else if (i.open() && (i.severity() != prev.severity() || !i.stores().equals(prev.stores()) || !i.scope().equals(prev.scope()))) {
                notices.add(notice(IncidentNotice.Type.UPDATED, i, null));
            }
        }
        for (IncidentNotice n : notices) {
            try {
                notifier.deliver(n);
            } catch (Exception e) {
                throw new IllegalStateException("the notifier failed: " + e.getMessage(), e);
            }
        }
        state.known(next);
        return notices;
    }

    private IncidentNotice notice(IncidentNotice.Type type, Incident i, String actor) {
        return new IncidentNotice(sequence.incrementAndGet(), type, i, actor, clock.instant());
    }

    public synchronized IncidentPoller start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-incident-poll");
            t.setDaemon(true);
            return t;
        });
        timer.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
        return this;
    }

    private void tick() {
        try {
            pollOnce();
            delay = interval;
        } catch (CollectorException e) {
            if (e.status() == 404) {
                LOG.log(Level.WARNING, "the collector has no incidents API (alerting off?): " + e.getMessage());
                delay = max(interval, Duration.ofMinutes(1));
            } else {
                delay = min(delay.multipliedBy(2), MAX_BACKOFF);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "incident poll failed", e);
            delay = min(delay.multipliedBy(2), MAX_BACKOFF);
        }
        synchronized (this) {
            if (timer != null && !timer.isShutdown()) timer.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
