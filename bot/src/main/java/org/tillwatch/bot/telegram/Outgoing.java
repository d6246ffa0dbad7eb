package org.tillwatch.bot.telegram;

import java.util.Objects;
import java.util.function.LongConsumer;

import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.bot.text.Reply;

/** What waits in the outbox for one chat. */
public sealed interface Outgoing {
    long chat();

    /** A new message; {@code sent} gets its id. */
    record Message(long chat, Reply reply, LongConsumer sent) implements Outgoing {
        public Message {
            Objects.requireNonNull(reply, "reply");
            sent = sent == null ? id -> { } : sent;
        }
    }

    /** A new text (and buttons) for a message already sent. */
    record Edit(long chat, long messageId, Reply reply) implements Outgoing {
        public Edit {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** An incident notice, rendered only when its turn comes so that a burst can become one message. */
    record Push(long chat, IncidentNotice notice) implements Outgoing {
        public Push {
            Objects.requireNonNull(notice, "notice");
        }

        /** This push and a newer one for the same incident: the newer state, and still "new" if the first was. */
        Push merge(Push newer) {
            IncidentNotice a = notice;
            IncidentNotice b = newer.notice;
            IncidentNotice.Type type = a.type() == IncidentNotice.Type.OPENED && b.type() != IncidentNotice.Type.RESOLVED ? a.type() : b.type();
            return new Push(chat, new IncidentNotice(b.sequence(), type, b.incident(), b.actor() != null ? b.actor() : a.actor(), b.at()));
        }
    }
}
