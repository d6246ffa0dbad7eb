package org.tillwatch.simulator;

/** The loyalty processing's answer codes, as in the spec's table (name = outcome name in expected.json). */
enum LoymaxCode {
    Ok(0, false),
    SystemError(1, true),
    VersionError(2, true),
    ParseError(3, true),
    SignatureError(4, true),
    CardNotFound(10, false),
    CardBlocked(11, false),
    CardNotActivated(12, false),
    CardExpired(13, false),
    CardHolderNotFound(14, false),
    WrongPin(15, false),
    QrCodeExpired(16, false),
    NotEnoughMoney(20, false),
    LargePaymentAmount(21, false),
    LimitGained(22, false),
    DeviceNotFound(30, true),
    DeviceBlocked(31, true),
    CashierNotFound(32, false),
    NotUniqueOperationID(40, false),
    NotUniquePurchaseID(41, false),
    OperationNotFound(42, false),
    OperationIsConfirmed(43, false),
    PurchaseNotFound(44, false),
    DifferentCheque(45, false),
    CouponsException(50, false),
    DiscountException(51, true);

    final int code;
    final boolean critical;

    LoymaxCode(int code, boolean critical) {
        this.code = code;
        this.critical = critical;
    }

    /** Refusals of the customer's card: the register tags them {@code CARD_DECLINED}. */
    boolean cardDeclined() {
        return this == CardNotFound || this == CardBlocked || this == CardNotActivated
                || this == CardExpired || this == QrCodeExpired;
    }
}
