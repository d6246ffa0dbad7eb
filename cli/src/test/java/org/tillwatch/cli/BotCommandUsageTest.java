package org.tillwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tillwatch bot}: what is missing or wrong is a usage error (exit 2) that says what to fix, before anything starts. */
class BotCommandUsageTest {
    @TempDir
    Path tmp;

    @Test
    void theServerIsRequired() {
        Cli r = Cli.run("bot");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--server");
    }

    @Test
    void aBadServerUrlIsAUsageError() {
        Cli r = Cli.run("bot", "--server", "collector:8080");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is not a collector URL");
    }

    @Test
    void anEmptyAllowlistABadApiUrlAndAMissingTokenAreNamed() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), "telegram: {users: [111], token-file: missing.token}\n");
        Cli r = Cli.run("bot", "--server", "http://127.0.0.1:1", "--config", cfg.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Telegram bot token file not found: " + tmp.resolve("missing.token"));

        Cli none = Cli.run("bot", "--server", "http://127.0.0.1:1", "--config", Files.writeString(tmp.resolve("e.yaml"), "").toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("telegram.users: list at least one Telegram user id");

        Cli api = Cli.run("bot", "--server", "http://127.0.0.1:1", "--config", cfg.toString(), "--telegram-api", "http://h/bot");
        assertThat(api.exitCode()).isEqualTo(2);
        assertThat(api.err()).contains("telegram.api-url: must be scheme, host and port only");

        Path bad = Files.writeString(tmp.resolve("bad.token"), "not-a-token\n");
        Cli token = Cli.run("bot", "--server", "http://127.0.0.1:1", "--config", cfg.toString(), "--telegram-token-file", bad.toString());
        assertThat(token.exitCode()).isEqualTo(2);
        assertThat(token.err()).contains("does not look like <digits>:<secret>").doesNotContain("not-a-token");
    }
}
