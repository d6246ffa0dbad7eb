package org.tillwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code TILLWATCH_<SECTION>_<KEY>} environment overrides. */
class CollectorConfigEnvTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyHasAVariable() throws Exception {
        Map<String, String> env = Map.ofEntries(
                Map.entry("TILLWATCH_SERVER_HOST", "localhost"),
                Map.entry("TILLWATCH_SERVER_PORT", " 9090 "),
                Map.entry("TILLWATCH_LOGS_ROOT", "/var/log/pos"),
                Map.entry("TILLWATCH_LOGS_POLL_INTERVAL", "2s"),
                Map.entry("TILLWATCH_LOGS_RESCAN_INTERVAL", "1m"),
                Map.entry("TILLWATCH_STORES_REGISTRY", "/etc/tillwatch/stores.csv"),
                Map.entry("TILLWATCH_STORES_DEFAULT_ZONE", "UTC"),
                Map.entry("TILLWATCH_DATA_DIR", "/srv/tillwatch"),
                Map.entry("TILLWATCH_INGEST_THREADS", "2"),
                Map.entry("TILLWATCH_INGEST_MAX_CHUNK_BYTES", "1MiB"),
                Map.entry("TILLWATCH_INGEST_MAX_BACKLOG_BYTES", "16777216"),
                Map.entry("TILLWATCH_INGEST_COMMIT_INTERVAL", "10s"),
                Map.entry("TILLWATCH_INGEST_REFRESH_INTERVAL", "1s"),
                Map.entry("TILLWATCH_INGEST_IDLE_FLUSH", "PT2S"),
                Map.entry("TILLWATCH_INGEST_SILENCE_EXPIRY", "5m"),
                Map.entry("TILLWATCH_LIVE_WINDOWS", "5m,1h,1d,7d"),
                Map.entry("TILLWATCH_LIVE_MIN_VOLUME", "50"),
                Map.entry("TILLWATCH_LIVE_REGISTER_SILENCE", "30m"));
        CollectorConfig c = CollectorConfig.load(null, env);
        assertThat(c.server()).isEqualTo(new CollectorConfig.Server("localhost", 9090));
        assertThat(c.logs()).isEqualTo(new CollectorConfig.Logs(Path.of("/var/log/pos"), Duration.ofSeconds(2),
                Duration.ofMinutes(1)));
        assertThat(c.stores()).isEqualTo(new CollectorConfig.Stores(Path.of("/etc/tillwatch/stores.csv"), "UTC"));
        assertThat(c.data().dir()).isEqualTo(Path.of("/srv/tillwatch"));
        assertThat(c.ingest()).isEqualTo(new CollectorConfig.Ingest(2, 1L << 20, 16L << 20, Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(5)));
        assertThat(c.live()).isEqualTo(new CollectorConfig.Live(java.util.List.of(Duration.ofMinutes(5),
                Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7)), 50, Duration.ofMinutes(30)));
    }

    @Test
    void environmentBeatsTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), """
                server: {port: 70000, host: 10.0.0.1}
                logs: {root: pos}
                """);
        CollectorConfig c = CollectorConfig.load(file, Map.of("TILLWATCH_SERVER_PORT", "9090",
                "TILLWATCH_LOGS_ROOT", ""));
        assertThat(c.server()).isEqualTo(new CollectorConfig.Server("10.0.0.1", 9090));
        assertThat(c.logs().root()).as("an empty path variable means none").isNull();
    }

    @Test
    void relativePathsInTheEnvironmentAreRelativeToTheWorkingDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), "data: {dir: from-file}\n");
        CollectorConfig c = CollectorConfig.load(file, Map.of("TILLWATCH_DATA_DIR", "from-env",
                "TILLWATCH_STORES_REGISTRY", "../stores.csv"));
        assertThat(c.data().dir()).isEqualTo(Path.of("from-env").toAbsolutePath());
        assertThat(c.stores().registry()).isEqualTo(Path.of("../stores.csv").toAbsolutePath().normalize());
    }

    @Test
    void fromEnvAppliesOverAnyBase() throws Exception {
        CollectorConfig base = CollectorConfig.defaults().withPort(1234).withDataDir(dir);
        CollectorConfig c = CollectorConfig.fromEnv(base, Map.of("TILLWATCH_LIVE_MIN_VOLUME", "3"));
        assertThat(c.server().port()).isEqualTo(1234);
        assertThat(c.data().dir()).isEqualTo(dir);
        assertThat(c.live().minVolume()).isEqualTo(3);
        assertThat(CollectorConfig.fromEnv(base, Map.of())).isEqualTo(base);
    }

    @Test
    void nonConfigurationVariablesAreIgnored() throws Exception {
        Map<String, String> env = Map.of(
                "TILLWATCH_CARD_KEY", "secret",
                "TILLWATCH_CARD_KEY_FILE", "/etc/key",
                "TILLWATCH_JAVA_OPTS", "-Xmx1g",
                "TILLWATCH_SERVER", "not a section key",
                "tillwatch_server_prot", "lower case is not ours",
                "PATH", "/usr/bin",
                "HOME", "/root");
        assertThat(CollectorConfig.load(null, env)).isEqualTo(CollectorConfig.defaults());
    }

    @Test
    void unknownConfigurationVariablesAreAnError() {
        assertThatThrownBy(() -> CollectorConfig.load(null, Map.of(
                "TILLWATCH_SERVER_PROT", "9090",
                "TILLWATCH_DATA_DIRECTORY", "/srv",
                "TILLWATCH_CARD_KEY", "ignored")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "TILLWATCH_DATA_DIRECTORY: unknown configuration variable (known: TILLWATCH_DATA_DIR, TILLWATCH_DATA_MIN_FREE_BYTES)",
                        "TILLWATCH_SERVER_PROT: unknown configuration variable "
                                + "(known: TILLWATCH_SERVER_HOST, TILLWATCH_SERVER_PORT)"));
    }

    @Test
    void badValuesNameTheVariable() throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), "ingest: {threads: 0}\n");
        assertThatThrownBy(() -> CollectorConfig.load(file, Map.of(
                "TILLWATCH_SERVER_PORT", "abc",
                "TILLWATCH_LIVE_WINDOWS", "5m,,1x",
                "TILLWATCH_INGEST_COMMIT_INTERVAL", "1h",
                "TILLWATCH_LIVE_MIN_VOLUME", "0")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "TILLWATCH_LIVE_WINDOWS: live.windows[1]: expected a duration such as 500ms, 5s, 2m, 1h, 1d or PT5S, got \"\"",
                        "TILLWATCH_LIVE_WINDOWS: live.windows[2]: expected a duration such as 500ms, 5s, 2m, 1h, 1d or PT5S, got \"1x\"",
                        "TILLWATCH_SERVER_PORT: server.port: expected an integer, got \"abc\"",
                        file + ": ingest.threads: must be between 1 and 256, got 0",
                        "TILLWATCH_INGEST_COMMIT_INTERVAL: ingest.commit-interval: must be between 100ms and 10m, got 1h",
                        "TILLWATCH_LIVE_MIN_VOLUME: live.min-volume: must be at least 1, got 0"));
        assertThatThrownBy(() -> CollectorConfig.load(null, Map.of("TILLWATCH_LIVE_WINDOWS", " ")))
                .hasMessage("TILLWATCH_LIVE_WINDOWS: live.windows: must list at least one window");
    }
}
