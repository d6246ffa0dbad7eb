package org.tillwatch.bot;

import java.util.Set;
import java.util.logging.Logger;

import org.telegram.telegrambots.meta.api.objects.User;
import org.tillwatch.bot.text.Html;
import org.tillwatch.bot.text.Lang;
import org.tillwatch.bot.text.Reply;

/** The allowlist: listed users anywhere, anyone in a listed group chat. Everyone else is refused politely and logged. */
final class Access {
    private static final Logger LOG = Logger.getLogger(Access.class.getName());

    private final Set<Long> users;
    private final Set<Long> chats;

    Access(Iterable<Long> users, Iterable<Long> chats) {
        this.users = Set.copyOf(toSet(users));
        this.chats = Set.copyOf(toSet(chats));
    }

    private static java.util.Set<Long> toSet(Iterable<Long> ids) {
        java.util.Set<Long> s = new java.util.HashSet<>();
        ids.forEach(s::add);
        return s;
    }

    boolean allowed(User user, long chat) {
        return user != null && users.contains(user.getId()) || chats.contains(chat);
    }

    /** Logs the refusal (who, where, what they tried) and returns the answer for them. */
    Reply refuse(User user, long chat, String what) {
        LOG.warning("refused Telegram user id=" + (user == null ? "?" : user.getId())
                + (user != null && user.getUserName() != null ? " @" + user.getUserName() : "") + " in chat " + chat + ": " + what);
        String id = user == null ? "?" : String.valueOf(user.getId());
        return Reply.of(Lang.BOTH.render(tr -> "⛔ " + tr.t("Извините, этот бот только для дежурных службы поддержки.",
                "Sorry, this bot is for the support on-call team only.") + "\n"
                + tr.t("Ваш id: ", "Your id: ") + Html.code(id) + tr.t(" — передайте его администратору, если вам нужен доступ.",
                " — give it to an administrator if you need access.")));
    }

    static String refusalToast() {
        return Lang.BOTH.label("Нет доступа", "Not allowed");
    }

    /** How an acknowledgement or silence names the person: "@name (telegram 123)". */
    static String who(User u) {
        String name = u.getUserName() != null ? "@" + u.getUserName()
                : (u.getFirstName() + (u.getLastName() == null ? "" : " " + u.getLastName())).strip();
        return name + " (telegram " + u.getId() + ")";
    }
}
