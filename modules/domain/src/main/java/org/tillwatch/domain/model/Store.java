package org.tillwatch.domain.model;

import java.nio.charset.Charset;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/** A store from the registry. {@code registered} is false for a store seen in logs but missing from the registry. */
public record Store(String code, String name, String format, String region, ZoneId zone,
                    LocalTime opens, LocalTime closes, Charset encoding, boolean registered) {
    public Store {
        if (!RegisterKey.isStoreCode(code)) {
            throw new IllegalArgumentException("store code must be 4 characters [0-9A-Z], got: " + code);
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(encoding, "encoding");
    }

    public static Store unregistered(String code, ZoneId defaultZone) {
        return new Store(code, "", "", "", defaultZone, null, null, StoreRegistry.WINDOWS_1251, false);
    }
}
