package org.tillwatch.domain.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The loyalty processing's error codes, as the spec's table defines them. */
public enum ErrorCode {
    OK(0, "Ok", false),
    SYSTEM_ERROR(1, "SystemError", true),
    VERSION_ERROR(2, "VersionError", true),
    PARSE_ERROR(3, "ParseError", true),
    SIGNATURE_ERROR(4, "SignatureError", true),
    CARD_NOT_FOUND(10, "CardNotFound", false),
    CARD_BLOCKED(11, "CardBlocked", false),
    CARD_NOT_ACTIVATED(12, "CardNotActivated", false),
    CARD_EXPIRED(13, "CardExpired", false),
    CARD_HOLDER_NOT_FOUND(14, "CardHolderNotFound", false),
    WRONG_PIN(15, "WrongPin", false),
    QR_CODE_EXPIRED(16, "QrCodeExpired", false),
    NOT_ENOUGH_MONEY(20, "NotEnoughMoney", false),
    LARGE_PAYMENT_AMOUNT(21, "LargePaymentAmount", false),
    LIMIT_GAINED(22, "LimitGained", false),
    DEVICE_NOT_FOUND(30, "DeviceNotFound", true),
    DEVICE_BLOCKED(31, "DeviceBlocked", true),
    CASHIER_NOT_FOUND(32, "CashierNotFound", false),
    NOT_UNIQUE_OPERATION_ID(40, "NotUniqueOperationID", false),
    NOT_UNIQUE_PURCHASE_ID(41, "NotUniquePurchaseID", false),
    OPERATION_NOT_FOUND(42, "OperationNotFound", false),
    OPERATION_IS_CONFIRMED(43, "OperationIsConfirmed", false),
    PURCHASE_NOT_FOUND(44, "PurchaseNotFound", false),
    DIFFERENT_CHEQUE(45, "DifferentCheque", false),
    COUPONS_EXCEPTION(50, "CouponsException", false),
    DISCOUNT_EXCEPTION(51, "DiscountException", true);

    private static final Map<Integer, ErrorCode> BY_CODE = new HashMap<>();
    private static final Map<String, ErrorCode> BY_NAME = new HashMap<>();

    static {
        for (ErrorCode c : values()) {
            BY_CODE.put(c.code, c);
            BY_NAME.put(c.displayName, c);
        }
    }

    private final int code;
    private final String displayName;
    private final boolean critical;

    ErrorCode(int code, String displayName, boolean critical) {
        this.code = code;
        this.displayName = displayName;
        this.critical = critical;
    }

    public int code() { return code; }

    public String displayName() { return displayName; }

    public boolean critical() { return critical; }

    public static Optional<ErrorCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static Optional<ErrorCode> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
