package org.tillwatch.domain.model;

import java.util.regex.Pattern;

/** A register of a store: identity comes from the log path or the push URL, never from the lines. */
public record RegisterKey(String store, String register) implements Comparable<RegisterKey> {
    private static final Pattern STORE = Pattern.compile("[0-9A-Z]{4}");
    private static final Pattern REGISTER = Pattern.compile("POS[0-9]{2}");

    public RegisterKey {
        if (store == null || !STORE.matcher(store).matches()) {
            throw new IllegalArgumentException("store code must be 4 characters [0-9A-Z], got: " + store);
        }
        if (register == null || !REGISTER.matcher(register).matches()) {
            throw new IllegalArgumentException("register must be POS plus two digits, got: " + register);
        }
    }

    public static boolean isStoreCode(String s) {
        return s != null && STORE.matcher(s).matches();
    }

    public static boolean isRegisterName(String s) {
        return s != null && REGISTER.matcher(s).matches();
    }

    @Override
    public int compareTo(RegisterKey o) {
        int c = store.compareTo(o.store);
        return c != 0 ? c : register.compareTo(o.register);
    }

    @Override
    public String toString() {
        return store + "/" + register;
    }
}
