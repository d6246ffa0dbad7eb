package org.tillwatch.domain.tally;

/** Per-store counts: closed receipts, loyalty transactions, failed ones, incomplete receipts. */
public record StoreFigures(long receipts, long loyalty, long failed, long incomplete) {
    public static final StoreFigures ZERO = new StoreFigures(0, 0, 0, 0);

    public StoreFigures plus(StoreFigures o) {
        return new StoreFigures(receipts + o.receipts, loyalty + o.loyalty, failed + o.failed, incomplete + o.incomplete);
    }
}
