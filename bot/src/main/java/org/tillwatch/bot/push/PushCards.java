package org.tillwatch.bot.push;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.bot.state.BotState;
import org.tillwatch.bot.telegram.Outbox;
import org.tillwatch.bot.telegram.Outgoing;
import org.tillwatch.bot.text.Incidents;
import org.tillwatch.bot.text.Lang;

/**
 * How a chat's waiting notices become one message: one notice is an incident card (an acknowledgement or a silence
 * edits the card already in the chat), several are a digest.
 */
public final class PushCards implements Outbox.PushRenderer {
    private final BotState state;
    private final LongFunction<Lang> language;

    public PushCards(BotState state, LongFunction<Lang> language) {
        this.state = state;
        this.language = language;
    }

    @Override
    public Outgoing render(long chat, List<IncidentNotice> notices) {
        Lang lang = language.apply(chat);
        if (notices.size() > 1) return new Outgoing.Message(chat, Incidents.digest(notices, lang), null);
        IncidentNotice n = notices.getFirst();
        String id = n.incident().id();
        Optional<Long> card = state.card(id, chat);
        boolean quiet = n.type() == IncidentNotice.Type.ACKNOWLEDGED || n.type() == IncidentNotice.Type.SILENCED;
        if (quiet && card.isPresent()) {
            return new Outgoing.Edit(chat, card.get(), Incidents.card(n.type(), n.incident(), n.actor(), lang));
        }
        return new Outgoing.Message(chat, Incidents.card(n.type(), n.incident(), n.actor(), lang), messageId -> {
            if (n.incident().open()) state.card(id, chat, messageId);
            else state.forgetCard(id);
        });
    }
}
