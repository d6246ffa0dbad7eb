package org.tillwatch.web.auth;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tillwatch.config.Security;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    @Test
    void aHashVerifiesItsPasswordOnlyAndIsSaltedAndAcceptedByTheConfig() {
        String hash = PasswordHasher.hash("correct horse".toCharArray());
        assertThat(PasswordHasher.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.verify("correct horsE".toCharArray(), hash)).isFalse();
        assertThat(PasswordHasher.hash("correct horse".toCharArray())).isNotEqualTo(hash);
        assertThat(PasswordHasher.verify("x".toCharArray(), "plain-text")).isFalse();
        Security s = new Security(java.time.Duration.ofMinutes(5), List.of(new Security.User("anna", hash, "operator")), List.of());
        Accounts accounts = new Accounts(s, PasswordHasher.newToken());
        assertThat(accounts.login("anna", "correct horse".toCharArray())).contains(new Accounts.Principal("anna", Role.OPERATOR));
        assertThat(accounts.login("anna", "wrong".toCharArray())).isEmpty();
        assertThat(accounts.login("bob", "correct horse".toCharArray())).isEmpty();
    }

    @Test
    void tokensAreKnownByTheirHash() {
        String token = PasswordHasher.newToken();
        String internal = PasswordHasher.newToken();
        Security s = new Security(java.time.Duration.ofMinutes(5), List.of(), List.of(new Security.Token("bot", PasswordHasher.tokenHash(token), "support")));
        Accounts accounts = new Accounts(s, internal);
        assertThat(accounts.token(token)).contains(new Accounts.Principal("bot", Role.SUPPORT));
        assertThat(accounts.token(internal).orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(accounts.token("guess")).isEmpty();
        assertThat(accounts.apiProtected()).isTrue();
        assertThat(Role.SUPPORT.atLeast(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.atLeast(Role.SUPPORT)).isFalse();
    }
}
