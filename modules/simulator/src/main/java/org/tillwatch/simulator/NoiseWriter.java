package org.tillwatch.simulator;

import org.tillwatch.simulator.LogWriter.Level;

/**
 * What a register logs besides transactions: heartbeats, price syncs, scales, printer trouble, GC; and the
 * malformed lines. Every method writes whole entries between receipts.
 */
final class NoiseWriter {
    /** The byte 0x98 has no character in windows-1251. */
    static final int INVALID_CP1251_BYTE = 0x98;
    /** Over the spec's 64 KiB line limit. */
    static final int LONG_LINE_BYTES = 70_000;

    private final LogWriter w;
    private final Rng rng;
    private final RegisterTally tally;

    NoiseWriter(LogWriter w, Rng rng, RegisterTally tally) {
        this.w = w;
        this.rng = rng;
        this.tally = tally;
    }

    /** Maybe some noise in the gap {@code [from, to)} before the next receipt; returns the last time written. */
    int between(int from, int to) {
        int t = from;
        if (to - from > 2000) {
            double u = rng.nextDouble();
            int at = from + 1000 + rng.nextInt(to - from - 1000);
            if (u < 0.03) {
                w.entry(at, Level.INFO, "SyncService").ascii("Price list updated: items=").num(rng.between(5, 5000)).eol();
                t = at;
            } else if (u < 0.05) {
                w.entry(at, Level.INFO, "HardwareManager").ascii("Scale weight: ").kilos(rng.between(5, 3000))
                        .ascii(" kg").eol();
                t = at;
            } else if (u < 0.065) {
                w.entry(at, Level.ERROR, "FiscalPrinter").ascii("Printer error: paper out").eol();
                w.ascii("ru.crystals.pos.fiscalprinter.PrinterException: paper out").eol();
                w.ascii("\tat ru.crystals.pos.fiscalprinter.Shtrih.print(Shtrih.java:412)").eol();
                w.ascii("\tat ru.crystals.pos.fiscalprinter.FiscalService.run(FiscalService.java:88)").eol();
                t = at;
            } else if (u < 0.075) {
                w.entry(at, Level.DEBUG, "JVM").ascii("GC pause (G1 Evacuation Pause) young ").num(rng.between(3, 60))
                        .ascii(" ms").eol();
                t = at;
            }
        }
        if (rng.chance(0.04)) {
            w.entry(to, Level.DEBUG, "Heartbeat").ascii("alive uptime=").num(rng.between(100, 99_999)).eol();
            t = to;
        }
        return t;
    }

    /** Writes one malformed line at {@code ms} (never {@link MalformedLine#CUT_OFF}: see {@link #cutOff}). */
    void malformed(MalformedLine kind, int ms) {
        switch (kind) {
            case BAD_TIME -> {
                w.date().ascii("25:61:07.000 INFO  [SyncService] Price list updated: items=12").eol();
            }
            case UNKNOWN_LEVEL -> w.entry(ms, "FATAL", "Watchdog").ascii("restart requested").eol();
            case INVALID_BYTE -> {
                w.entry(ms, Level.INFO, "SyncService").ascii("Price list updated: items=7 src=")
                        .raw(INVALID_CP1251_BYTE).eol();
            }
            case LONG_LINE -> {
                w.entry(ms, Level.DEBUG, "SyncService").ascii("Price list dump: items=");
                long start = w.bytesWritten();
                while (w.bytesWritten() - start < LONG_LINE_BYTES) {
                    w.ascii("sku=").num(1_000_000 + rng.nextInt(999_999)).ascii(";price=").money(rng.between(100, 99_999))
                            .raw(' ');
                }
                w.eol();
            }
            case CUT_OFF -> throw new IllegalArgumentException("the cut-off line is written by cutOff()");
        }
        tally.malformed(1);
    }

    /** The last line of the file, cut off by a crash: a date and half a time, no line end. */
    void cutOff() {
        w.date().ascii("23:59:5");
        tally.malformed(1);
    }
}
