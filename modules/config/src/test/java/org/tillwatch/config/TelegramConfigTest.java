package org.tillwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The telegram section: file, environment, validation; the bot token itself is never configuration. */
class TelegramConfigTest {
    @TempDir
    Path dir;

    @Test
    void offByDefault() {
        TelegramConfig t = CollectorConfig.defaults().telegram();
        assertThat(t.enabled()).isFalse();
        assertThat(t.apiUrl()).isEqualTo("https://api.telegram.org");
        assertThat(t.language()).isEqualTo("both");
    }

    @Test
    void fromFileAndEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                telegram: {enabled: true, api-url: "http://127.0.0.1:9999/", users: [101, 202], token-file: secret/bot.token}
                """);
        CollectorConfig c = CollectorConfig.load(file, Map.of("TILLWATCH_TELEGRAM_CHATS", "-100123, -55",
                "TILLWATCH_TELEGRAM_TOKEN", "123:not-configuration", "TILLWATCH_TELEGRAM_INCIDENT_POLL", "2s"));
        TelegramConfig t = c.telegram();
        assertThat(t.enabled()).isTrue();
        assertThat(t.apiUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(t.users()).containsExactly(101L, 202L);
        assertThat(t.chats()).containsExactly(-100123L, -55L);
        assertThat(t.tokenFile()).isEqualTo(dir.resolve("secret/bot.token"));
        assertThat(t.incidentPoll()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.describe()).contains("telegram:\n  enabled: true\n").doesNotContain("not-configuration");
    }

    @Test
    void everyProblemIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                telegram: {enabled: yes-please, users: [12, x], api-url: "ftp://host"}
                """);
        assertThatThrownBy(() -> CollectorConfig.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("telegram.enabled: expected true or false, got \"yes-please\"")
                .hasMessageContaining("telegram.users[1]: expected a Telegram id");
        assertThatThrownBy(() -> new TelegramConfig(true, "http://h:1/bot", null, List.of(), List.of(), "de", Duration.ofSeconds(1)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("telegram.api-url: must be scheme, host and port only")
                .hasMessageContaining("telegram.users: list at least one Telegram user id")
                .hasMessageContaining("telegram.language: must be ru, en or both");
        assertThatThrownBy(() -> new TelegramConfig(false, "http://h", null, List.of(-5L), List.of(0L), "ru", Duration.ofSeconds(1)))
                .hasMessageContaining("telegram.users[0]: a user id is a positive number, got -5")
                .hasMessageContaining("telegram.chats[0]: a chat id is a non-zero number, got 0");
    }
}
