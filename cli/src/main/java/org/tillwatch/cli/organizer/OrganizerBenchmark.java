package org.tillwatch.cli.organizer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.tillwatch.cli.TillwatchCommand;
import org.tillwatch.domain.model.Bonus;
import org.tillwatch.domain.model.CardScan;
import org.tillwatch.domain.model.FiscalDocument;
import org.tillwatch.domain.model.KeyPress;
import org.tillwatch.domain.model.LoyaltyRequest;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.Outcome;
import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.RawEntry;
import org.tillwatch.domain.model.ReceiptStatus;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.TagEvent;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.model.TransactionId;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.CardKeys;
import org.tillwatch.index.TransactionIndexWriter;
import picocli.CommandLine;

/**
 * Organizer query benchmark (not a test): synthesises N transactions straight through the index writer (500 stores x
 * 10 registers over 30 days, outcomes, tags, cards, promo, raw entries), then times filtered organizer commands on
 * the built index, each run in-process as a person would type it. Run: {@code bench/organizer.sh [N] [DIR]}.
 */
public final class OrganizerBenchmark {
    private static final int STORES = 500;
    private static final int REGISTERS = 10;
    private static final int DAYS = 30;
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 22);
    private static final ZoneOffset ZONE = ZoneOffset.ofHours(3);
    private static final String[] ERRORS = {"TIMEOUT", "HTTP_502", "CardNotFound", "DeviceNotFound", "CardBlocked", "NotEnoughMoney"};

    private OrganizerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long docs = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/tillwatch-organizer-bench");
        Path marker = dir.resolve(".built-" + docs);
        if (!Files.exists(marker)) build(dir, docs);
        else System.out.println("index of " + docs + " transactions already built in " + dir + " (delete it to rebuild)");
        System.out.println("index size: " + size(dir.resolve("index")) / (1 << 20) + " MB");
        String data = dir.toString();
        String card = transaction(0, docs).card().orElseThrow().card();
        query("receipts: one store, one day (count + first 100)", "receipts", "--data", data, "--store", store(17), "--date", "2026-11-05", "--limit", "100");
        query("receipts: one register, 2 hours, outcome TIMEOUT", "receipts", "--data", data, "--store", store(17), "--register", "POS03",
                "--from", "2026-11-05T12:00", "--to", "2026-11-05T14:00", "--outcome", "TIMEOUT");
        query("receipts: chain, a week, outcome HTTP_502, newest 100", "receipts", "--data", data, "--from", "2026-11-01", "--to", "2026-11-07",
                "--outcome", "HTTP_502", "--newest", "--limit", "100");
        query("receipts: a loyalty card, all time", "receipts", "--data", data, "--card", card);
        query("receipts: chain, a day, tag LOY_ERROR + promo + total >= 2000", "receipts", "--data", data, "--date", "2026-11-05",
                "--tag", "LOY_ERROR", "--has-promo", "--min-total", "2000", "--limit", "100");
        query("errors: one store, one day", "errors", "--data", data, "--store", store(17), "--date", "2026-11-05");
        query("errors: chain, one day", "errors", "--data", data, "--date", "2026-11-05");
        query("errors: chain, all 30 days (every document)", "errors", "--data", data);
        query("items: one register, one hour", "items", "--data", data, "--store", store(17), "--register", "POS03",
                "--from", "2026-11-05T12:00", "--to", "2026-11-05T13:00");
        query("grep: one store, one day, 'SocketTimeout'", "grep", "--data", data, "--store", store(17), "--date", "2026-11-05", "SocketTimeout");
    }

    private static void query(String label, String... args) {
        long[] ms = new long[6];
        long[] cpu = new long[6];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int code = 0;
        String first = "";
        for (int i = 0; i < ms.length; i++) {
            CommandLine cl = TillwatchCommand.commandLine();
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(new StringWriter()));
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            code = cl.execute(args);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            first = out.toString().lines().findFirst().orElse("");
        }
        long[] warm = Arrays.copyOfRange(ms, 1, ms.length);
        long[] warmCpu = Arrays.copyOfRange(cpu, 1, cpu.length);
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        // CPU time of the query thread too: on a shared machine wall time also measures the neighbours
        System.out.printf(Locale.ROOT, "%-62s first %5d ms, warm median %5d ms (cpu %4d ms), max %5d ms  (exit %d; %s)%n",
                label, ms[0], warm[warm.length / 2], warmCpu[warmCpu.length / 2], warm[warm.length - 1], code,
                first.length() > 60 ? first.substring(0, 60) + "..." : first);
    }

    private static void build(Path dir, long docs) throws Exception {
        if (Files.exists(dir)) try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.createDirectories(dir);
        CardHasher hasher = CardKeys.forDataDir(dir, java.util.Map.of(), true);
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        try (TransactionIndexWriter w = TransactionIndexWriter.open(dir, hasher, 256)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> fs = new ArrayList<>();
            for (int th = 0; th < threads; th++) {
                int part = th;
                fs.add(pool.submit(() -> {
                    for (long i = part; i < docs; i += threads) {
                        w.add(transaction(i, docs));
                        long d = done.incrementAndGet();
                        if (d % 1_000_000 == 0) System.out.printf("  %,d transactions indexed, %.0f s%n", d, (System.nanoTime() - t0) / 1e9);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            w.commit();
        }
        Files.writeString(dir.resolve(".built-" + docs), "ok\n");
        System.out.printf("built %,d transactions in %.0f s with %d threads%n", docs, (System.nanoTime() - t0) / 1e9, threads);
    }

    static String store(int n) {
        return String.format(Locale.ROOT, "S%03d", n);
    }

    static String card(int n) {
        return String.format(Locale.ROOT, "70000000%08d", n);
    }

    /** Transaction {@code i} of {@code n}: spread evenly over stores, registers and the 30 days, 7:00 to 23:00 store time. */
    static Transaction transaction(long i, long n) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        int store = (int) (i % STORES);
        int register = (int) ((i / STORES) % REGISTERS) + 1;
        long perRegister = n / (STORES * REGISTERS) + 1;
        long seq = i / (STORES * REGISTERS);
        long secondsInRange = (long) DAYS * 16 * 3600;
        long offset = seq * secondsInRange / perRegister;
        LocalDate day = FIRST_DAY.plusDays(offset / (16 * 3600));
        LocalDateTime opened = day.atTime(7, 0).plusSeconds(offset % (16 * 3600));
        LocalDateTime closed = opened.plusSeconds(40 + r.nextInt(120));
        RegisterKey key = new RegisterKey(store(store), String.format(Locale.ROOT, "POS%02d", register));
        TransactionId id = new TransactionId(key, Integer.toString(100 + (int) (seq / 400)), Long.toString(seq % 400 + 1), day);
        List<Position> positions = new ArrayList<>();
        List<KeyPress> keys = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int lines = 1 + r.nextInt(6);
        for (int p = 1; p <= lines; p++) {
            BigDecimal price = BigDecimal.valueOf(2000 + r.nextInt(150_000), 2);
            boolean promo = r.nextInt(5) == 0;
            LocalDateTime at = opened.plusSeconds(3L * p);
            positions.add(new Position(at, p, Integer.toString(1_000_000 + r.nextInt(30_000)), "46" + (10_000_000_000L + r.nextLong(89_999_999_999L)),
                    "Товар " + r.nextInt(1000), BigDecimal.ONE, "pcs", price, price, promo, Integer.toString(r.nextInt(20))));
            keys.add(new KeyPress(at.minusNanos(200_000_000), "PLU", "SALE"));
            total = total.add(price);
        }
        boolean loyal = r.nextInt(10) < 6;
        List<CardScan> cards = new ArrayList<>();
        List<LoyaltyRequest> requests = new ArrayList<>();
        List<TagEvent> tags = new ArrayList<>();
        List<RawEntry> raw = new ArrayList<>();
        String src = key.store() + "/" + key.register() + "/pos-" + day + ".log";
        long line = seq * 40;
        raw.add(new RawEntry(src, ++line, stamp(opened) + " INFO  [PurchaseManager] Receipt opened: shift=" + id.shift() + " receipt=" + id.receipt() + " type=SALE cashier=0001"));
        if (loyal) {
            String c = card(r.nextInt(200_000));
            LocalDateTime at = opened.plusSeconds(3L * lines + 2);
            cards.add(new CardScan(at, c, "SCAN", null));
            int roll = r.nextInt(100);
            Outcome o = roll < 93 ? Outcome.OK : switch (ERRORS[r.nextInt(ERRORS.length)]) {
                case "TIMEOUT" -> Outcome.TIMEOUT;
                case "HTTP_502" -> Outcome.http(502);
                case "CardNotFound" -> Outcome.ofErrorCode(3);
                case "DeviceNotFound" -> Outcome.ofErrorCode(9);
                case "CardBlocked" -> Outcome.ofErrorCode(11);
                default -> Outcome.ofErrorCode(13);
            };
            requests.add(new LoyaltyRequest(at.plusNanos(30_000_000), Operation.CALCULATE, Long.toHexString(r.nextLong()), "P" + i, c, null, o,
                    at.plusSeconds(1), 250L + r.nextInt(3000), o.ok() ? new Bonus(BigDecimal.TEN, BigDecimal.ZERO.setScale(2), BigDecimal.TEN) : null,
                    List.of(), null, null, null));
            raw.add(new RawEntry(src, ++line, stamp(at) + " INFO  [LoyaltyManager] Loyalty card scanned: card=" + c + " entry=SCAN"));
            raw.add(new RawEntry(src, ++line, stamp(at.plusNanos(30_000_000)) + " DEBUG [LoymaxUtils] Loymax request:\n<XMLRequest><Version>3.2</Version></XMLRequest>"));
            if (o == Outcome.TIMEOUT) {
                raw.add(new RawEntry(src, ++line, stamp(at.plusSeconds(1)) + " ERROR [LoymaxUtils] Loymax request failed after 3000 ms: java.net.SocketTimeoutException: Read timed out"));
                tags.add(new TagEvent(at.plusSeconds(1), "LOY_TIMEOUT"));
            } else if (!o.ok()) {
                tags.add(new TagEvent(at.plusSeconds(1), "LOY_ERROR"));
            }
        }
        String pan = "427601******" + String.format(Locale.ROOT, "%04d", r.nextInt(10_000));
        List<Payment> payments = List.of(new Payment(closed.minusSeconds(2), "BANK_CARD", total, pan, "7198", "D8", "00", "0518", "VTB"));
        raw.add(new RawEntry(src, ++line, stamp(closed.minusSeconds(2)) + " INFO  [PaymentManager] Payment: tender=BANK_CARD amount=" + total + " pan=" + pan + " rc=00"));
        raw.add(new RawEntry(src, ++line, stamp(closed) + " INFO  [PurchaseManager] Receipt closed: shift=" + id.shift() + " receipt=" + id.receipt() + " total=" + total + " status=OK"));
        return new Transaction(id, "SALE", "0001", opened, closed, closed.toInstant(ZONE), ReceiptStatus.OK, total, positions, List.of(), keys,
                List.of(), cards, requests, payments, new FiscalDocument(closed.minusSeconds(1), "1", "1", total), tags, Set.of(), false, raw);
    }

    private static String stamp(LocalDateTime t) {
        return t.toString().replace('T', ' ');
    }

    private static long size(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }


}
