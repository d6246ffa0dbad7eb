package org.tillwatch.bot.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;

/**
 * What the bot must remember across a restart, in one JSON file written atomically: subscribed chats, each chat's
 * language, the message carrying each incident's card per chat (to edit it), the incidents a standalone bot last saw,
 * and pushes not yet delivered.
 */
public final class BotState {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's content. */
    public record Data(TreeSet<Long> subscribed, Map<Long, String> languages, Map<String, Map<Long, Long>> cards,
                       Map<String, Incident> known, boolean seeded, List<PendingPush> pending) {
        public Data {
            subscribed = subscribed == null ? new TreeSet<>() : new TreeSet<>(subscribed);
            languages = languages == null ? new TreeMap<>() : new TreeMap<>(languages);
            cards = cards == null ? new TreeMap<>() : new TreeMap<>(cards);
            known = known == null ? new TreeMap<>() : new TreeMap<>(known);
            pending = pending == null ? new ArrayList<>() : new ArrayList<>(pending);
        }
    }

    /** A push waiting for a chat. */
    public record PendingPush(long chat, IncidentNotice notice) {
    }

    private final Path file;
    private Data data;

    private BotState(Path file, Data data) {
        this.file = file;
        this.data = data;
    }

    /** Reads {@code dir/state.json}, or starts empty. An unreadable file is a startup error, not silently reset. */
    public static BotState open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("state.json");
        Data data = Files.exists(file) ? JSON.readValue(file.toFile(), Data.class) : new Data(null, null, null, null, false, null);
        return new BotState(file, data);
    }

    public synchronized boolean subscribe(long chat) {
        boolean added = data.subscribed().add(chat);
        save();
        return added;
    }

    public synchronized boolean unsubscribe(long chat) {
        boolean removed = data.subscribed().remove(chat);
        save();
        return removed;
    }

    public synchronized List<Long> subscribed() {
        return List.copyOf(data.subscribed());
    }

    public synchronized Optional<String> language(long chat) {
        return Optional.ofNullable(data.languages().get(chat));
    }

    public synchronized void language(long chat, String lang) {
        data.languages().put(chat, lang);
        save();
    }

    public synchronized Optional<Long> card(String incident, long chat) {
        return Optional.ofNullable(data.cards().getOrDefault(incident, Map.of()).get(chat));
    }

    public synchronized void card(String incident, long chat, long messageId) {
        data.cards().computeIfAbsent(incident, k -> new HashMap<>()).put(chat, messageId);
        save();
    }

    /** Forgets the cards of incidents that are neither open nor among the newest {@code keep}. */
    public synchronized void forgetCard(String incident) {
        if (data.cards().remove(incident) != null) save();
    }

    public synchronized Map<String, Incident> known() {
        return Map.copyOf(data.known());
    }

    public synchronized boolean seeded() {
        return data.seeded();
    }

    public synchronized void known(Map<String, Incident> known) {
        data = new Data(data.subscribed(), data.languages(), data.cards(), known, true, data.pending());
        save();
    }

    public synchronized List<PendingPush> pending() {
        return List.copyOf(data.pending());
    }

    public synchronized void pending(List<PendingPush> pending) {
        data.pending().clear();
        data.pending().addAll(pending);
        save();
    }

    private void save() {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), data);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the bot state to " + file, e);
        }
    }
}
