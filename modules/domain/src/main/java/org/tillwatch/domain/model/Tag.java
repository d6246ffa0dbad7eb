package org.tillwatch.domain.model;

import java.util.Set;

/** Tags registers set on failures. Registers may set others: a tag is kept as the register wrote it. */
public final class Tag {
    public static final String LOY_TIMEOUT = "LOY_TIMEOUT";
    public static final String LOY_OFFLINE = "LOY_OFFLINE";
    public static final String LOY_ERROR = "LOY_ERROR";
    public static final String CARD_DECLINED = "CARD_DECLINED";
    public static final String RCPT_CHANGED = "RCPT_CHANGED";
    public static final String PAN_UNMASKED = "PAN_UNMASKED";
    public static final Set<String> KNOWN = Set.of(LOY_TIMEOUT, LOY_OFFLINE, LOY_ERROR, CARD_DECLINED, RCPT_CHANGED, PAN_UNMASKED);

    private Tag() {
    }
}
