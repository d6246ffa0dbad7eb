package org.tillwatch.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The collector server's configuration: one validated, immutable value with defaults for everything.
 *
 * <p>Read it with {@link #load(Path, Map)} (a YAML or JSON file, then {@code TILLWATCH_<SECTION>_<KEY>} environment
 * overrides); the command line then applies its flags with the {@code with} methods. Every constructor validates its
 * values and throws {@link InvalidConfigException} listing all problems, each naming the key path. Paths are made
 * absolute (against the working directory) and normalized, so equal configurations compare equal wherever they came
 * from.
 */
public record CollectorConfig(Server server, Logs logs, Stores stores, Data data, Ingest ingest, Live live,
                              AlertingConfig alerting, Security security, TelegramConfig telegram,
                              ClusterConfig cluster) {

    public CollectorConfig {
        Checks checks = new Checks("config");
        checks.present(server, "server");
        checks.present(logs, "logs");
        checks.present(stores, "stores");
        checks.present(data, "data");
        checks.present(ingest, "ingest");
        checks.present(live, "live");
        checks.present(alerting, "alerting");
        checks.present(security, "security");
        checks.present(telegram, "telegram");
        checks.present(cluster, "cluster");
        checks.done();
    }

    /** Where the HTTP server listens. Port 0 picks any free port (tests). */
    public record Server(String host, int port) {
        public static final String DEFAULT_HOST = "0.0.0.0";
        public static final int DEFAULT_PORT = 8080;

        public Server {
            Checks checks = new Checks("server");
            if (checks.present(host, "host") && host.isBlank()) {
                checks.fail("host", "must not be blank");
            }
            checks.range(port, 0, 65535, "port");
            checks.done();
        }

        static Server defaults() {
            return new Server(DEFAULT_HOST, DEFAULT_PORT);
        }
    }

    /** The register log tree to tail; {@code root == null} means no file tailing, logs arrive by push only. */
    public record Logs(Path root, Duration pollInterval, Duration rescanInterval) {
        public Logs {
            Checks checks = new Checks("logs");
            checks.positive(pollInterval, "poll-interval");
            checks.positive(rescanInterval, "rescan-interval");
            checks.done();
            root = absolute(root);
        }

        static Logs defaults() {
            return new Logs(null, Duration.ofSeconds(1), Duration.ofSeconds(5));
        }
    }

    /**
     * The store registry CSV ({@code null}: none, every store is unregistered) and the time zone of stores the
     * registry does not place.
     */
    public record Stores(Path registry, String defaultZone) {
        public static final String DEFAULT_ZONE = "Europe/Moscow";

        public Stores {
            Checks checks = new Checks("stores");
            if (checks.present(defaultZone, "default-zone")) {
                try {
                    ZoneId.of(defaultZone);
                } catch (DateTimeException e) {
                    checks.fail("default-zone", "unknown time zone '" + defaultZone + "'");
                }
            }
            checks.done();
            registry = absolute(registry);
        }

        /** {@link #defaultZone()} as a zone. */
        public ZoneId zone() {
            return ZoneId.of(defaultZone);
        }

        static Stores defaults() {
            return new Stores(null, DEFAULT_ZONE);
        }
    }

    /**
     * The data directory (index, quarantine, state).
     *
     * @param minFreeBytes below this much free space ingestion pauses (pushes get 503) until space is freed: room for
     *                     an index flush and a commit, so that no write fails half done
     */
    public record Data(Path dir, long minFreeBytes) {
        public static final long DEFAULT_MIN_FREE_BYTES = 256 * Units.MIB;

        public Data {
            Checks checks = new Checks("data");
            checks.present(dir, "dir");
            checks.byteRange(minFreeBytes, Units.MIB, 1024L * 1024 * Units.MIB, "min-free-bytes");
            checks.done();
            dir = absolute(dir);
        }

        public Data(Path dir) {
            this(dir, DEFAULT_MIN_FREE_BYTES);
        }

        static Data defaults() {
            return new Data(Path.of("data"));
        }
    }

    /**
     * Ingestion tuning.
     *
     * @param refreshInterval how often new receipts become searchable
     * @param idleFlush       after this long with no bytes from a register, its last complete single-line entry is
     *                        processed
     * @param silenceExpiry   wall-clock idle time after which an idle register's open receipt may be expired on event
     *                        time
     * @param maxBacklogDelay pushes are refused (503) once the backlog would take longer than this to read at the
     *                        measured ingest rate (never below one max-size chunk, never above max-backlog-bytes): under
     *                        overload a pushed receipt still becomes searchable within moments
     */
    public record Ingest(int threads, long maxChunkBytes, long maxBacklogBytes, Duration commitInterval,
                         Duration refreshInterval, Duration idleFlush, Duration silenceExpiry, Duration maxBacklogDelay) {
        public static final int MAX_THREADS = 256;
        public static final Duration DEFAULT_MAX_BACKLOG_DELAY = Duration.ofMillis(500);

        /** With the default {@code maxBacklogDelay}. */
        public Ingest(int threads, long maxChunkBytes, long maxBacklogBytes, Duration commitInterval,
                      Duration refreshInterval, Duration idleFlush, Duration silenceExpiry) {
            this(threads, maxChunkBytes, maxBacklogBytes, commitInterval, refreshInterval, idleFlush, silenceExpiry,
                    DEFAULT_MAX_BACKLOG_DELAY);
        }

        public Ingest {
            Checks checks = new Checks("ingest");
            checks.range(threads, 1, MAX_THREADS, "threads");
            checks.byteRange(maxChunkBytes, Units.KIB, 64 * Units.MIB, "max-chunk-bytes");
            if (maxBacklogBytes < maxChunkBytes) {
                checks.fail("max-backlog-bytes", "must be at least max-chunk-bytes ("
                        + Units.formatBytes(maxChunkBytes) + "), got " + Units.formatBytes(maxBacklogBytes));
            }
            checks.durationRange(commitInterval, Duration.ofMillis(100), Duration.ofMinutes(10), "commit-interval");
            checks.durationRange(refreshInterval, Duration.ofMillis(50), Duration.ofSeconds(10), "refresh-interval");
            checks.durationRange(idleFlush, Duration.ofMillis(100), Duration.ofMinutes(1), "idle-flush");
            checks.positive(silenceExpiry, "silence-expiry");
            checks.durationRange(maxBacklogDelay, Duration.ofMillis(100), Duration.ofHours(1), "max-backlog-delay");
            checks.done();
        }

        static Ingest defaults() {
            int processors = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, MAX_THREADS);
            return new Ingest(processors, 8 * Units.MIB, 256 * Units.MIB, Duration.ofSeconds(5),
                    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(2));
        }
    }

    /**
     * Live availability.
     *
     * @param windows         the sliding windows reported, each at most 7 days
     * @param minVolume       below this many loyalty requests in a window availability is unknown
     * @param registerSilence a register with no log line for this long counts as silent
     */
    public record Live(List<Duration> windows, int minVolume, Duration registerSilence) {
        public static final Duration MAX_WINDOW = Duration.ofDays(7);

        public Live {
            Checks checks = new Checks("live");
            if (checks.present(windows, "windows")) {
                if (windows.isEmpty()) {
                    checks.fail("windows", "must list at least one window");
                }
                Set<Duration> seen = new HashSet<>();
                for (int i = 0; i < windows.size(); i++) {
                    Duration w = windows.get(i);
                    String key = "windows[" + i + "]";
                    if (w == null) {
                        checks.fail(key, "must be set");
                    } else if (w.isZero() || w.isNegative()) {
                        checks.fail(key, "must be positive, got " + Units.formatDuration(w));
                    } else if (w.compareTo(MAX_WINDOW) > 0) {
                        checks.fail(key, "must be at most 7d, got " + Units.formatDuration(w));
                    } else if (!seen.add(w)) {
                        checks.fail(key, Units.formatDuration(w) + " is listed more than once");
                    }
                }
            }
            if (minVolume < 1) {
                checks.fail("min-volume", "must be at least 1, got " + minVolume);
            }
            checks.positive(registerSilence, "register-silence");
            checks.done();
            windows = List.copyOf(windows);
        }

        static Live defaults() {
            return new Live(List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)), 20,
                    Duration.ofMinutes(15));
        }
    }

    /** Every value at its default; the data directory is {@code data} under the working directory. */
    public static CollectorConfig defaults() {
        return new CollectorConfig(Server.defaults(), Logs.defaults(), Stores.defaults(), Data.defaults(),
                Ingest.defaults(), Live.defaults(), AlertingConfig.defaults(), Security.defaults(),
                TelegramConfig.defaults(), ClusterConfig.defaults());
    }

    /**
     * Reads {@code file} (YAML for {@code .yaml}/{@code .yml}, JSON for {@code .json}) over the defaults, then the
     * {@code TILLWATCH_<SECTION>_<KEY>} variables of {@code env} over that. Relative paths in the file are relative to
     * the file's directory, in the environment to the working directory.
     *
     * @param file the configuration file, or {@code null} for defaults plus environment
     * @throws ConfigException listing every problem of the file and the environment
     */
    public static CollectorConfig load(Path file, Map<String, String> env) throws ConfigException {
        Objects.requireNonNull(env, "env");
        ConfigLoader loader = new ConfigLoader(defaults());
        if (file != null) {
            loader.readFile(file);
        }
        loader.readEnv(env);
        return loader.result();
    }

    /**
     * Applies the {@code TILLWATCH_<SECTION>_<KEY>} variables of {@code env} over {@code base}. Other
     * {@code TILLWATCH_*} variables (e.g. {@code TILLWATCH_CARD_KEY}) are not configuration and are ignored.
     *
     * @throws ConfigException listing every problem of the environment
     */
    public static CollectorConfig fromEnv(CollectorConfig base, Map<String, String> env) throws ConfigException {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(env, "env");
        ConfigLoader loader = new ConfigLoader(base);
        loader.readEnv(env);
        return loader.result();
    }

    /** The effective configuration as YAML; loading it back gives an equal configuration. */
    public String describe() {
        return Settings.describe(this);
    }

    /** @param root the log tree to tail, or {@code null} for push only */
    public CollectorConfig withLogsRoot(Path root) {
        return new CollectorConfig(server, new Logs(root, logs.pollInterval(), logs.rescanInterval()), stores, data,
                ingest, live, alerting, security, telegram, cluster);
    }

    /** @param registry the store registry CSV, or {@code null} for none */
    public CollectorConfig withStoresRegistry(Path registry) {
        return new CollectorConfig(server, logs, new Stores(registry, stores.defaultZone()), data, ingest, live, alerting, security, telegram, cluster);
    }

    public CollectorConfig withDataDir(Path dir) {
        return new CollectorConfig(server, logs, stores, new Data(dir, data.minFreeBytes()), ingest, live, alerting, security, telegram, cluster);
    }

    public CollectorConfig withIngest(Ingest ingest) {
        return new CollectorConfig(server, logs, stores, data, ingest, live, alerting, security, telegram, cluster);
    }

    public CollectorConfig withPort(int port) {
        return new CollectorConfig(new Server(server.host(), port), logs, stores, data, ingest, live, alerting, security, telegram, cluster);
    }

    public CollectorConfig withHost(String host) {
        return new CollectorConfig(new Server(host, server.port()), logs, stores, data, ingest, live, alerting, security, telegram, cluster);
    }

    public CollectorConfig withAlerting(AlertingConfig alerting) {
        return new CollectorConfig(server, logs, stores, data, ingest, live, alerting, security, telegram, cluster);
    }

    public CollectorConfig withSecurity(Security security) {
        return new CollectorConfig(server, logs, stores, data, ingest, live, alerting, security, telegram, cluster);
    }

    public CollectorConfig withTelegram(TelegramConfig telegram) {
        return new CollectorConfig(server, logs, stores, data, ingest, live, alerting, security, telegram, cluster);
    }

    public CollectorConfig withCluster(ClusterConfig cluster) {
        return new CollectorConfig(server, logs, stores, data, ingest, live, alerting, security, telegram, cluster);
    }

    private static Path absolute(Path path) {
        return path == null ? null : path.toAbsolutePath().normalize();
    }
}
