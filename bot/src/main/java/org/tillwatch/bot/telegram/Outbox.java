package org.tillwatch.bot.telegram;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tillwatch.alerting.IncidentNotice;

/**
 * Every message the bot sends goes through here, so Telegram's limits hold whatever the load: one message per chat per
 * second, about 30 a second overall. Queued incident pushes of one chat become one message (same incident: the latest
 * state; several incidents: a digest). When Telegram fails, nothing is dropped: the items go back to the head of their
 * queue and sending pauses with exponential backoff (or Telegram's retry_after).
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    static final long MAX_BACKOFF_MS = 60_000;
    /** Pushes folded into one digest at most; more wait for the next message, so each incident gets its line. */
    static final int MAX_DIGEST = 20;

    /** Turns a chat's queued pushes into the message (or card edit) that carries them. */
    public interface PushRenderer {
        Outgoing render(long chat, List<IncidentNotice> notices);
    }

    private final TelegramGateway gateway;
    private final Clock clock;
    private final RateLimiter limiter;
    private final BotHealth health;
    private final PushRenderer renderer;
    private final Consumer<List<Outgoing.Push>> pushesChanged;
    private final LongConsumer blocked;
    private final Map<Long, ArrayDeque<Outgoing>> queues = new LinkedHashMap<>();
    private long pausedUntil;
    private long backoff;
    private long sent;
    private Thread thread;
    private volatile boolean running;

    /**
     * @param pushesChanged told the pushes still waiting after each change (to keep them across a restart)
     * @param blocked       told a chat that refuses the bot (403: blocked, kicked)
     */
    public Outbox(TelegramGateway gateway, Clock clock, long perChatMillis, int globalPerSecond, BotHealth health,
                  PushRenderer renderer, Consumer<List<Outgoing.Push>> pushesChanged, LongConsumer blocked) {
        this.gateway = gateway;
        this.clock = clock;
        this.limiter = new RateLimiter(perChatMillis, globalPerSecond);
        this.health = health;
        this.renderer = renderer;
        this.pushesChanged = pushesChanged;
        this.blocked = blocked;
        health.queued(this::size);
    }

    public void enqueue(Outgoing item) {
        synchronized (this) {
            ArrayDeque<Outgoing> q = queues.computeIfAbsent(item.chat(), c -> new ArrayDeque<>());
            if (item instanceof Outgoing.Push p && coalesce(q, p)) {
                // merged into the push already waiting for the same incident
            } else {
                q.addLast(item);
            }
            if (item instanceof Outgoing.Push) pushesChanged.accept(pushes());
            notifyAll();
        }
    }

    private static boolean coalesce(ArrayDeque<Outgoing> q, Outgoing.Push p) {
        List<Outgoing> items = new ArrayList<>(q);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Outgoing.Push old && old.notice().incident().id().equals(p.notice().incident().id())) {
                items.set(i, old.merge(p));
                q.clear();
                q.addAll(items);
                return true;
            }
        }
        return false;
    }

    public synchronized int size() {
        return queues.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    /** Messages (and edits) delivered so far. */
    public synchronized long sent() {
        return sent;
    }

    public synchronized List<Outgoing.Push> pushes() {
        List<Outgoing.Push> out = new ArrayList<>();
        queues.values().forEach(q -> q.forEach(o -> { if (o instanceof Outgoing.Push p) out.add(p); }));
        return out;
    }

    private record Taken(long chat, List<Outgoing> items, Outgoing action) {
    }

    /**
     * Sends at most one message if the limits allow.
     *
     * @return 0 when it sent (or tried), else milliseconds until something may be sent, or -1 when nothing waits
     */
    public long step() {
        Taken t;
        synchronized (this) {
            long now = clock.millis();
            if (now < pausedUntil) return pausedUntil - now;
            long global = limiter.globalWait(now);
            boolean any = queues.values().stream().anyMatch(q -> !q.isEmpty());
            if (!any) return -1;
            if (global > 0) return global;
            long[] wait = {Long.MAX_VALUE};
            t = take(now, wait);
            if (t == null) return wait[0];
        }
        try {
            execute(t.action());
            synchronized (this) {
                backoff = 0;
                sent++;
                if (t.items().stream().anyMatch(o -> o instanceof Outgoing.Push)) pushesChanged.accept(pushes());
            }
            health.telegramOk();
        } catch (TelegramFailure f) {
            if (f.permanent()) {
                LOG.log(Level.WARNING, "Telegram refused a message to chat " + t.chat() + ", dropped: " + f.getMessage());
                synchronized (this) {
                    pushesChanged.accept(pushes());
                }
                if (f.code() == 403) blocked.accept(t.chat());
                health.telegramOk();
            } else {
                synchronized (this) {
                    ArrayDeque<Outgoing> q = queues.computeIfAbsent(t.chat(), c -> new ArrayDeque<>());
                    List<Outgoing> back = new ArrayList<>(t.items());
                    back.addAll(q);
                    q.clear();
                    q.addAll(back);
                    backoff = backoff == 0 ? 1000 : Math.min(backoff * 2, MAX_BACKOFF_MS);
                    pausedUntil = clock.millis() + Math.max(backoff, f.retryAfterMillis());
                }
                health.telegramFailed(f.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "message to chat " + t.chat() + " dropped", e);
        }
        return 0;
    }

    private Taken take(long now, long[] wait) {
        Iterator<Map.Entry<Long, ArrayDeque<Outgoing>>> it = queues.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, ArrayDeque<Outgoing>> e = it.next();
            ArrayDeque<Outgoing> q = e.getValue();
            if (q.isEmpty()) {
                it.remove();
                continue;
            }
            long w = limiter.chatWait(e.getKey(), now);
            if (w > 0) {
                wait[0] = Math.min(wait[0], w);
                continue;
            }
            it.remove();
            Taken t = takeFrom(e.getKey(), q);
            if (!q.isEmpty()) queues.put(e.getKey(), q); // to the back of the round
            return t;
        }
        return null;
    }

    private Taken takeFrom(long chat, ArrayDeque<Outgoing> q) {
        Outgoing head = q.pollFirst();
        if (!(head instanceof Outgoing.Push)) return new Taken(chat, List.of(head), head);
        List<Outgoing> items = new ArrayList<>(List.of(head));
        List<Outgoing> rest = new ArrayList<>();
        for (Outgoing o : q) (o instanceof Outgoing.Push && items.size() < MAX_DIGEST ? items : rest).add(o);
        q.clear();
        q.addAll(rest);
        List<IncidentNotice> notices = items.stream().map(o -> ((Outgoing.Push) o).notice()).toList();
        return new Taken(chat, items, renderer.render(chat, notices));
    }

    /**
     * The limits count from when Telegram answered, not from when the request left: then the next message to a chat
     * reaches Telegram at least a second after the previous one, however long the network took.
     */
    private void execute(Outgoing action) throws TelegramFailure {
        try {
            call(action);
        } finally {
            synchronized (this) {
                limiter.record(action.chat(), clock.millis());
            }
        }
    }

    private void call(Outgoing action) throws TelegramFailure {
        switch (action) {
            case Outgoing.Message m -> m.sent().accept(gateway.send(m.chat(), m.reply()));
            case Outgoing.Edit e -> gateway.edit(e.chat(), e.messageId(), e.reply());
            case Outgoing.Push p -> throw new IllegalStateException("a push is rendered before sending");
        }
    }

    /** Sends in the background until closed. */
    public synchronized void start() {
        if (thread != null) return;
        running = true;
        thread = new Thread(this::run, "telegram-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            long w = step();
            if (w == 0) continue;
            synchronized (this) {
                try {
                    if (!running) return;
                    if (w < 0) wait(1000);
                    else wait(Math.min(w, 1000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            notifyAll();
            t = thread;
        }
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
