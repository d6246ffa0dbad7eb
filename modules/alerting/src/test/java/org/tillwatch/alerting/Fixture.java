package org.tillwatch.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tillwatch.live.ReceiptFact;

/** Test helpers: a clock tests move, receipts, and notifiers that record or fail. */
final class Fixture {
    private Fixture() {
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static ReceiptFact ok(String store, String at) {
        return new ReceiptFact(store, "POS01", Instant.parse(at), true, true, false, List.of(), List.of());
    }

    static ReceiptFact failed(String store, String at) {
        return new ReceiptFact(store, "POS01", Instant.parse(at), true, true, true, List.of("TIMEOUT"), List.of(true));
    }

    static class Recording implements Notifier {
        final String name;
        final List<IncidentNotice> got = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void deliver(IncidentNotice notice) {
            if (failing) throw new IllegalStateException(name + " is down");
            got.add(notice);
        }

        List<String> seen() {
            return got.stream().map(n -> n.type() + " " + n.incident().kind() + " " + n.incident().scope()).toList();
        }
    }

    static void eventually(Runnable check) throws InterruptedException {
        AssertionError last = null;
        for (int i = 0; i < 300; i++) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw last;
    }
}
