package org.tillwatch.bot;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.tillwatch.bot.telegram.Outbox;
import org.tillwatch.bot.telegram.Outgoing;
import org.tillwatch.bot.telegram.TelegramFailure;
import org.tillwatch.bot.telegram.TelegramGateway;

/**
 * Takes the updates long polling brings: checks the sender against the allowlist, then answers on a small worker pool
 * so a slow collector never stalls polling. Every answer leaves through the outbox.
 */
final class UpdateHandler implements LongPollingUpdateConsumer {
    private static final Logger LOG = Logger.getLogger(UpdateHandler.class.getName());

    private final Access access;
    private final Conversation conversation;
    private final Outbox outbox;
    private final TelegramGateway gateway;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "telegram-updates");
        t.setDaemon(true);
        return t;
    });

    UpdateHandler(Access access, Conversation conversation, Outbox outbox, TelegramGateway gateway) {
        this.access = access;
        this.conversation = conversation;
        this.outbox = outbox;
        this.gateway = gateway;
    }

    @Override
    public void consume(List<Update> updates) {
        for (Update u : updates) workers.execute(() -> {
            try {
                handle(u);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "update " + u.getUpdateId() + " failed", e);
            }
        });
    }

    void handle(Update u) {
        if (u.hasMessage() && u.getMessage().hasText()) {
            Message m = u.getMessage();
            long chat = m.getChatId();
            String text = m.getText().strip();
            if (!access.allowed(m.getFrom(), chat)) {
                outbox.enqueue(new Outgoing.Message(chat, access.refuse(m.getFrom(), chat, text.split("\\s+", 2)[0]), null));
                return;
            }
            if (text.startsWith("/")) {
                LOG.info("command " + text.split("\\s+", 2)[0] + " from user " + m.getFrom().getId() + " in chat " + chat);
                outbox.enqueue(new Outgoing.Message(chat, conversation.command(chat, text), null));
            }
        } else if (u.hasCallbackQuery()) {
            pressed(u.getCallbackQuery());
        }
    }

    private void pressed(CallbackQuery q) {
        if (q.getMessage() == null) {
            answer(q.getId(), null);
            return;
        }
        long chat = q.getMessage().getChatId();
        if (!access.allowed(q.getFrom(), chat)) {
            access.refuse(q.getFrom(), chat, "button " + q.getData());
            answer(q.getId(), Access.refusalToast());
            return;
        }
        Conversation.Pressed p = conversation.button(chat, q.getData() == null ? "" : q.getData(), q.getFrom());
        answer(q.getId(), p.toast());
        if (p.edit() != null) outbox.enqueue(new Outgoing.Edit(chat, q.getMessage().getMessageId(), p.edit()));
        if (p.send() != null) outbox.enqueue(new Outgoing.Message(chat, p.send(), null));
    }

    /** Not a message: Telegram wants it within seconds, so it does not queue behind the outbox. */
    private void answer(String id, String toast) {
        try {
            gateway.answerCallback(id, toast);
        } catch (TelegramFailure e) {
            LOG.log(Level.FINE, "answerCallbackQuery failed", e);
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
