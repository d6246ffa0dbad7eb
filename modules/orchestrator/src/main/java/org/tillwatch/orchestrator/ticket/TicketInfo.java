package org.tillwatch.orchestrator.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A ticket's facts as stored: the card only as its keyed hash and last four digits (personal data), times as given.
 */
public record TicketInfo(String id, Instant created, String channel, String cardHash, String cardLast4, String store,
                         String register, String receipt, LocalDate date, String from, String to, String topic,
                         String text, String language) {
    public TicketInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(topic, "topic");
        if (language == null) language = "ru";
    }

    public static TicketInfo of(TicketRequest r, java.util.function.UnaryOperator<String> cardHasher) {
        String hash = r.card() == null ? null : cardHasher.apply(r.card());
        String last4 = r.card() == null ? null : r.card().substring(r.card().length() - 4);
        return new TicketInfo(r.id(), r.created(), r.channel(), hash, last4, r.store(), r.register(), r.receipt(), r.date(),
                r.from(), r.to(), r.topic(), r.text(), r.language());
    }
}
