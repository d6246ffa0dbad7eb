package org.tillwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security section: accounts with hashed passwords, hashed API tokens, roles. */
class SecurityConfigTest {
    static final String HASH = "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";
    static final String TOKEN = "sha256:" + "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void defaultsLeaveTheApiOpen() {
        assertThat(CollectorConfig.defaults().security().apiProtected()).isFalse();
        assertThat(CollectorConfig.defaults().security().users()).isEmpty();
    }

    @Test
    void readsAccountsAndTokensAndPrintsThemBack() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                security:
                  session-timeout: 15m
                  users:
                    - {name: anna, password-hash: "%s", role: operator}
                    - {name: boss, password-hash: "%s", role: admin}
                  tokens:
                    - {name: bot, hash: "%s", role: support}
                """.formatted(HASH, HASH, TOKEN));
        CollectorConfig c = CollectorConfig.load(file, Map.of());
        assertThat(c.security().sessionTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.security().users()).extracting(Security.User::name).containsExactly("anna", "boss");
        assertThat(c.security().tokens().get(0).role()).isEqualTo("support");
        assertThat(c.security().apiProtected()).isTrue();
        Path again = Files.writeString(dir.resolve("again.yaml"), c.describe());
        assertThat(CollectorConfig.load(again, Map.of())).isEqualTo(c);
        assertThat(c.withPort(1).security()).isEqualTo(c.security());
    }

    @Test
    void plainPasswordsBadRolesAndDuplicatesAreRefusedWithTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                security:
                  users:
                    - {name: anna, password-hash: secret, role: operator}
                    - {name: anna, password-hash: "%s", role: boss}
                  tokens:
                    - {name: bot, hash: my-token, role: support, extra: 1}
                """.formatted(HASH));
        assertThatThrownBy(() -> CollectorConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("security.tokens[0]: unknown key 'extra'");
        Path file2 = Files.writeString(dir.resolve("bad2.yaml"), """
                security:
                  users:
                    - {name: anna, password-hash: secret, role: operator}
                    - {name: anna, password-hash: "%s", role: boss}
                  tokens:
                    - {name: bot, hash: my-token, role: support}
                """.formatted(HASH));
        assertThatThrownBy(() -> CollectorConfig.load(file2, Map.of()))
                .hasMessageContaining("security.users[0].password-hash: must be a hash printed by `tillwatch passwd`")
                .hasMessageContaining("security.users[1].name: 'anna' is listed more than once")
                .hasMessageContaining("security.users[1].role: must be one of [operator, support, admin], got 'boss'")
                .hasMessageContaining("security.tokens[0].hash: must be sha256:");
    }
}
