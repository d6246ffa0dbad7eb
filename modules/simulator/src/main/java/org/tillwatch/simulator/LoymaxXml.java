package org.tillwatch.simulator;

import org.tillwatch.simulator.LoyaltyRequest.Operation;

/** Writes the loyalty XML documents onto continuation lines, in the registers' single-line or pretty form. */
final class LoymaxXml {
    private final LogWriter w;
    private final String dayT;

    LoymaxXml(LogWriter w, String day) {
        this.w = w;
        this.dayT = day + 'T';
    }

    void request(LoyaltyRequest r, boolean pretty) {
        String el = r.op().element + "Request";
        if (pretty) {
            w.ascii("<XMLRequest>").eol();
            w.ascii("  <Version>3.2</Version>").eol();
            w.ascii("  <").ascii(el).ascii(">").eol();
            w.ascii("    ");
            requestBody(r);
            w.eol();
            w.ascii("  </").ascii(el).ascii(">").eol();
            w.ascii("</XMLRequest>").eol();
        } else {
            w.ascii("<XMLRequest><Version>3.2</Version><").ascii(el).ascii(">");
            requestBody(r);
            w.ascii("</").ascii(el).ascii("></XMLRequest>").eol();
        }
    }

    private void requestBody(LoyaltyRequest r) {
        w.ascii("<OperationID>").ascii(r.operationId()).ascii("</OperationID>");
        if (r.op() != Operation.BALANCE) {
            w.ascii("<PurchaseID>").ascii(r.purchaseId()).ascii("</PurchaseID>");
        }
        if (r.op() == Operation.BALANCE || r.op() == Operation.CALCULATE || r.op() == Operation.PAYMENT) {
            w.ascii("<Identifier Type=\"Auto\" Value=\"").ascii(r.card()).ascii("\"/>");
        }
        if (r.op() == Operation.CALCULATE) {
            w.ascii("<Cheque ChequeDate=\"").ascii(dayT);
            int s = r.chequeMs() / 1000;
            w.padded(s / 3600, 2).raw(':').padded(s / 60 % 60, 2).raw(':').padded(s % 60, 2).ascii("\">");
            for (Basket.Line l : r.basket().lines()) {
                if (l.removed) {
                    continue;
                }
                w.ascii("<ChequeLine PosID=\"").num(l.pos).ascii("\" GoodsId=\"").num(l.product.sku())
                        .ascii("\" Price=\"").money(l.priceCents).ascii("\" Quantity=\"");
                if (l.weighed) {
                    w.kilos(l.quantity);
                } else {
                    w.num(l.quantity);
                }
                w.ascii("\" Amount=\"").money(l.amountCents).ascii("\"/>");
            }
            w.ascii("</Cheque>");
        }
        if (r.op() == Operation.PAYMENT) {
            w.ascii("<Redeem Amount=\"").money(r.redeemCents()).ascii("\"/>");
        }
    }

    /**
     * A well-formed response. With {@code innerOnly} the outer ErrorCode says 0 and only the operation's
     * inner ErrorCode carries {@code code} (the inner one wins, per the spec).
     */
    void response(LoyaltyRequest r, LoymaxCode code, boolean innerOnly, boolean pretty) {
        String el = r.op().element + "Response";
        int outer = innerOnly ? 0 : code.code;
        String nl = pretty ? "\r\n" : "";
        w.ascii("<XMLResponse>").ascii(nl);
        w.ascii(pretty ? "  " : "").ascii("<ErrorCode>").num(outer).ascii("</ErrorCode>");
        if (outer != 0) {
            w.ascii("<Message>").ascii(code.name()).ascii("</Message>");
        }
        w.ascii(nl).ascii(pretty ? "  " : "").ascii("<").ascii(el).ascii(">").ascii(nl);
        w.ascii(pretty ? "    " : "").ascii("<OperationID>").ascii(r.operationId()).ascii("</OperationID><ErrorCode>")
                .num(code.code).ascii("</ErrorCode>");
        if (code == LoymaxCode.Ok) {
            okBody(r);
        } else if (innerOnly) {
            w.ascii("<CashierMessage>").text(cashierMessage(code)).ascii("</CashierMessage>");
        }
        w.ascii(nl).ascii(pretty ? "  " : "").ascii("</").ascii(el).ascii(">").ascii(nl).ascii("</XMLResponse>").eol();
    }

    private void okBody(LoyaltyRequest r) {
        switch (r.op()) {
            case BALANCE -> bonus(0, 0, r.balanceCents());
            case CALCULATE -> {
                bonus(r.accruedCents(), 0, r.balanceCents());
                for (Basket.Line l : r.basket().lines()) {
                    if (!l.removed && l.promo) {
                        w.ascii("<ChequeLine PosID=\"").num(l.pos).ascii("\" Accrued=\"0.00\" Reason=\"PROMO\"/>");
                    }
                }
            }
            case PAYMENT -> bonus(0, r.redeemCents(), r.balanceCents() - r.redeemCents());
            case CONFIRM -> bonus(r.accruedCents(), r.redeemCents(),
                    r.balanceCents() - r.redeemCents() + r.accruedCents());
            case CANCEL -> { }
        }
    }

    private void bonus(long accrued, long redeemed, long balance) {
        w.ascii("<Bonus Accrued=\"").money(accrued).ascii("\" Redeemed=\"").money(redeemed)
                .ascii("\" Balance=\"").money(balance).ascii("\"/>");
    }

    /** A response cut off mid-element: not well-formed XML, so its request gets no outcome from it. */
    void brokenResponse(LoyaltyRequest r) {
        w.ascii("<XMLResponse><ErrorCode>0</ErrorCode><").ascii(r.op().element).ascii("Response><OperationID>")
                .ascii(r.operationId()).ascii("</OperationID><ErrorCode>0</ErrorCode><B").eol();
    }

    private static String cashierMessage(LoymaxCode code) {
        return switch (code) {
            case CardBlocked -> "Карта заблокирована";
            case CardNotFound -> "Карта не найдена";
            case CardExpired -> "Срок действия карты истёк";
            case CardNotActivated -> "Карта не активирована";
            case QrCodeExpired -> "QR-код устарел, обновите в приложении";
            case NotEnoughMoney -> "Недостаточно баллов";
            default -> "Операция отклонена";
        };
    }
}
