package org.tillwatch.simulator;

import java.util.List;
import org.tillwatch.simulator.LogWriter.Level;

/** Writes a register's {@code Payment:} lines: tenders, masked (or, on an old build, full) card numbers. */
final class Payments {
    private static final List<String> BANK_PREFIXES = List.of("427601", "546938", "220220");
    private static final List<String> BANKS = List.of("SBER", "SBER", "VTB", "ALFA", "TINKOFF");
    private static final String X5_PREFIX = "220070";

    enum Tender { CASH, BANK_CARD, X5_CARD }

    private final LogWriter w;
    private final Rng rng;
    private final boolean oldBuild;
    private final RegisterTally tally;

    Payments(LogWriter w, Rng rng, boolean oldBuild, RegisterTally tally) {
        this.w = w;
        this.rng = rng;
        this.oldBuild = oldBuild;
        this.tally = tally;
    }

    Tender pickTender() {
        double u = rng.nextDouble();
        return u < 0.29 ? Tender.CASH : u < 0.89 ? Tender.BANK_CARD : Tender.X5_CARD;
    }

    void bonus(int ms, long cents) {
        w.entry(ms, Level.INFO, "PaymentManager").ascii("Payment: tender=BONUS amount=").money(cents).eol();
    }

    /** A payment of {@code cents}; {@code rc} is the ISO 8583 response code ({@code 00} approved). */
    void pay(int ms, Tender tender, long cents, String rc) {
        w.entry(ms, Level.INFO, "PaymentManager").ascii("Payment: tender=").ascii(tender.name()).ascii(" amount=")
                .money(cents);
        if (tender != Tender.CASH) {
            String pan = pan(tender == Tender.X5_CARD ? X5_PREFIX : rng.pick(BANK_PREFIXES));
            w.ascii(" pan=");
            if (oldBuild) {
                w.ascii(pan);
                tally.fullPans.add(pan);
            } else {
                w.ascii(pan, 0, 6).ascii("******").ascii(pan, 12, 16);
            }
            w.ascii(" rrn=").ascii(rng.digits(12)).ascii(" auth=");
            if (rc.equals("00")) {
                w.ascii(authCode());
            } else {
                w.ascii("000000");
            }
            w.ascii(" rc=").ascii(rc).ascii(" tid=").ascii(rng.digits(8)).ascii(" bank=")
                    .ascii(tender == Tender.X5_CARD ? "SBER" : rng.pick(BANKS));
        }
        w.eol();
    }

    /** The fiscal receipt: {@code num} is the receipt number, {@code total} the receipt's total. */
    void fiscal(int ms, int receiptNo, long totalCents) {
        w.entry(ms, Level.INFO, "FiscalPrinter").ascii("Fiscal document: fd=").num(rng.between(1, 99_999)).ascii(" num=")
                .num(receiptNo).ascii(" total=").money(totalCents).ascii(" fp=").ascii(rng.digits(10))
                .ascii(" fn=99604403").ascii(rng.digits(8)).eol();
    }

    private String authCode() {
        String hex = "0123456789ABCDEF";
        char[] c = new char[6];
        for (int i = 0; i < 6; i++) {
            c[i] = hex.charAt(rng.nextInt(16));
        }
        return new String(c);
    }

    /** A 16-digit card number with a valid Luhn check digit. */
    String pan(String prefix) {
        String body = prefix + rng.digits(15 - prefix.length());
        return body + luhnCheckDigit(body);
    }

    static int luhnCheckDigit(String body) {
        int sum = 0;
        for (int i = body.length() - 1, k = 0; i >= 0; i--, k++) {
            int d = body.charAt(i) - '0';
            if (k % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean luhnValid(String number) {
        return luhnCheckDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
    }
}
