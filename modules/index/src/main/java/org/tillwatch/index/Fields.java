package org.tillwatch.index;

/** Field names of a transaction document. */
public final class Fields {
    public static final String ID = "id";
    public static final String STORE = "store";
    public static final String REGISTER = "register";
    public static final String SHIFT = "shift";
    public static final String RECEIPT = "receipt";
    /** Store-local date of opening, yyyy-MM-dd. */
    public static final String DATE = "date";
    public static final String OPENED_AT = "opened_at";
    public static final String CLOSED_AT = "closed_at";
    public static final String STATUS = "status";
    public static final String LOYALTY = "loyalty";
    public static final String FAILED = "failed";
    public static final String CARD_HASH = "card_hash";
    public static final String CARD_LAST4 = "card_last4";
    public static final String OUTCOME = "outcome";
    public static final String CRITICAL_OUTCOME = "critical_outcome";
    public static final String OUTCOME_CODE = "outcome_code";
    public static final String TAG = "tag";
    public static final String TOTAL_CENTS = "total_cents";
    public static final String ACCRUED_CENTS = "accrued_cents";
    public static final String REDEEMED_CENTS = "redeemed_cents";
    public static final String HAS_PROMO = "has_promo";
    public static final String PENDING = "pending";
    public static final String TENDER = "tender";
    public static final String SKU = "sku";
    public static final String KEY = "key";
    public static final String SOURCE = "source";

    private Fields() {
    }
}
