package org.tillwatch.domain.parse;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.tillwatch.domain.model.Payment;
import org.tillwatch.domain.model.Position;
import org.tillwatch.domain.model.RawEntry;

/**
 * The reference dialect of {@code register-log-format.md}:
 * {@code <yyyy-MM-dd> <HH:mm:ss.SSS> <LEVEL> [<Component>] <message>}. Not thread-safe: one instance per register
 * stream (it reuses buffers).
 */
public final class ReferenceDialect implements Dialect {
    private static final int[] TIME_DIGITS = {11, 12, 14, 15, 17, 18, 20, 21, 22};
    private static final int MAX_DECIMAL_SCALE = 6;
    private static final int MAX_DECIMAL_INTEGER_DIGITS = 15;

    private final KeyValues kv = new KeyValues();
    private final LoyaltyXmlDecoder xml = new LoyaltyXmlDecoder();
    private int cachedDateKey = -1;
    private LocalDate cachedDate;

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public boolean startsEntry(String line) {
        return line.length() >= 11 && digit(line, 0) && digit(line, 1) && digit(line, 2) && digit(line, 3)
                && line.charAt(4) == '-' && digit(line, 5) && digit(line, 6) && line.charAt(7) == '-'
                && digit(line, 8) && digit(line, 9) && line.charAt(10) == ' ';
    }

    /** Only the loyalty exchange carries payloads (XML, stack traces) on continuation lines. */
    @Override
    public boolean mayContinue(String firstLine) {
        return firstLine.indexOf("[LoymaxUtils]") >= 0;
    }

    @Override
    public Result parse(String source, long lineNo, String first, List<String> continuations) {
        try {
            return parseChecked(source, lineNo, first, continuations);
        } catch (Malformed m) {
            return Result.malformed(m.getMessage());
        } catch (RuntimeException e) {
            // A parser that throws loses the rest of the stream: anything unforeseen is one malformed entry.
            return Result.malformed("unreadable entry: " + e);
        }
    }

    private Result parseChecked(String source, long lineNo, String first, List<String> continuations) throws Malformed {
        if (first.length() < 24 || first.charAt(23) != ' ') throw new Malformed("bad date or time");
        LocalDateTime time = time(first);
        int i = 24;
        int levelStart = i;
        while (i < first.length() && first.charAt(i) != ' ') i++;
        String level = first.substring(levelStart, i);
        if (!isLevel(level)) throw new Malformed("unknown level '" + level + "'");
        while (i < first.length() && first.charAt(i) == ' ') i++;
        if (i >= first.length() || first.charAt(i) != '[') throw new Malformed("missing [Component]");
        int close = first.indexOf(']', i);
        if (close < 0) throw new Malformed("missing [Component]");
        String component = first.substring(i + 1, close);
        int msg = close + 1;
        while (msg < first.length() && first.charAt(msg) == ' ') msg++;

        RawEntry raw = new RawEntry(source, lineNo, rawText(first, continuations));
        LogEvent event = switch (component) {
            case "CashManager" -> cashManager(first, msg, time, raw);
            case "PurchaseManager" -> purchaseManager(first, msg, time, raw);
            case "Keyboard" -> first.startsWith("Key pressed:", msg)
                    ? new LogEvent.KeyPressed(time, raw, required(first, msg + 12, "key"), kv.get("screen")) : null;
            case "Scanner" -> first.startsWith("Barcode scanned:", msg)
                    ? new LogEvent.BarcodeScanned(time, raw, required(first, msg + 16, "barcode")) : null;
            case "LoyaltyManager" -> loyaltyManager(first, msg, time, raw);
            case "LoymaxUtils" -> loymax(first, msg, continuations, time, raw);
            case "PaymentManager" -> first.startsWith("Payment:", msg) ? payment(first, msg + 8, time, raw) : null;
            case "FiscalPrinter" -> first.startsWith("Fiscal document:", msg) ? fiscal(first, msg + 16, time, raw) : null;
            default -> null;
        };
        return Result.of(event != null ? event : new LogEvent.Noise(time, raw));
    }

    private LogEvent cashManager(String s, int msg, LocalDateTime time, RawEntry raw) throws Malformed {
        if (s.startsWith("Shift opened:", msg)) {
            kv(s, msg + 13);
            return new LogEvent.ShiftOpened(time, raw, number(need("shift"), "shift"), need("cashier"));
        }
        if (s.startsWith("Shift closed:", msg)) {
            kv(s, msg + 13);
            return new LogEvent.ShiftClosed(time, raw, number(need("shift"), "shift"));
        }
        return null;
    }

