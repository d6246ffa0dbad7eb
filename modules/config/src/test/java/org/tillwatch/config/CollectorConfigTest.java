package org.tillwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.config.CollectorConfig.Ingest;
import org.tillwatch.config.CollectorConfig.Live;
import org.tillwatch.config.CollectorConfig.Logs;
import org.tillwatch.config.CollectorConfig.Server;
import org.tillwatch.config.CollectorConfig.Stores;

/** Defaults, validation in the record constructors, the {@code with} methods and {@code describe()}. */
class CollectorConfigTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void defaults() {
        CollectorConfig c = CollectorConfig.defaults();
        assertThat(c.server()).isEqualTo(new Server("0.0.0.0", 8080));
        assertThat(c.logs()).isEqualTo(new Logs(null, Duration.ofSeconds(1), Duration.ofSeconds(5)));
        assertThat(c.stores().registry()).isNull();
        assertThat(c.stores().zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(c.data().dir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(c.ingest().threads())
                .isEqualTo(Math.min(256, Runtime.getRuntime().availableProcessors()));
        assertThat(c.ingest().maxChunkBytes()).isEqualTo(8 * MIB);
        assertThat(c.ingest().maxBacklogBytes()).isEqualTo(256 * MIB);
        assertThat(c.ingest().commitInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.ingest().refreshInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.ingest().idleFlush()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.ingest().silenceExpiry()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.live().windows()).containsExactly(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1));
        assertThat(c.live().minVolume()).isEqualTo(20);
        assertThat(c.live().registerSilence()).isEqualTo(Duration.ofMinutes(15));
        assertThat(CollectorConfig.defaults()).isEqualTo(c);
    }

    @Test
    void serverValidation() {
        assertThatThrownBy(() -> new Server(" ", 70000))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("server.host: must not be blank\nserver.port: must be between 0 and 65535, got 70000");
        assertThatThrownBy(() -> new Server(null, -1))
                .hasMessage("server.host: must be set\nserver.port: must be between 0 and 65535, got -1");
        assertThat(new Server("localhost", 0).port()).isZero();
        assertThat(new Server("localhost", 65535).port()).isEqualTo(65535);
    }

