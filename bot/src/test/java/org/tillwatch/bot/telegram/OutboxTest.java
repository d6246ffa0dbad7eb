package org.tillwatch.bot.telegram;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.tillwatch.alerting.Incident;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.bot.text.Commands;
import org.tillwatch.bot.text.Incidents;
import org.tillwatch.bot.text.Lang;
import org.tillwatch.bot.text.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox on a clock the test moves: Telegram's limits, coalescing, backoff and no loss while Telegram is down. */
class OutboxTest {
    /** A clock that moves only when told to. */
    static final class TestClock extends Clock {
        final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-20T10:00:00Z").toEpochMilli());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        void advance(long ms) {
            millis.addAndGet(ms);
        }
    }

    /** Records what was sent when; fails while {@code failures} has entries. */
    static final class Recorder implements TelegramGateway {
        final TestClock clock;
        final List<long[]> sends = new ArrayList<>(); // chat, time
        final List<String> texts = new ArrayList<>();
        final ArrayDeque<TelegramFailure> failures = new ArrayDeque<>();
        long nextId = 1;

        Recorder(TestClock clock) {
            this.clock = clock;
        }

        @Override
        public long send(long chat, Reply reply) throws TelegramFailure {
            if (!failures.isEmpty()) throw failures.poll();
            sends.add(new long[] {chat, clock.millis()});
            texts.add(reply.html());
            return nextId++;
        }

        @Override
        public void edit(long chat, long messageId, Reply reply) throws TelegramFailure {
            send(chat, reply);
        }

        @Override
        public void answerCallback(String callbackId, String text) {
        }

        @Override
        public void setCommands(List<Commands.Command> commands) {
        }
    }

    final TestClock clock = new TestClock();
    final Recorder telegram = new Recorder(clock);
    final BotHealth health = new BotHealth(clock);
    final List<Long> blocked = new ArrayList<>();
    final Outbox outbox = new Outbox(telegram, clock, 1000, 30, health,
            (chat, notices) -> new Outgoing.Message(chat, notices.size() == 1
                    ? Incidents.card(notices.getFirst().type(), notices.getFirst().incident(), null, Lang.EN)
                    : Incidents.digest(notices, Lang.EN), null),
            pushes -> { }, blocked::add);

    /** Runs the outbox until it is idle, moving the clock by what it asks to wait; returns the waits. */
    List<Long> drain() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long w = outbox.step();
            if (w < 0) return waits;
            if (w > 0) {
                waits.add(w);
                clock.advance(w);
            }
        }
        throw new AssertionError("outbox never idle");
    }

    static Outgoing.Message text(long chat, String s) {
        return new Outgoing.Message(chat, Reply.of(s), null);
    }

    static IncidentNotice notice(String id, IncidentNotice.Type type, String scope) {
        Incident i = new Incident(id, "store_availability", scope, List.of(scope), Incident.Severity.CRITICAL,
                Instant.parse("2026-11-20T11:00:00Z"), type == IncidentNotice.Type.RESOLVED ? Instant.parse("2026-11-20T11:20:00Z") : null,
                type == IncidentNotice.Type.RESOLVED ? Incident.IncidentState.RESOLVED : Incident.IncidentState.OPEN, null,
                new Incident.Impact(10, 4), "Магазин " + scope + " / Store " + scope);
        return new IncidentNotice(1, type, i, null, Instant.parse("2026-11-20T11:00:00Z"));
    }

    @Test
    void atMostOneMessagePerChatPerSecondAndThirtyPerSecondOverall() {
        for (int k = 0; k < 3; k++) for (long chat = 1; chat <= 60; chat++) outbox.enqueue(text(chat, "m" + k));
        drain();
        assertThat(telegram.sends).hasSize(180);
        Map<Long, List<Long>> byChat = new TreeMap<>();
        for (long[] s : telegram.sends) byChat.computeIfAbsent(s[0], c -> new ArrayList<>()).add(s[1]);
        byChat.values().forEach(times -> {
            for (int i = 1; i < times.size(); i++) assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(1000);
        });
        for (int i = 30; i < telegram.sends.size(); i++) {
            assertThat(telegram.sends.get(i)[1] - telegram.sends.get(i - 30)[1]).as("31 sends within a second").isGreaterThanOrEqualTo(1000);
        }
        // 180 messages at 30/s need six seconds, not more: the limits do not slow the outbox further.
        long span = telegram.sends.getLast()[1] - telegram.sends.getFirst()[1];
        assertThat(span).isBetween(5000L, 6100L);
        // Order within a chat is kept.
        assertThat(telegram.texts.stream().filter(t -> t.startsWith("m")).limit(3)).containsExactly("m0", "m0", "m0");
    }

    @Test
    void aBurstOfIncidentsBecomesOneMessageAndUpdatesOfOneIncidentMerge() {
        outbox.enqueue(new Outgoing.Push(7, notice("inc-1", IncidentNotice.Type.OPENED, "AX1B")));
        for (int i = 2; i <= 50; i++) outbox.enqueue(new Outgoing.Push(7, notice("inc-" + i, IncidentNotice.Type.OPENED, "S" + (100 + i))));
        outbox.enqueue(new Outgoing.Push(7, notice("inc-1", IncidentNotice.Type.UPDATED, "AX1B")));
        assertThat(outbox.size()).isEqualTo(50);
        drain();
        assertThat(telegram.sends).hasSize(3); // 20 lines a digest
        String both = String.join("\n", telegram.texts);
        assertThat(telegram.texts.getFirst()).contains("Incident changes: 20", "new:");
        for (int i = 1; i <= 50; i++) assertThat(both).contains("<code>inc-" + i + "</code>");
        assertThat(both).doesNotContain("updated:"); // the update of inc-1 merged into its "new" line

        outbox.enqueue(new Outgoing.Push(8, notice("inc-9", IncidentNotice.Type.OPENED, "KY9A")));
        outbox.enqueue(new Outgoing.Push(8, notice("inc-9", IncidentNotice.Type.RESOLVED, "KY9A")));
        drain();
        assertThat(telegram.sends).hasSize(4);
        assertThat(telegram.texts.getLast()).contains("Incident resolved — KY9A", "inc-9");
    }

    @Test
    void whileTelegramIsDownNothingIsLostAndTheOutboxBacksOff() {
        for (int i = 0; i < 4; i++) telegram.failures.add(new TelegramFailure("sendMessage: connection refused", false, 0, 0, null));
        outbox.enqueue(text(5, "first"));
        outbox.enqueue(text(5, "second"));
        outbox.enqueue(new Outgoing.Push(5, notice("inc-3", IncidentNotice.Type.OPENED, "URMY")));
        assertThat(outbox.step()).isZero(); // tried, failed
        assertThat(health.degraded()).isTrue();
        assertThat(health.problems()).anySatisfy(p -> assertThat(p).contains("Telegram API: sendMessage: connection refused"));
        List<Long> waits = drain();
        assertThat(waits.subList(0, 4)).containsExactly(1000L, 2000L, 4000L, 8000L);
        assertThat(telegram.texts).hasSize(3);
        assertThat(telegram.texts.get(0)).isEqualTo("first");
        assertThat(telegram.texts.get(1)).isEqualTo("second");
        assertThat(telegram.texts.get(2)).contains("inc-3");
        assertThat(health.degraded()).isFalse();
        assertThat(health.problems()).isEmpty();
    }

    @Test
    void retryAfterIsHonouredAndAChatThatBlockedTheBotIsReported() {
        telegram.failures.add(new TelegramFailure("sendMessage: 429 Too Many Requests", false, 429, 17_000, null));
        outbox.enqueue(text(1, "x"));
        outbox.step();
        assertThat(outbox.step()).isEqualTo(17_000);
        drain();
        assertThat(telegram.texts).containsExactly("x");

        telegram.failures.add(new TelegramFailure("sendMessage: 403 bot was blocked by the user", true, 403, 0, null));
        outbox.enqueue(text(2, "y"));
        drain();
        assertThat(blocked).containsExactly(2L);
        assertThat(outbox.size()).isZero();
    }
}
