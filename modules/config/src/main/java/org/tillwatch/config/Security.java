package org.tillwatch.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may use the Parser UI and the API.
 *
 * <p>{@code users} log in to the web UI (password hashes as {@code tillwatch passwd} prints them:
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}); {@code tokens} are API bearer tokens, kept as
 * {@code sha256:<hex>} of the token. With no tokens the JSON API stays open; the UI always needs a login.
 *
 * @param sessionTimeout a UI session ends after this long without a request
 */
public record Security(Duration sessionTimeout, List<User> users, List<Token> tokens) {
    public static final List<String> ROLES = List.of("operator", "support", "admin");
    static final Pattern PASSWORD_HASH = Pattern.compile("pbkdf2-sha256\\$\\d{4,8}\\$[A-Za-z0-9+/=]{16,}\\$[A-Za-z0-9+/=]{32,}");
    static final Pattern TOKEN_HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public Security {
        Checks checks = new Checks("security");
        checks.durationRange(sessionTimeout, Duration.ofSeconds(10), Duration.ofDays(1), "session-timeout");
        users = users == null ? List.of() : List.copyOf(users);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            User u = users.get(i);
            String key = "users[" + i + "]";
            if (!NAME.matcher(u.name()).matches()) checks.fail(key + ".name", "must be 1-64 letters, digits or ._@-, got '" + u.name() + "'");
            else if (!names.add(u.name())) checks.fail(key + ".name", "'" + u.name() + "' is listed more than once");
            if (!PASSWORD_HASH.matcher(u.passwordHash()).matches()) {
                checks.fail(key + ".password-hash", "must be a hash printed by `tillwatch passwd` (pbkdf2-sha256$...), never a plain password");
            }
            if (!ROLES.contains(u.role())) checks.fail(key + ".role", "must be one of " + ROLES + ", got '" + u.role() + "'");
        }
        Set<String> tokenNames = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String key = "tokens[" + i + "]";
            if (!NAME.matcher(t.name()).matches()) checks.fail(key + ".name", "must be 1-64 letters, digits or ._@-, got '" + t.name() + "'");
            else if (!tokenNames.add(t.name())) checks.fail(key + ".name", "'" + t.name() + "' is listed more than once");
            if (!TOKEN_HASH.matcher(t.hash()).matches()) {
                checks.fail(key + ".hash", "must be sha256:<64 hex digits> as `tillwatch passwd --token` prints it, never the token itself");
            }
            if (!ROLES.contains(t.role())) checks.fail(key + ".role", "must be one of " + ROLES + ", got '" + t.role() + "'");
        }
        checks.done();
    }

    /** A web UI account. */
    public record User(String name, String passwordHash, String role) {
        public User {
            name = name == null ? "" : name;
            passwordHash = passwordHash == null ? "" : passwordHash;
            role = role == null ? "" : role;
        }
    }

    /** An API bearer token, by the SHA-256 of its value. */
    public record Token(String name, String hash, String role) {
        public Token {
            name = name == null ? "" : name;
            hash = hash == null ? "" : hash;
            role = role == null ? "" : role;
        }
    }

    /** Whether API requests must carry a bearer token. */
    public boolean apiProtected() {
        return !tokens.isEmpty();
    }

    static Security defaults() {
        return new Security(Duration.ofMinutes(30), List.of(), List.of());
    }
}
