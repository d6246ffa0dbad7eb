package org.tillwatch.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.Store;

import static org.assertj.core.api.Assertions.assertThat;

/** A replay in any order, or from many threads, ends with the same figures as the events in order. */
class ReplayOrderTest {
    private static final Store[] STORES = {
        Fx.store("AX1B", "Europe/Moscow", "08:00", "22:00"),
        Fx.store("URMY", "Asia/Vladivostok", "20:00", "06:00"),
    };
    private static final String[] CODES = {"AX1B", "URMY", "ZZ99"};
    private static final String[][] ERRORS = {{}, {}, {}, {"TIMEOUT!"}, {"CardBlocked"}, {"HTTP_502!", "TIMEOUT!"}, {"NO_RESPONSE!"}};

    /** A receipt, or plain activity when {@code fact} is null. */
    private record Event(Instant at, RegisterKey register, ReceiptFact fact) {
        void feed(LiveFigures live) {
            if (fact == null) live.activity(register, at);
            else live.receipt(fact);
        }
    }

    private static List<Event> events() {
        Random rnd = new Random(20250310);
        Instant start = Fx.T.minus(Duration.ofHours(36));
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            Instant at = start.plusMillis((long) (rnd.nextDouble() * Duration.ofHours(36).toMillis()));
            RegisterKey reg = Fx.reg(CODES[rnd.nextInt(CODES.length)], "POS0" + (1 + rnd.nextInt(4)));
            if (rnd.nextInt(5) == 0) {
                out.add(new Event(at, reg, null));
                continue;
            }
            ReceiptFact f = rnd.nextInt(10) == 0
                    ? Fx.plain(reg.store(), at)
                    : Fx.errors(reg.store(), at, ERRORS[rnd.nextInt(ERRORS.length)]);
            out.add(new Event(at, reg, new ReceiptFact(f.store(), reg.register(), at, rnd.nextInt(20) != 0, f.loyalty(),
                    false, f.errorOutcomes(), f.errorCritical())));
        }
        // failed only for closed loyalty receipts with a critical error, as a Transaction would say
        out.replaceAll(e -> e.fact() == null ? e : new Event(e.at(), e.register(), failedAsTransactionWould(e.fact())));
        return out;
    }

    private static ReceiptFact failedAsTransactionWould(ReceiptFact f) {
        boolean failed = f.loyaltyTransaction() && f.errorCritical().contains(true);
        return new ReceiptFact(f.store(), f.register(), f.closedAt(), f.closed(), f.loyalty(), failed, f.errorOutcomes(), f.errorCritical());
    }

    private static LiveFigures feed(List<Event> events) {
        LiveFigures live = Fx.live(STORES);
        events.forEach(e -> e.feed(live));
        return live;
    }

    @Test
    void shuffledReplayGivesTheSameSnapshotsAsInOrder() {
        List<Event> ordered = new ArrayList<>(events());
        ordered.sort(Comparator.comparing(Event::at));
        List<Event> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(lateArrivals(shuffled)).as("the shuffle must deliver receipts a day late").isPositive();

        LiveFigures inOrder = feed(ordered);
        LiveFigures anyOrder = feed(shuffled);

        assertThat(anyOrder.watermark()).isEqualTo(inOrder.watermark()).isEqualTo(ordered.get(ordered.size() - 1).at());
        assertThat(anyOrder.stores()).isEqualTo(inOrder.stores());
        assertThat(anyOrder.chain()).isEqualTo(inOrder.chain());
        assertThat(anyOrder.lastActivity()).isEqualTo(inOrder.lastActivity());

        WindowFigures day = Fx.window(inOrder.chain(), Fx.D1);
        assertThat(day.availability()).isPresent();
        assertThat(day.failed()).isPositive();
        assertThat(day.topErrors()).isNotEmpty();
    }

    @Test
    void concurrentFeedingGivesTheSameSnapshotsAsSequential() throws InterruptedException {
        List<Event> shuffled = new ArrayList<>(events());
        Collections.shuffle(shuffled, new Random(11));
        LiveFigures sequential = feed(shuffled);

        LiveFigures concurrent = Fx.live(STORES);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = first; i < shuffled.size(); i += 4) shuffled.get(i).feed(concurrent);
            }));
        }
        for (Thread t : threads) t.join();

        assertThat(concurrent.stores()).isEqualTo(sequential.stores());
        assertThat(concurrent.chain()).isEqualTo(sequential.chain());
    }

    @Test
    void concurrentReceiptsIntoOneBucketLoseNothing() throws InterruptedException {
        LiveFigures live = Fx.live(STORES);
        int perThread = 100_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String register = "POS0" + t;
            threads.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(go);
                for (int i = 0; i < perThread; i++) {
                    live.receipt(new ReceiptFact("AX1B", register, Fx.T.plusMillis(i % 1000), true, true, i % 2 == 0,
                            i % 2 == 0 ? List.of("TIMEOUT") : List.of(), i % 2 == 0 ? List.of(true) : List.of()));
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) t.join();
        WindowFigures m5 = Fx.window(live.store("AX1B"), Fx.M5);
        assertThat(m5.loyalty()).isEqualTo(4L * perThread);
        assertThat(m5.failed()).isEqualTo(2L * perThread);
        assertThat(m5.topErrors()).containsExactly(new ErrorCount("TIMEOUT", true, 2L * perThread));
        assertThat(Fx.window(live.chain(), Fx.M5).loyalty()).isEqualTo(4L * perThread);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int lateArrivals(List<Event> events) {
        Instant max = Instant.MIN;
        int late = 0;
        for (Event e : events) {
            if (e.fact() != null && e.at().isBefore(max.minus(Fx.D1))) late++;
            if (e.at().isAfter(max)) max = e.at();
        }
        return late;
    }
}
