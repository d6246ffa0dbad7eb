package org.tillwatch.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.tillwatch.simulator.LogWriter.Level;

/**
 * Simulates one register's day and streams it to {@code logs/<store>/<POSnn>/pos-<day>.log[.gz]}: shift open,
 * receipts, what happens between them (noise, malformed lines, offline resends), shift close. Returns the
 * truth it wrote. Runs alone: everything it needs is in its {@link RegisterPlan}.
 */
final class RegisterSimulator {
    private static final int MINUTE = 60_000;
    private static final int LAST_LINE_MS = 23 * 3_600_000 + 59 * MINUTE + 58_000;

    private final LocalDate day;
    private final RegisterPlan plan;
    private final CardPool cards;
    private final TruthRecorder recorder;
    private final int transactionLimit;

    RegisterSimulator(LocalDate day, RegisterPlan plan, CardPool cards, int transactionLimit) {
        this.day = day;
        this.plan = plan;
        this.cards = cards;
        this.transactionLimit = transactionLimit;
        this.recorder = new TruthRecorder(day, plan, cards, Rng.derive(plan.seed(), 7));
    }

    RegisterTally run(Path logsRoot) throws IOException {
        Path dir = logsRoot.resolve(plan.store().code()).resolve(plan.registerName());
        Files.createDirectories(dir);
        Path file = dir.resolve("pos-" + day + (plan.gzip() ? ".log.gz" : ".log"));
        OutputStream os = Files.newOutputStream(file);
        if (plan.gzip()) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        RegisterTally tally = new RegisterTally(plan.store(), plan.registerName(), transactionLimit);
        try (LogWriter w = new LogWriter(os, day)) {
            simulate(w, tally);
            tally.bytes = w.bytesWritten();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return tally;
    }

    private void simulate(LogWriter w, RegisterTally tally) {
        Rng rng = new Rng(plan.seed());
        StoreConditions conditions = plan.conditions();
        LoyaltyExchange loyalty = new LoyaltyExchange(w, new LoymaxXml(w, day.toString()), rng, conditions, tally);
        Payments payments = new Payments(w, rng, plan.oldBuild(), tally);
        ReceiptSimulator receipts = new ReceiptSimulator(w, rng, loyalty, payments, cards, plan.store(), day);
        NoiseWriter noise = new NoiseWriter(w, rng, tally);

        int shift = rng.between(100, 399);
        String cashier = rng.digits(4);
        int opens = plan.store().opens().toSecondOfDay() * 1000;
        int closes = plan.store().closes().toSecondOfDay() * 1000;
        int now = opens - rng.between(4, 12) * MINUTE;
        w.entry(now, Level.INFO, "CashManager").ascii("Shift opened: shift=").num(shift).ascii(" cashier=").ascii(cashier)
                .ascii(" kkt=").ascii(rng.digits(16)).ascii(" fn=99604403").ascii(rng.digits(8)).eol();

        int n = plan.targetReceipts();
        int[] planned = DayTraffic.arrivals(rng, n, opens + rng.between(1, 6) * MINUTE, closes - 2 * MINUTE);
        Map<Integer, SpecialReceipt> specials = placeSpecials(rng, n);
        List<MalformedLine> tail = new ArrayList<>();
        Map<Integer, List<MalformedLine>> mid = placeMalformed(rng, n, tail);
        int lastStart = Math.min(closes + 20 * MINUTE, 23 * 3_600_000 + 30 * MINUTE);

        List<LoyaltyRequest> queue = new ArrayList<>();
        int flushAfter = 0;
        ReceiptSpec.Incomplete previous = ReceiptSpec.Incomplete.NONE;
        int receiptNo = 0;
        for (int i = 0; i < n; i++) {
            SpecialReceipt special = specials.get(i);
            ReceiptSpec spec = special != null ? ReceiptSpec.special(special, rng) : ReceiptSpec.random(rng);
            boolean quiet = previous != ReceiptSpec.Incomplete.NONE;
            int start;
            if (quiet) {
                // nothing between an incomplete receipt and the next one: its end is unambiguous
                start = now + (previous == ReceiptSpec.Incomplete.SILENCE
                        ? rng.between(31, 50) * MINUTE : rng.between(1, 20) * MINUTE);
            } else {
                start = Math.max(planned[i], now + rng.between(3000, 20_000));
                for (MalformedLine m : mid.getOrDefault(i, List.of())) {
                    // written now, right after the previous receipt's single-line close
                    noise.malformed(m, now + rng.between(1, 500));
                }
                mid.remove(i);
                // flush when due, and before an incomplete receipt (nothing may follow that one until the next)
                boolean due = flushAfter-- <= 0 || spec.incomplete != ReceiptSpec.Incomplete.NONE;
                if (!queue.isEmpty() && due && !conditions.inOutage(now)) {
                    now = flush(w, loyalty, queue, now + 1000);
                    start = Math.max(start, now + rng.between(3000, 10_000));
                }
                now = noise.between(now, start);
            }
            if (start > lastStart) {
                break;
            }
            receiptNo++;
            ReceiptOutcome out = receipts.run(start, shift, receiptNo, cashier, spec);
            recorder.record(tally, out, shift, receiptNo);
            if (out.queued != null) {
                queue.add(out.queued);
                flushAfter = rng.between(0, 2);
            }
            now = out.endMs;
            previous = spec.incomplete;
            if (previous == ReceiptSpec.Incomplete.SHIFT_END) {
                break;
            }
        }
        // lines meant for after an incomplete receipt, or for receipts the day had no room for
        mid.keySet().stream().sorted().forEach(k -> tail.addAll(mid.get(k)));
        int outageEnd = conditions.outage() != null ? conditions.outage().endMs() : 0;
        if (!queue.isEmpty() && previous == ReceiptSpec.Incomplete.NONE) {
            now = flush(w, loyalty, queue, Math.max(now, outageEnd) + 1000);
        }
        int close = previous != ReceiptSpec.Incomplete.NONE
                ? now + rng.between(2, 20) * MINUTE
                : Math.max(now, closes) + rng.between(2, 25) * MINUTE;
        close = Math.min(close, LAST_LINE_MS - 10 * MINUTE);
        w.entry(close, Level.INFO, "CashManager").ascii("Shift closed: shift=").num(shift).ascii(" receipts=")
                .num(receiptNo).eol();
        int t = close;
        for (MalformedLine m : tail) {
            t = Math.min(LAST_LINE_MS, t + rng.between(1000, 60_000));
            noise.malformed(m, t);
        }
        if (!queue.isEmpty()) {
            // still queued behind an incomplete receipt: sent between shifts, never inside that receipt
            t = flush(w, loyalty, queue, Math.max(t, outageEnd) + 1000);
            w.entry(Math.min(LAST_LINE_MS, t + 1000), Level.DEBUG, "Heartbeat").ascii("alive uptime=")
                    .num(rng.between(100, 99_999)).eol();
        }
        if (plan.malformed().contains(MalformedLine.CUT_OFF)) {
            noise.cutOff();
        }
    }

    private static int flush(LogWriter w, LoyaltyExchange loyalty, List<LoyaltyRequest> queue, int at) {
        w.entry(at, Level.INFO, "LoyaltyManager").ascii("Offline queue sent: count=").num(queue.size()).eol();
        int t = at;
        for (LoyaltyRequest r : queue) {
            t += 20;
            loyalty.resend(r, t);
            t = loyalty.end();
        }
        queue.clear();
        return t;
    }

    private Map<Integer, SpecialReceipt> placeSpecials(Rng rng, int n) {
        Map<Integer, SpecialReceipt> placed = new HashMap<>();
        int room = Math.max(1, (int) (n * 0.85));
        for (SpecialReceipt s : plan.specials()) {
            if (s == SpecialReceipt.INCOMPLETE_SHIFT_END) {
                placed.putIfAbsent(n - 1, s);
                continue;
            }
            for (int tries = 0; tries < 20; tries++) {
                int at = 1 + rng.nextInt(room);
                if (at < n - 1 && placed.putIfAbsent(at, s) == null) {
                    break;
                }
            }
        }
        return placed;
    }

    private Map<Integer, List<MalformedLine>> placeMalformed(Rng rng, int n, List<MalformedLine> tail) {
        Map<Integer, List<MalformedLine>> mid = new HashMap<>();
        for (MalformedLine m : plan.malformed()) {
            if (m == MalformedLine.CUT_OFF) {
                continue;
            }
            if (n > 2 && rng.chance(0.4)) {
                mid.computeIfAbsent(1 + rng.nextInt(n - 1), k -> new ArrayList<>()).add(m);
            } else {
                tail.add(m);
            }
        }
        return mid;
    }
}
