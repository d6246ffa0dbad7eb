package org.tillwatch.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** Turns what a register wrote for a receipt into truth: counters, hourly figures, and records when wanted. */
final class TruthRecorder {
    private final LocalDate day;
    private final RegisterPlan plan;
    private final CardPool cards;
    private final Rng sampling;
    private final ZoneId zone;
    private final long hourBase;

    TruthRecorder(LocalDate day, RegisterPlan plan, CardPool cards, long samplingSeed) {
        this.day = day;
        this.plan = plan;
        this.cards = cards;
        this.sampling = new Rng(samplingSeed);
        this.zone = plan.store().zone();
        this.hourBase = hourBase(day);
    }

    /** Epoch millisecond of the first hour the hourly arrays cover (the day before, 00:00 UTC). */
    static long hourBase(LocalDate day) {
        return day.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    void record(RegisterTally tally, ReceiptOutcome out, int shift, int receiptNo) {
        if (out.status == ReceiptOutcome.Status.INCOMPLETE) {
            tally.incomplete++;
            return;
        }
        tally.closed++;
        long closedEpoch = epochMilli(out.endMs);
        boolean loyalty = out.loyalty();
        if (loyalty) {
            int hour = (int) ((closedEpoch - hourBase) / 3_600_000L);
            tally.loyalty++;
            tally.hourLoyalty[hour]++;
            if (out.failed) {
                tally.failed++;
                tally.hourFailed[hour]++;
            }
        }
        double key = (out.interesting() ? 0 : 1) + sampling.nextDouble();
        boolean cardSampled = out.card >= 0 && cards.sampled(out.card);
        boolean wanted = tally.transactions.wants(key);
        if (!cardSampled && !wanted) {
            return;
        }
        String id = plan.store().code() + '/' + plan.registerName() + '/' + shift + '/' + receiptNo + '/' + day;
        ReceiptTruth truth = new ReceiptTruth(id, plan.store().code(), plan.registerName(), out.status.name(),
                money(out.totalCents), out.positions, out.promoPositions, out.outcomes, money(out.accruedCents),
                out.pending, out.bag, loyalty && out.failed, loyalty, utc(closedEpoch), local(out.openedMs));
        if (cardSampled) {
            tally.cardReceipts.add(Map.entry(cards.number(out.card), truth));
        }
        if (wanted) {
            tally.transactions.offer(key, truth);
        }
    }

    private long epochMilli(int ms) {
        return LocalDateTime.of(day, LocalTime.ofNanoOfDay(ms * 1_000_000L)).atZone(zone).toInstant().toEpochMilli();
    }

    /** {@code 2026-11-20T06:59:13.270000+00:00}, the shape of the sample's {@code closed_utc}. */
    static String utc(long epochMilli) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMilli), ZoneOffset.UTC);
        return isoMicros(t) + "+00:00";
    }

    private String local(int ms) {
        return isoMicros(LocalDateTime.of(day, LocalTime.ofNanoOfDay(ms * 1_000_000L)));
    }

    private static String isoMicros(LocalDateTime t) {
        return String.format("%sT%02d:%02d:%02d.%03d000", t.toLocalDate(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano() / 1_000_000);
    }

    static String money(long cents) {
        return (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + (Math.abs(cents) % 100 < 10 ? "0" : "")
                + Math.abs(cents) % 100;
    }
}