    private LogEvent purchaseManager(String s, int msg, LocalDateTime time, RawEntry raw) throws Malformed {
        if (s.startsWith("Position added:", msg)) {
            kv(s, msg + 15);
            String promo = kv.get("promo");
            if (promo != null && !promo.equals("0") && !promo.equals("1")) throw new Malformed("promo must be 0 or 1: " + promo);
            Position p = new Position(time, integer(need("pos"), "pos"), need("sku"), kv.get("barcode"), need("name"),
                    decimal(need("qty"), "qty"), kv.get("unit"), decimal(need("price"), "price"),
                    decimal(need("amount"), "amount"), "1".equals(promo), kv.get("dept"));
            return new LogEvent.PositionAdded(time, raw, p);
        }
        if (s.startsWith("Receipt opened:", msg)) {
            kv(s, msg + 15);
            String type = need("type");
            if (!type.equals("SALE") && !type.equals("RETURN")) throw new Malformed("receipt type must be SALE or RETURN: " + type);
            return new LogEvent.ReceiptOpened(time, raw, number(need("shift"), "shift"), number(need("receipt"), "receipt"),
                    type, kv.get("cashier"));
        }
        if (s.startsWith("Receipt closed:", msg)) {
            kv(s, msg + 15);
            String status = need("status");
            if (!status.equals("OK") && !status.equals("CANCELLED")) throw new Malformed("receipt status must be OK or CANCELLED: " + status);
            return new LogEvent.ReceiptClosed(time, raw, number(need("shift"), "shift"), number(need("receipt"), "receipt"),
                    decimal(need("total"), "total"), status);
        }
        if (s.startsWith("Position removed:", msg)) {
            kv(s, msg + 17);
            return new LogEvent.PositionRemoved(time, raw, integer(need("pos"), "pos"));
        }
        return null;
    }

    private LogEvent loyaltyManager(String s, int msg, LocalDateTime time, RawEntry raw) throws Malformed {
        if (s.startsWith("Loyalty tag set:", msg)) {
            return new LogEvent.TagSet(time, raw, required(s, msg + 16, "tag"));
        }
        if (s.startsWith("Loyalty card scanned:", msg)) {
            kv(s, msg + 21);
            String card = number(need("card"), "card");
            String entry = kv.get("entry");
            if (entry != null && !entry.equals("SCAN") && !entry.equals("MANUAL") && !entry.equals("QR")) {
                throw new Malformed("card entry must be SCAN, MANUAL or QR: " + entry);
            }
            String age = kv.get("qr_age_s");
            return new LogEvent.CardScanned(time, raw, card, entry, age == null ? null : integer(age, "qr_age_s"));
        }
        if (s.startsWith("Offline mode: queued", msg)) {
            kv(s, msg + 20);
            return new LogEvent.OfflineQueued(time, raw, need("operation_id"), kv.get("reason"));
        }
        if (s.startsWith("Offline queue sent:", msg)) {
            kv(s, msg + 19);
            return new LogEvent.OfflineQueueSent(time, raw, integer(need("count"), "count"));
        }
        return null;
    }

    private LogEvent loymax(String s, int msg, List<String> cont, LocalDateTime time, RawEntry raw) throws Malformed {
        if (s.startsWith("Loymax request:", msg)) {
            return xml.request(payload(cont), time, raw);
        }
        if (s.startsWith("Loymax response (", msg)) {
            long latency = latency(s, msg + 17, " ms):");
            return xml.response(payload(cont), latency, time, raw);
        }
        if (s.startsWith("Loymax request failed after ", msg)) {
            int p = msg + 28;
            int colon = s.indexOf(" ms:", p);
            if (colon < 0) throw new Malformed("request failure without latency");
            long latency = longValue(s.substring(p, colon), "latency");
            String rest = s.substring(colon + 4).trim();
            int sep = rest.indexOf(':');
            String cls = (sep < 0 ? rest : rest.substring(0, sep)).trim();
            if (cls.isEmpty() || cls.indexOf(' ') >= 0) throw new Malformed("request failure without exception class");
            return new LogEvent.LoyaltyRequestFailed(time, raw, latency, cls, sep < 0 ? null : rest.substring(sep + 1).trim());
        }
        if (s.startsWith("Loymax HTTP error:", msg)) {
            kv(s, msg + 18);
            int status = integer(need("status"), "status");
            Long latency = null;
            int open = s.lastIndexOf('(');
            if (open > 0 && s.endsWith(" ms)")) latency = longValue(s.substring(open + 1, s.length() - 4), "latency");
            return new LogEvent.LoyaltyHttpError(time, raw, status, kv.get("gateway_key"), latency);
        }
        return null;
    }

