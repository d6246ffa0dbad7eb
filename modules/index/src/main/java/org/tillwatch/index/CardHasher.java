package org.tillwatch.index;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed hash (HMAC-SHA256) of a loyalty card number: lookup without storing the number. Thread-safe. */
public final class CardHasher {
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;

    public CardHasher(byte[] key) {
        if (key.length < 16) throw new IllegalArgumentException("card hash key must be at least 16 bytes");
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public String hash(String card) {
        return HexFormat.of().formatHex(mac.get().doFinal(card.getBytes(StandardCharsets.US_ASCII)));
    }

    /** What an operator may see of a card: its last four digits. */
    public static String masked(String card) {
        if (card.length() <= 4) return card;
        return "*".repeat(card.length() - 4) + card.substring(card.length() - 4);
    }
}
