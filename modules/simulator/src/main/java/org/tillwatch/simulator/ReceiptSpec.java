package org.tillwatch.simulator;

/**
 * What a receipt will be, decided before it is written: either at the ordinary random rates, or shaped to
 * one {@link SpecialReceipt}. Special receipts are {@code immune}: the store's conditions and background
 * failures do not touch their requests, so the special outcome really occurs.
 */
final class ReceiptSpec {

    /** How an incomplete receipt ends. */
    enum Incomplete { NONE, NEXT_RECEIPT, SILENCE, SHIFT_END }

    /** How the card was presented. */
    enum Entry { SCAN, MANUAL, QR }

    boolean returnReceipt;
    Incomplete incomplete = Incomplete.NONE;
    int items;
    boolean voidLine;
    boolean card;
    Entry entry = Entry.SCAN;
    int qrAgeSeconds;
    boolean balance;
    /** The card refusal processing answers to the first request, or {@code null}. */
    LoymaxCode cardError;
    boolean innerCodeOnly;
    /** Overrides the CALCULATE reply (special receipts only). */
    Reply calculateReply;
    boolean confirmTimesOut;
    boolean bag;
    boolean cancel;
    boolean redeem;
    boolean notEnoughPoints;
    boolean decline;
    boolean pretty;
    boolean immune;

    static ReceiptSpec random(Rng rng) {
        ReceiptSpec s = new ReceiptSpec();
        s.items = 1 + Math.min(29, (int) (-Math.log(1 - rng.nextDouble()) * 4.5));
        s.returnReceipt = rng.chance(0.004);
        if (!s.returnReceipt && rng.chance(0.0025)) {
            s.incomplete = rng.chance(0.8) ? Incomplete.NEXT_RECEIPT : Incomplete.SILENCE;
        }
        s.voidLine = s.items >= 2 && rng.chance(0.03);
        s.card = !s.returnReceipt && rng.chance(0.61);
        double e = rng.nextDouble();
        s.entry = e < 0.71 ? Entry.SCAN : e < 0.955 ? Entry.QR : Entry.MANUAL;
        s.qrAgeSeconds = rng.chance(0.85) ? rng.between(2, 120) : rng.between(121, 1400);
        s.balance = rng.chance(0.01);
        double c = rng.nextDouble();
        if (c < 0.013) {
            s.cardError = LoymaxCode.CardNotFound;
        } else if (c < 0.021) {
            s.cardError = LoymaxCode.CardBlocked;
        } else if (c < 0.025) {
            s.cardError = LoymaxCode.CardNotActivated;
        } else if (c < 0.0265) {
            s.cardError = LoymaxCode.CardExpired;
        } else if (s.entry == Entry.QR && s.qrAgeSeconds > 600 && rng.chance(0.4)) {
            s.cardError = LoymaxCode.QrCodeExpired;
        }
        s.innerCodeOnly = rng.chance(0.2);
        s.cancel = !s.returnReceipt && rng.chance(0.02);
        s.bag = rng.chance(0.02);
        s.redeem = rng.chance(0.07);
        s.decline = rng.chance(0.01);
        return s;
    }

    static ReceiptSpec special(SpecialReceipt kind, Rng rng) {
        ReceiptSpec s = new ReceiptSpec();
        s.items = rng.between(2, 8);
        s.card = true;
        s.qrAgeSeconds = rng.between(2, 120);
        s.immune = true;
        switch (kind) {
            case OFFLINE_CONFIRM -> s.confirmTimesOut = true;
            case BROKEN_XML_RESPONSE -> s.calculateReply = Reply.BAD_XML;
            case SILENT_REQUEST -> s.calculateReply = Reply.SILENT;
            case CONNECTION_ERROR -> s.calculateReply = Reply.connection(
                    rng.pick(java.util.List.of("java.net.ConnectException", "java.net.ConnectException",
                            "java.net.NoRouteToHostException", "java.net.SocketException")));
            case SYSTEM_ERROR -> s.calculateReply = Reply.response(LoymaxCode.SystemError);
            case CALCULATE_TIMEOUT -> s.calculateReply = Reply.TIMEOUT;
            case CARD_NOT_FOUND -> s.cardError = LoymaxCode.CardNotFound;
            case CARD_BLOCKED -> s.cardError = LoymaxCode.CardBlocked;
            case CARD_BLOCKED_INNER_CODE -> {
                s.cardError = LoymaxCode.CardBlocked;
                s.innerCodeOnly = true;
            }
            case CARD_EXPIRED -> s.cardError = LoymaxCode.CardExpired;
            case CARD_NOT_ACTIVATED -> s.cardError = LoymaxCode.CardNotActivated;
            case QR_EXPIRED -> {
                s.entry = Entry.QR;
                s.qrAgeSeconds = rng.between(601, 1400);
                s.cardError = LoymaxCode.QrCodeExpired;
            }
            case NOT_ENOUGH_MONEY -> {
                s.redeem = true;
                s.notEnoughPoints = true;
            }
            case REDEEM -> s.redeem = true;
            case BAG_AFTER_SUBTOTAL -> s.bag = true;
            case CANCELLED_LOYALTY -> s.cancel = true;
            case CANCELLED_PLAIN -> {
                s.cancel = true;
                s.card = false;
            }
            case BALANCE -> s.balance = true;
            case PRETTY_XML -> s.pretty = true;
            case PAYMENT_DECLINED -> s.decline = true;
            case RETURN -> {
                s.returnReceipt = true;
                s.card = false;
            }
            case VOID_LINE -> s.voidLine = true;
            case INCOMPLETE_NEXT_RECEIPT -> incomplete(s, Incomplete.NEXT_RECEIPT);
            case INCOMPLETE_SILENCE -> incomplete(s, Incomplete.SILENCE);
            case INCOMPLETE_SHIFT_END -> incomplete(s, Incomplete.SHIFT_END);
        }
        return s;
    }

    private static void incomplete(ReceiptSpec s, Incomplete how) {
        s.incomplete = how;
        s.card = false;
    }
}
