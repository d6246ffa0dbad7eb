package org.tillwatch.web.auth;

import java.util.Locale;

/** What a user or token may do: operator (lookups), support (plus store pages and raw entries), admin (everything). */
public enum Role {
    OPERATOR, SUPPORT, ADMIN;

    public static Role of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
