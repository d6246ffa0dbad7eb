package org.tillwatch.web.auth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.tillwatch.config.Security;

/** The accounts and API tokens of the {@code security} config section, plus the UI's own in-memory token. */
public final class Accounts {
    /** Checked against when a name is unknown, so a wrong name costs as long as a wrong password. */
    private static final String DUMMY = PasswordHasher.hash("not-a-password".toCharArray());

    private final Security security;
    private final String internalTokenHash;

    public Accounts(Security security, String internalToken) {
        this.security = security;
        this.internalTokenHash = PasswordHasher.tokenHash(internalToken);
    }

    public record Principal(String name, Role role) {
    }

    /** The user when name and password match an account. */
    public Optional<Principal> login(String name, char[] password) {
        Security.User user = security.users().stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
        boolean ok = PasswordHasher.verify(password, user == null ? DUMMY : user.passwordHash());
        return ok && user != null ? Optional.of(new Principal(user.name(), Role.of(user.role()))) : Optional.empty();
    }

    /** The token's owner, when the token is one of the configured ones (or the UI's own). */
    public Optional<Principal> token(String token) {
        String hash = PasswordHasher.tokenHash(token);
        if (equal(hash, internalTokenHash)) return Optional.of(new Principal("ui", Role.ADMIN));
        for (Security.Token t : security.tokens()) {
            if (equal(hash, t.hash())) return Optional.of(new Principal(t.name(), Role.of(t.role())));
        }
        return Optional.empty();
    }

    public boolean apiProtected() {
        return security.apiProtected();
    }

    public boolean hasUsers() {
        return !security.users().isEmpty();
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
