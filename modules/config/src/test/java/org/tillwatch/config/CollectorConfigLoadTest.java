package org.tillwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading YAML and JSON files, and every problem a file can have. */
class CollectorConfigLoadTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private ConfigException problemsOf(Path file) {
        try {
            CollectorConfig.load(file, Map.of());
        } catch (ConfigException e) {
            assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
            return e;
        }
        throw new AssertionError("expected " + file + " to be rejected");
    }

    @Test
    void nullFileGivesDefaults() throws Exception {
        assertThat(CollectorConfig.load(null, Map.of())).isEqualTo(CollectorConfig.defaults());
    }

    @Test
    void readsYaml() throws Exception {
        Path file = write("etc/config.yaml", """
                server:
                  host: 127.0.0.1
                  port: 9090
                logs:
                  root: /var/log/pos
                  poll-interval: 250ms
                stores:
                  default-zone: Asia/Yekaterinburg
                ingest:
                  threads: 4
                  max-chunk-bytes: 64KiB
                  max-backlog-bytes: 8MB
                  commit-interval: PT10S
                live:
                  windows: [15m, 1h]
                  min-volume: 5
                """);
        CollectorConfig c = CollectorConfig.load(file, Map.of());
        CollectorConfig d = CollectorConfig.defaults();
        assertThat(c.server()).isEqualTo(new CollectorConfig.Server("127.0.0.1", 9090));
        assertThat(c.logs().root()).isEqualTo(Path.of("/var/log/pos"));
        assertThat(c.logs().pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.logs().rescanInterval()).isEqualTo(d.logs().rescanInterval());
        assertThat(c.stores().defaultZone()).isEqualTo("Asia/Yekaterinburg");
        assertThat(c.data()).isEqualTo(d.data());
        assertThat(c.ingest().threads()).isEqualTo(4);
        assertThat(c.ingest().maxChunkBytes()).isEqualTo(64 * 1024);
        assertThat(c.ingest().maxBacklogBytes()).isEqualTo(8_000_000);
        assertThat(c.ingest().commitInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.ingest().idleFlush()).isEqualTo(d.ingest().idleFlush());
        assertThat(c.live().windows()).containsExactly(Duration.ofMinutes(15), Duration.ofHours(1));
        assertThat(c.live().minVolume()).isEqualTo(5);
    }

    @Test
    void readsJsonWithNumbersAndStrings() throws Exception {
        Path file = write("config.json", """
                {"server": {"port": "9091"},
                 "ingest": {"max-chunk-bytes": 1048576, "max-backlog-bytes": "1GiB"},
                 "live": {"windows": "5m, 1d", "register-silence": "1h"},
                 "stores": {"registry": null}}
                """);
        CollectorConfig c = CollectorConfig.load(file, Map.of());
        assertThat(c.server().port()).isEqualTo(9091);
        assertThat(c.ingest().maxChunkBytes()).isEqualTo(1L << 20);
        assertThat(c.ingest().maxBacklogBytes()).isEqualTo(1L << 30);
        assertThat(c.live().windows()).containsExactly(Duration.ofMinutes(5), Duration.ofDays(1));
        assertThat(c.live().registerSilence()).isEqualTo(Duration.ofHours(1));
        assertThat(c.stores().registry()).isNull();
    }

    @Test
    void emptyFilesAndEmptySectionsMeanDefaults() throws Exception {
        assertThat(CollectorConfig.load(write("empty.yml", ""), Map.of())).isEqualTo(CollectorConfig.defaults());
        assertThat(CollectorConfig.load(write("sections.yaml", "server:\nlogs: {}\n"), Map.of()))
                .isEqualTo(CollectorConfig.defaults());
        assertThat(CollectorConfig.load(write("empty.json", "{}"), Map.of())).isEqualTo(CollectorConfig.defaults());
    }

    @Test
    void relativePathsAreRelativeToTheFilesDirectory() throws Exception {
        Path file = write("etc/tillwatch/config.yml", """
                logs: {root: ../../pos-logs}
                stores: {registry: stores.csv}
                data: {dir: state/data}
                """);
        CollectorConfig c = CollectorConfig.load(file, Map.of());
        assertThat(c.logs().root()).isEqualTo(dir.resolve("pos-logs"));
        assertThat(c.stores().registry()).isEqualTo(dir.resolve("etc/tillwatch/stores.csv"));
        assertThat(c.data().dir()).isEqualTo(dir.resolve("etc/tillwatch/state/data"));
    }

    @Test
    void unknownKeysNameTheKeyPathAndTheFile() throws Exception {
        Path file = write("config.yaml", """
                server:
                  prot: 9090
                sever: {}
                live:
                  minVolume: 3
                """);
        assertThat(problemsOf(file).problems()).containsExactly(
                file + ": unknown key 'server.prot' (known: host, port)",
                file + ": unknown key 'sever' (known: server, logs, stores, data, ingest, live, alerting, telegram, cluster, security)",
                file + ": unknown key 'live.minVolume' (known: windows, min-volume, register-silence)");
    }

    @Test
    void wrongTypesNameTheKeyPath() throws Exception {
        Path file = write("config.yaml", """
                server: {host: 8080, port: 80.5}
                logs: [1, 2]
                stores: {default-zone: {id: UTC}}
                data: {dir: }
                ingest: {threads: four, max-chunk-bytes: 8 megs, commit-interval: 5, idle-flush: 5 sec}
                live: {windows: [5m, 1 hour, 3], min-volume: 99999999999, register-silence: true}
                """);
        assertThat(problemsOf(file).problems()).containsExactly(
                file + ": server.host: expected a string, got 8080",
                file + ": server.port: expected an integer, got 80.5",
                file + ": logs: expected an object with the keys root, poll-interval, rescan-interval, got a list",
                file + ": stores.default-zone: expected a string, got an object",
                file + ": data.dir: expected a path, got nothing",
                file + ": ingest.threads: expected an integer, got \"four\"",
                file + ": ingest.max-chunk-bytes: expected a byte size such as 65536, 64KiB, 8MiB, 1GiB or 8MB, got \"8 megs\"",
                file + ": ingest.commit-interval: expected a duration such as 500ms, 5s, 2m, 1h, 1d or PT5S, got 5",
                file + ": ingest.idle-flush: expected a duration such as 500ms, 5s, 2m, 1h, 1d or PT5S, got \"5 sec\"",
                file + ": live.windows[1]: expected a duration such as 500ms, 5s, 2m, 1h, 1d or PT5S, got \"1 hour\"",
                file + ": live.windows[2]: expected a duration such as 500ms, 5s, 2m, 1h, 1d or PT5S, got 3",
                file + ": live.min-volume: out of range, got 99999999999",
                file + ": live.register-silence: expected a duration such as 500ms, 5s, 2m, 1h, 1d or PT5S, got true");
    }

    @Test
    void outOfRangeValuesNameTheFile() throws Exception {
        Path file = write("config.json", """
                {"server": {"port": 70000},
                 "stores": {"default-zone": "Mars/Olympus"},
                 "ingest": {"threads": 0, "max-chunk-bytes": "128MiB", "refresh-interval": "20ms"},
                 "live": {"windows": ["5m", "8d", "5m"], "min-volume": 0}}
                """);
        assertThat(problemsOf(file).problems()).containsExactly(
                file + ": server.port: must be between 0 and 65535, got 70000",
                file + ": stores.default-zone: unknown time zone 'Mars/Olympus'",
                file + ": ingest.threads: must be between 1 and 256, got 0",
                file + ": ingest.max-chunk-bytes: must be between 1KiB and 64MiB, got 128MiB",
                // the default backlog (256MiB) is still large enough; only the chunk is wrong
                file + ": ingest.refresh-interval: must be between 50ms and 10s, got 20ms",
                file + ": live.windows[1]: must be at most 7d, got 8d",
                file + ": live.windows[2]: 5m is listed more than once",
                file + ": live.min-volume: must be at least 1, got 0");
    }

    @Test
    void typeProblemsAndRangeProblemsAreReportedTogether() throws Exception {
        Path file = write("config.yaml", """
                server: {port: -1, bogus: 1}
                ingest: {threads: lots, max-chunk-bytes: 1MiB, max-backlog-bytes: 64KiB}
                """);
        ConfigException e = problemsOf(file);
        assertThat(e.problems()).containsExactly(
                file + ": unknown key 'server.bogus' (known: host, port)",
                file + ": ingest.threads: expected an integer, got \"lots\"",
                file + ": server.port: must be between 0 and 65535, got -1",
                file + ": ingest.max-backlog-bytes: must be at least max-chunk-bytes (1MiB), got 64KiB");
        assertThat(e.getMessage().lines()).hasSize(4);
    }

    @Test
    void fileProblems() throws Exception {
        Path toml = write("config.toml", "[server]\nport = 1\n");
        assertThat(problemsOf(toml).problems())
                .containsExactly(toml + ": unsupported file type (expected .yaml, .yml or .json)");

        Path missing = dir.resolve("missing.yaml");
        assertThat(problemsOf(missing).problems()).containsExactly(missing + ": file not found");

        Path badYaml = write("bad.yaml", "server:\n  port: [1\n");
        assertThat(problemsOf(badYaml).getMessage()).startsWith(badYaml + ": not valid YAML: ").contains("line ");

        Path badJson = write("bad.json", "{\"server\": {\"port\": 1,}}");
        assertThat(problemsOf(badJson).getMessage()).startsWith(badJson + ": not valid JSON: ").contains("line 1");

        Path duplicate = write("duplicate.yaml", "server:\n  port: 1\n  port: 2\n");
        assertThat(problemsOf(duplicate).getMessage()).startsWith(duplicate + ": not valid YAML: ")
                .contains("Duplicate field 'port'");

        Path list = write("list.yaml", "- server\n");
        assertThat(problemsOf(list).problems()).containsExactly(
                list + ": expected an object with the sections server, logs, stores, data, ingest, live, alerting, telegram, cluster, got a list");
    }
}