    private LogEvent payment(String s, int from, LocalDateTime time, RawEntry raw) throws Malformed {
        kv(s, from);
        String pan = kv.get("pan");
        Payment p = new Payment(time, need("tender"), decimal(need("amount"), "amount"),
                pan == null ? null : PanMasker.mask(pan), kv.get("rrn"), kv.get("auth"), kv.get("rc"), kv.get("tid"), kv.get("bank"));
        return new LogEvent.PaymentMade(time, raw, p);
    }

    private LogEvent fiscal(String s, int from, LocalDateTime time, RawEntry raw) throws Malformed {
        kv(s, from);
        return new LogEvent.FiscalPrinted(time, raw, need("fd"), need("num"), decimal(need("total"), "total"));
    }

    private static String payload(List<String> cont) throws Malformed {
        if (cont.isEmpty()) throw new Malformed("loyalty XML payload missing");
        if (cont.size() == 1) return cont.get(0);
        return String.join("\n", cont);
    }

    private static String rawText(String first, List<String> continuations) {
        String text = continuations.isEmpty() ? first : first + "\n" + String.join("\n", continuations);
        return PanMasker.maskPanValues(text);
    }

    private LocalDateTime time(String s) throws Malformed {
        for (int k : TIME_DIGITS) {
            if (!digit(s, k)) throw new Malformed("bad date or time");
        }
        if (s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != '.') throw new Malformed("bad date or time");
        int dateKey = num(s, 0, 4) * 10000 + num(s, 5, 7) * 100 + num(s, 8, 10);
        try {
            if (dateKey != cachedDateKey) {
                cachedDate = LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10));
                cachedDateKey = dateKey;
            }
            return LocalDateTime.of(cachedDate.getYear(), cachedDate.getMonthValue(), cachedDate.getDayOfMonth(),
                    num(s, 11, 13), num(s, 14, 16), num(s, 17, 19), num(s, 20, 23) * 1_000_000);
        } catch (DateTimeException e) {
            throw new Malformed("bad date or time");
        }
    }

    private static boolean isLevel(String l) {
        return switch (l) {
            case "TRACE", "DEBUG", "INFO", "WARN", "ERROR" -> true;
            default -> false;
        };
    }

    private void kv(String s, int from) throws Malformed {
        String err = kv.parse(s, from);
        if (err != null) throw new Malformed(err);
    }

    private String required(String s, int from, String key) throws Malformed {
        kv(s, from);
        return need(key);
    }

    private String need(String key) throws Malformed {
        String v = kv.get(key);
        if (v == null || v.isEmpty()) throw new Malformed("missing key " + key);
        return v;
    }

    static String number(String v, String key) throws Malformed {
        for (int k = 0; k < v.length(); k++) {
            if (!Character.isDigit(v.charAt(k))) throw new Malformed(key + " is not a number: " + v);
        }
        return v;
    }

    static int integer(String v, String key) throws Malformed {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new Malformed(key + " is not a number: " + v);
        }
    }

    static long longValue(String v, String key) throws Malformed {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new Malformed(key + " is not a number: " + v);
        }
    }

    static BigDecimal decimal(String v, String key) throws Malformed {
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new Malformed(key + " is not a decimal: " + v);
        }
        // Amounts become cents in a long (index) and are summed: 1E+999999999 would take the ingest thread's whole
        // heap and time, 10^20 overflows the cents.
        if (d.scale() > MAX_DECIMAL_SCALE || d.precision() - d.scale() > MAX_DECIMAL_INTEGER_DIGITS) {
            throw new Malformed(key + " is out of range: " + v);
        }
        return d;
    }

    private static long latency(String s, int from, String suffix) throws Malformed {
        int end = s.indexOf(suffix, from);
        if (end < 0) throw new Malformed("response without latency");
        return longValue(s.substring(from, end), "latency");
    }

    private static boolean digit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) v = v * 10 + (s.charAt(k) - '0');
        return v;
    }

    /** Why an entry cannot be read; cheap to throw (no stack trace). */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