    @Test
    void ingestValidation() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new Ingest(0, 512, 100, Duration.ofMillis(99), Duration.ofSeconds(11),
                Duration.ofMinutes(2), Duration.ZERO))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "ingest.threads: must be between 1 and 256, got 0",
                        "ingest.max-chunk-bytes: must be between 1KiB and 64MiB, got 512",
                        "ingest.max-backlog-bytes: must be at least max-chunk-bytes (512), got 100",
                        "ingest.commit-interval: must be between 100ms and 10m, got 99ms",
                        "ingest.refresh-interval: must be between 50ms and 10s, got 11s",
                        "ingest.idle-flush: must be between 100ms and 1m, got 2m",
                        "ingest.silence-expiry: must be positive, got 0s"));
        assertThatThrownBy(() -> new Ingest(257, 65 * MIB, 65 * MIB, s, s, s, s))
                .hasMessage("ingest.threads: must be between 1 and 256, got 257\n"
                        + "ingest.max-chunk-bytes: must be between 1KiB and 64MiB, got 65MiB");
        assertThatThrownBy(() -> new Ingest(1, 1024, 1024, Duration.ofMinutes(11), Duration.ofMillis(49),
                Duration.ofMillis(99), null))
                .hasMessage("ingest.commit-interval: must be between 100ms and 10m, got 11m\n"
                        + "ingest.refresh-interval: must be between 50ms and 10s, got 49ms\n"
                        + "ingest.idle-flush: must be between 100ms and 1m, got 99ms\n"
                        + "ingest.silence-expiry: must be set");
        assertThatThrownBy(() -> new Ingest(1, 1024, 1024, s, s, s, s, Duration.ofMillis(99)))
                .hasMessage("ingest.max-backlog-delay: must be between 100ms and 1h, got 99ms");
        assertThat(new Ingest(1, 1024, 1024, s, s, s, s).maxBacklogDelay()).isEqualTo(Ingest.DEFAULT_MAX_BACKLOG_DELAY);
        // the bounds themselves are allowed
        new Ingest(256, 64 * MIB, 64 * MIB, Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofMinutes(1), s);
        new Ingest(1, 1024, 1024, Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(100), s);
    }

    @Test
    void liveValidation() {
        assertThatThrownBy(() -> new Live(List.of(), 0, Duration.ofSeconds(-1)))
                .hasMessage("live.windows: must list at least one window\n"
                        + "live.min-volume: must be at least 1, got 0\n"
                        + "live.register-silence: must be positive, got PT-1S");
        assertThatThrownBy(() -> new Live(List.of(Duration.ofHours(1), Duration.ZERO, Duration.ofDays(8),
                Duration.ofMinutes(60)), 1, Duration.ofMinutes(1)))
                .hasMessage("live.windows[1]: must be positive, got 0s\n"
                        + "live.windows[2]: must be at most 7d, got 8d\n"
                        + "live.windows[3]: 1h is listed more than once");
        assertThat(new Live(List.of(Duration.ofDays(7)), 1, Duration.ofSeconds(1)).windows())
                .containsExactly(Duration.ofDays(7));
    }

    @Test
    void logsAndStoresValidation() {
        assertThatThrownBy(() -> new Logs(null, Duration.ZERO, null))
                .hasMessage("logs.poll-interval: must be positive, got 0s\nlogs.rescan-interval: must be set");
        assertThatThrownBy(() -> new Stores(null, "Mars/Olympus"))
                .hasMessage("stores.default-zone: unknown time zone 'Mars/Olympus'");
        assertThat(new Stores(null, "UTC").zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void withMethodsOverrideOneValueAndResolveAgainstTheWorkingDirectory() {
        CollectorConfig c = CollectorConfig.defaults()
                .withLogsRoot(Path.of("logs"))
                .withStoresRegistry(dir.resolve("stores.csv"))
                .withDataDir(Path.of("/srv/../var/tillwatch"))
                .withPort(0)
                .withHost("127.0.0.1");
        assertThat(c.logs().root()).isEqualTo(Path.of("logs").toAbsolutePath());
        assertThat(c.stores().registry()).isEqualTo(dir.resolve("stores.csv"));
        assertThat(c.data().dir()).isEqualTo(Path.of("/var/tillwatch"));
        assertThat(c.server()).isEqualTo(new Server("127.0.0.1", 0));
        assertThat(c.withLogsRoot(null).logs().root()).isNull();
        assertThat(c.ingest()).isEqualTo(CollectorConfig.defaults().ingest());
        assertThatThrownBy(() -> c.withPort(65536)).hasMessage("server.port: must be between 0 and 65535, got 65536");
    }

    @Test
    void describeWritesEveryKeyAsYaml() {
        String yaml = CollectorConfig.defaults().withLogsRoot(Path.of("/var/log/pos")).describe();
        assertThat(yaml).contains("server:\n  host: 0.0.0.0\n  port: 8080\n")
                .contains("  root: /var/log/pos\n  poll-interval: 1s\n  rescan-interval: 5s\n")
                .contains("  registry: null\n  default-zone: Europe/Moscow\n")
                .contains("  max-chunk-bytes: 8MiB\n  max-backlog-bytes: 256MiB\n")
                .contains("  refresh-interval: 500ms\n")
                .contains("  windows:\n    - 5m\n    - 1h\n    - 1d\n  min-volume: 20\n  register-silence: 15m\n");
    }

    @Test
    void describeRoundTrips() throws Exception {
        CollectorConfig c = new CollectorConfig(new Server("null", 0),
                new Logs(dir.resolve("logs with: colon #and hash"), Duration.ofMillis(1500), Duration.ofNanos(1500)),
                new Stores(dir.resolve("yes"), "UTC"),
                new CollectorConfig.Data(dir.resolve("true")),
                new Ingest(3, 1536, 1_000_000, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMinutes(1),
                        Duration.ofDays(3)),
                new Live(List.of(Duration.ofDays(7), Duration.ofSeconds(90)), 1, Duration.ofHours(25)),
                AlertingConfig.defaults().withHotline("a@example.org, b@example.org").withSmtp("mail.example.org", 587)
                        .withWebhook("https://hooks.example.org/x").withPending(Duration.ZERO, Duration.ofSeconds(90)),
                Security.defaults(),
                new TelegramConfig(true, "http://127.0.0.1:8081", dir.resolve("bot.token"), List.of(42L, 7L),
                        List.of(-1001234567890L), "en", Duration.ofSeconds(3)),
                new ClusterConfig("k1:9092,k2:9092", "tw.", 24, 3, "http://os1:9200,https://os2:9200", "tw-tx-", 30, 2,
                        "http://10.0.0.5:8080", 6, 2, null, null, null, true));
        for (CollectorConfig config : List.of(c, CollectorConfig.defaults())) {
            Path file = Files.writeString(Files.createTempDirectory(dir, "rt").resolve("printed.yaml"), config.describe());
            assertThat(CollectorConfig.load(file, Map.of())).isEqualTo(config);
        }
    }

    @Test
    void oneInstanceIsToldToRunTheOrchestrator() throws Exception {
        Map<String, String> base = Map.of("TILLWATCH_CLUSTER_KAFKA_BOOTSTRAP", "127.0.0.1:9092", "TILLWATCH_CLUSTER_OPENSEARCH_HOSTS", "http://127.0.0.1:9200");
        assertThat(CollectorConfig.load(null, base).cluster().orchestrator()).isFalse();
        Map<String, String> env = new java.util.HashMap<>(base);
        env.put("TILLWATCH_CLUSTER_ORCHESTRATOR", "true");
        assertThat(CollectorConfig.load(null, env).cluster().orchestrator()).isTrue();
        env.put("TILLWATCH_CLUSTER_ORCHESTRATOR", "maybe");
        assertThatThrownBy(() -> CollectorConfig.load(null, env)).hasMessageContaining("cluster.orchestrator");
    }

    @Test
    void distributedModeNeedsOpenSearchAndValidAddresses() throws Exception {
        Map<String, String> env = Map.of("TILLWATCH_CLUSTER_KAFKA_BOOTSTRAP", "kafka one:9092",
                "TILLWATCH_CLUSTER_PARTITIONS", "0", "TILLWATCH_CLUSTER_INDEX_SHARDS", "0");
        assertThatThrownBy(() -> CollectorConfig.load(null, env))
                .hasMessageContaining("cluster.index-shards")
                .hasMessageContaining("cluster.kafka-bootstrap")
                .hasMessageContaining("cluster.opensearch-hosts")
                .hasMessageContaining("cluster.partitions");
        CollectorConfig ok = CollectorConfig.load(null, Map.of("TILLWATCH_CLUSTER_KAFKA_BOOTSTRAP", "127.0.0.1:9092",
                "TILLWATCH_CLUSTER_OPENSEARCH_HOSTS", "http://127.0.0.1:9200"));
        assertThat(ok.cluster().distributed()).isTrue();
        assertThat(CollectorConfig.defaults().cluster().distributed()).isFalse();
    }
}
