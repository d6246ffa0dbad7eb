package org.tillwatch.orchestrator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.tillwatch.orchestrator.proactive.ProactiveCase;
import org.tillwatch.orchestrator.ticket.Ticket;

/**
 * The orchestrator's durable state in one H2 MVStore file: tickets with their full history, proactive cases,
 * store escalations and the offline-queue ledger, each a map of JSON values. Every change is committed before the
 * call returns, so an answered request survives a crash. {@link #inMemory()} gives the same store without a file
 * (dry runs, tests). {@link #deferred()} is a view whose changes wait for the next {@link #commit()}: what the
 * collector learns from the logs, made durable once per checkpoint instead of once per change.
 *
 * <p>Why MVStore: pure Java (no native library, unlike SQLite through JNI), one file, append-only copy-on-write chunks
 * so that after a crash the last complete commit is what opens, ordered maps with no SQL layer to carry, and it is
 * maintained as H2's own storage engine. A journal of our own would need its own recovery and compaction.
 */
public final class TicketStore implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final MVStore store;
    private final boolean commitEach;
    private final MVMap<String, String> tickets;
    private final MVMap<String, String> cases;
    private final MVMap<String, String> escalations;
    private final MVMap<String, String> queued;
    private final MVMap<String, String> delivered;
    private final MVMap<String, String> exports;
    private final MVMap<String, String> casesByCard;
    private final MVMap<String, Long> positions;

    private TicketStore(MVStore store) {
        this(store, true);
    }

    private TicketStore(MVStore store, boolean commitEach) {
        this.store = store;
        this.commitEach = commitEach;
        this.tickets = store.openMap("tickets");
        this.cases = store.openMap("cases");
        this.escalations = store.openMap("escalations");
        this.queued = store.openMap("queued");
        this.delivered = store.openMap("delivered");
        this.exports = store.openMap("exports");
        this.casesByCard = store.openMap("cases_by_card");
        this.positions = store.openMap("feed_positions");
    }

    public static TicketStore open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            return new TicketStore(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().compress().open());
        } catch (RuntimeException e) {
            throw new IOException("cannot open the ticket store " + file + ": " + e.getMessage(), e);
        }
    }

    public static TicketStore inMemory() {
        return new TicketStore(new MVStore.Builder().autoCommitDisabled().open());
    }

    /**
     * The same maps, changed without a commit each (reads see the changes at once): durable at the next
     * {@link #commit()}, by either view, or at {@link #close()}; lost in a crash before that.
     */
    public TicketStore deferred() {
        return new TicketStore(store, false);
    }

    /** Makes every change so far durable. */
    public void commit() {
        store.commit();
    }

    private void committed() {
        if (commitEach) store.commit();
    }

    public Optional<Ticket> ticket(String id) {
        return Optional.ofNullable(tickets.get(id)).map(s -> read(s, Ticket.class));
    }

    public List<Ticket> tickets() {
        List<Ticket> out = new ArrayList<>();
        for (String s : tickets.values()) out.add(read(s, Ticket.class));
        return out;
    }

    public void put(Ticket t) {
        tickets.put(t.id(), write(t));
        committed();
    }

    /**
     * Distributed mode: how far the orchestrator has read its topics ({@code topic-partition} -> next offset), committed
     * and forced to disk after the state changes those records made.
     */
    public void positions(java.util.Map<String, Long> next) {
        positions.putAll(next);
        store.commit();
        store.sync();
    }

    public java.util.Map<String, Long> positions() {
        return new java.util.TreeMap<>(positions);
    }

    public Optional<ProactiveCase> proactiveCase(String id) {
        return Optional.ofNullable(cases.get(id)).map(s -> read(s, ProactiveCase.class));
    }

    public List<ProactiveCase> cases() {
        List<ProactiveCase> out = new ArrayList<>();
        for (String s : cases.values()) out.add(read(s, ProactiveCase.class));
        return out;
    }

    public void put(ProactiveCase c) {
        cases.put(c.id(), write(c));
        if (c.cardHash() != null) {
            String ids = casesByCard.get(c.cardHash());
            if (ids == null) casesByCard.put(c.cardHash(), c.id());
            else if (!java.util.Arrays.asList(ids.split(" ")).contains(c.id())) casesByCard.put(c.cardHash(), ids + " " + c.id());
        }
        committed();
    }

    /** The cases of one card (by its keyed hash). */
    public List<ProactiveCase> casesOfCard(String cardHash) {
        String ids = casesByCard.get(cardHash);
        List<ProactiveCase> out = new ArrayList<>();
        if (ids == null) return out;
        for (String id : ids.split(" ")) proactiveCase(id).ifPresent(out::add);
        return out;
    }

    public Optional<StoreEscalation> escalation(String store) {
        return Optional.ofNullable(escalations.get(store)).map(s -> read(s, StoreEscalation.class));
    }

    public List<StoreEscalation> escalations() {
        List<StoreEscalation> out = new ArrayList<>();
        for (String s : escalations.values()) out.add(read(s, StoreEscalation.class));
        return out;
    }

    public void put(StoreEscalation e) {
        escalations.put(e.store(), write(e));
        committed();
    }

    public void queued(QueuedConfirm q) {
        queued.put(q.operationId(), write(q));
        committed();
    }

    public List<QueuedConfirm> queued() {
        List<QueuedConfirm> out = new ArrayList<>();
        for (String s : queued.values()) out.add(read(s, QueuedConfirm.class));
        return out;
    }

    public Optional<QueuedConfirm> queuedConfirm(String operationId) {
        return Optional.ofNullable(queued.get(operationId)).map(s -> read(s, QueuedConfirm.class));
    }

    public void removeQueued(String operationId) {
        queued.remove(operationId);
        committed();
    }

    public void delivered(Delivery d) {
        delivered.put(d.operationId(), write(d));
        committed();
    }

    public Optional<Delivery> delivery(String operationId) {
        return Optional.ofNullable(delivered.get(operationId)).map(s -> read(s, Delivery.class));
    }

    /** The organizer export attached to a ticket when it was escalated (a snapshot: the data may change later). */
    public void export(String ticket, java.util.Map<String, Object> export) {
        exports.put(ticket, write(export));
        committed();
    }

    @SuppressWarnings("unchecked")
    public Optional<java.util.Map<String, Object>> export(String ticket) {
        return Optional.ofNullable(exports.get(ticket)).map(s -> (java.util.Map<String, Object>) read(s, java.util.LinkedHashMap.class));
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String s, Class<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (IOException e) {
            throw new UncheckedIOException("ticket store holds an unreadable " + type.getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
