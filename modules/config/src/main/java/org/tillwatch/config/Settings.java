package org.tillwatch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tillwatch.config.CollectorConfig.Data;
import org.tillwatch.config.CollectorConfig.Ingest;
import org.tillwatch.config.CollectorConfig.Live;
import org.tillwatch.config.CollectorConfig.Logs;
import org.tillwatch.config.CollectorConfig.Server;
import org.tillwatch.config.CollectorConfig.Stores;

/** The table of configuration keys, and the conversion of a configuration to and from a map of key path to value. */
final class Settings {

    enum Kind { STRING, OPTIONAL_STRING, INT, PERCENT, BYTES, DURATION, DURATIONS, PATH, OPTIONAL_PATH, BOOLEAN, IDS }

    record Setting(String section, String key, Kind kind) {
        String path() {
            return section + "." + key;
        }

        String envName() {
            return ENV_PREFIX + (section + "_" + key).replace('-', '_').toUpperCase(Locale.ROOT);
        }
    }

    static final String ENV_PREFIX = "TILLWATCH_";

    static final List<String> SECTIONS = List.of("server", "logs", "stores", "data", "ingest", "live", "alerting", "telegram", "cluster");

    /** TILLWATCH_* variables inside a section's prefix that are secrets, not configuration. */
    static final java.util.Set<String> NOT_CONFIG = java.util.Set.of("TILLWATCH_TELEGRAM_TOKEN",
            ClusterConfig.PASSWORD_ENV);

    static final List<Setting> ALL = List.of(
            new Setting("server", "host", Kind.STRING),
            new Setting("server", "port", Kind.INT),
            new Setting("logs", "root", Kind.OPTIONAL_PATH),
            new Setting("logs", "poll-interval", Kind.DURATION),
            new Setting("logs", "rescan-interval", Kind.DURATION),
            new Setting("stores", "registry", Kind.OPTIONAL_PATH),
            new Setting("stores", "default-zone", Kind.STRING),
            new Setting("data", "dir", Kind.PATH),
            new Setting("data", "min-free-bytes", Kind.BYTES),
            new Setting("ingest", "threads", Kind.INT),
            new Setting("ingest", "max-chunk-bytes", Kind.BYTES),
            new Setting("ingest", "max-backlog-bytes", Kind.BYTES),
            new Setting("ingest", "commit-interval", Kind.DURATION),
            new Setting("ingest", "refresh-interval", Kind.DURATION),
            new Setting("ingest", "idle-flush", Kind.DURATION),
            new Setting("ingest", "silence-expiry", Kind.DURATION),
            new Setting("ingest", "max-backlog-delay", Kind.DURATION),
            new Setting("live", "windows", Kind.DURATIONS),
            new Setting("live", "min-volume", Kind.INT),
            new Setting("live", "register-silence", Kind.DURATION),
            new Setting("alerting", "threshold", Kind.PERCENT),
            new Setting("alerting", "hysteresis", Kind.PERCENT),
            new Setting("alerting", "min-volume", Kind.INT),
            new Setting("alerting", "min-failed", Kind.INT),
            new Setting("alerting", "window", Kind.DURATION),
            new Setting("alerting", "recovery-window", Kind.DURATION),
            new Setting("alerting", "baseline-window", Kind.DURATION),
            new Setting("alerting", "drop", Kind.PERCENT),
            new Setting("alerting", "pending", Kind.DURATION),
            new Setting("alerting", "recovery-pending", Kind.DURATION),
            new Setting("alerting", "chain-min-volume", Kind.INT),
            new Setting("alerting", "fold-stores", Kind.INT),
            new Setting("alerting", "fold-share", Kind.PERCENT),
            new Setting("alerting", "missing-min", Kind.INT),
            new Setting("alerting", "register-silence", Kind.DURATION),
            new Setting("alerting", "repeat-interval", Kind.DURATION),
            new Setting("alerting", "evaluate-every", Kind.DURATION),
            new Setting("alerting", "stall-after", Kind.DURATION),
            new Setting("alerting", "notifier-failures", Kind.INT),
            new Setting("alerting", "public-url", Kind.STRING),
            new Setting("alerting", "smtp-host", Kind.OPTIONAL_STRING),
            new Setting("alerting", "smtp-port", Kind.INT),
            new Setting("alerting", "smtp-tls", Kind.STRING),
            new Setting("alerting", "smtp-user", Kind.OPTIONAL_STRING),
            new Setting("alerting", "smtp-password-file", Kind.OPTIONAL_PATH),
            new Setting("alerting", "smtp-ca-file", Kind.OPTIONAL_PATH),
            new Setting("alerting", "from", Kind.STRING),
            new Setting("alerting", "hotline", Kind.OPTIONAL_STRING),
            new Setting("alerting", "webhook-url", Kind.OPTIONAL_STRING),
            new Setting("alerting", "daily-quiet", Kind.OPTIONAL_STRING),
            new Setting("telegram", "enabled", Kind.BOOLEAN),
            new Setting("telegram", "api-url", Kind.STRING),
            new Setting("telegram", "token-file", Kind.OPTIONAL_PATH),
            new Setting("telegram", "users", Kind.IDS),
            new Setting("telegram", "chats", Kind.IDS),
            new Setting("telegram", "language", Kind.STRING),
            new Setting("telegram", "incident-poll", Kind.DURATION),
            new Setting("cluster", "kafka-bootstrap", Kind.OPTIONAL_STRING),
            new Setting("cluster", "topic-prefix", Kind.STRING),
            new Setting("cluster", "partitions", Kind.INT),
            new Setting("cluster", "replication", Kind.INT),
            new Setting("cluster", "opensearch-hosts", Kind.OPTIONAL_STRING),
            new Setting("cluster", "index-prefix", Kind.STRING),
            new Setting("cluster", "retention-days", Kind.INT),
            new Setting("cluster", "standby-replicas", Kind.INT),
            new Setting("cluster", "advertised-url", Kind.OPTIONAL_STRING),
            new Setting("cluster", "index-shards", Kind.INT),
            new Setting("cluster", "index-replicas", Kind.INT),
            new Setting("cluster", "opensearch-username", Kind.OPTIONAL_STRING),
            new Setting("cluster", "opensearch-password-file", Kind.OPTIONAL_PATH),
            new Setting("cluster", "opensearch-ca-file", Kind.OPTIONAL_PATH),
            new Setting("cluster", "orchestrator", Kind.BOOLEAN));

    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private Settings() {
    }

    static List<Setting> inSection(String section) {
        return ALL.stream().filter(s -> s.section().equals(section)).toList();
    }

    /** Key path to value, in table order. */
    static Map<String, Object> values(CollectorConfig c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("server.host", c.server().host());
        v.put("server.port", c.server().port());
        v.put("logs.root", c.logs().root());
        v.put("logs.poll-interval", c.logs().pollInterval());
        v.put("logs.rescan-interval", c.logs().rescanInterval());
        v.put("stores.registry", c.stores().registry());
        v.put("stores.default-zone", c.stores().defaultZone());
        v.put("data.dir", c.data().dir());
        v.put("data.min-free-bytes", c.data().minFreeBytes());
        v.put("ingest.threads", c.ingest().threads());
        v.put("ingest.max-chunk-bytes", c.ingest().maxChunkBytes());
        v.put("ingest.max-backlog-bytes", c.ingest().maxBacklogBytes());
        v.put("ingest.commit-interval", c.ingest().commitInterval());
        v.put("ingest.refresh-interval", c.ingest().refreshInterval());
        v.put("ingest.idle-flush", c.ingest().idleFlush());
        v.put("ingest.silence-expiry", c.ingest().silenceExpiry());
        v.put("ingest.max-backlog-delay", c.ingest().maxBacklogDelay());
        v.put("live.windows", c.live().windows());
        v.put("live.min-volume", c.live().minVolume());
        v.put("live.register-silence", c.live().registerSilence());
        v.put("alerting.threshold", c.alerting().threshold());
        v.put("alerting.hysteresis", c.alerting().hysteresis());
        v.put("alerting.min-volume", c.alerting().minVolume());
        v.put("alerting.min-failed", c.alerting().minFailed());
        v.put("alerting.window", c.alerting().window());
        v.put("alerting.recovery-window", c.alerting().recoveryWindow());
        v.put("alerting.baseline-window", c.alerting().baselineWindow());
        v.put("alerting.drop", c.alerting().drop());
        v.put("alerting.pending", c.alerting().pending());
        v.put("alerting.recovery-pending", c.alerting().recoveryPending());
        v.put("alerting.chain-min-volume", c.alerting().chainMinVolume());
        v.put("alerting.fold-stores", c.alerting().foldStores());
        v.put("alerting.fold-share", c.alerting().foldShare());
        v.put("alerting.missing-min", c.alerting().missingMin());
        v.put("alerting.register-silence", c.alerting().registerSilence());
        v.put("alerting.repeat-interval", c.alerting().repeatInterval());
        v.put("alerting.evaluate-every", c.alerting().evaluateEvery());
        v.put("alerting.stall-after", c.alerting().stallAfter());
        v.put("alerting.notifier-failures", c.alerting().notifierFailures());
        v.put("alerting.public-url", c.alerting().publicUrl());
        v.put("alerting.smtp-host", c.alerting().smtpHost());
        v.put("alerting.smtp-port", c.alerting().smtpPort());
        v.put("alerting.smtp-tls", c.alerting().smtpTls());
        v.put("alerting.smtp-user", c.alerting().smtpUser());
        v.put("alerting.smtp-password-file", c.alerting().smtpPasswordFile());
        v.put("alerting.smtp-ca-file", c.alerting().smtpCaFile());
        v.put("alerting.from", c.alerting().from());
        v.put("alerting.hotline", c.alerting().hotline());
        v.put("alerting.webhook-url", c.alerting().webhookUrl());
        v.put("alerting.daily-quiet", c.alerting().dailyQuiet());
        v.put(SecuritySection.NAME, c.security());
        v.put("telegram.enabled", c.telegram().enabled());
        v.put("telegram.api-url", c.telegram().apiUrl());
        v.put("telegram.token-file", c.telegram().tokenFile());
        v.put("telegram.users", c.telegram().users());
        v.put("telegram.chats", c.telegram().chats());
        v.put("telegram.language", c.telegram().language());
        v.put("telegram.incident-poll", c.telegram().incidentPoll());
        v.put("cluster.kafka-bootstrap", c.cluster().kafkaBootstrap());
        v.put("cluster.topic-prefix", c.cluster().topicPrefix());
        v.put("cluster.partitions", c.cluster().partitions());
        v.put("cluster.replication", c.cluster().replication());
        v.put("cluster.opensearch-hosts", c.cluster().opensearchHosts());
        v.put("cluster.index-prefix", c.cluster().indexPrefix());
        v.put("cluster.retention-days", c.cluster().retentionDays());
        v.put("cluster.standby-replicas", c.cluster().standbyReplicas());
        v.put("cluster.advertised-url", c.cluster().advertisedUrl());
        v.put("cluster.index-shards", c.cluster().indexShards());
        v.put("cluster.index-replicas", c.cluster().indexReplicas());
        v.put("cluster.opensearch-username", c.cluster().opensearchUsername());
        v.put("cluster.opensearch-password-file", c.cluster().opensearchPasswordFile());
        v.put("cluster.opensearch-ca-file", c.cluster().opensearchCaFile());
        v.put("cluster.orchestrator", c.cluster().orchestrator());
        return v;
    }

    /**
     * Builds the configuration from a map made by {@link #values} and then overridden with converted values.
     *
     * @throws InvalidConfigException with the problems of every section
     */
    @SuppressWarnings("unchecked")
    static CollectorConfig build(Map<String, Object> v) {
        List<Problem> problems = new ArrayList<>();
        Server server = section(problems, () -> new Server((String) v.get("server.host"), (Integer) v.get("server.port")));
        Logs logs = section(problems, () -> new Logs((Path) v.get("logs.root"),
                (Duration) v.get("logs.poll-interval"), (Duration) v.get("logs.rescan-interval")));
        Stores stores = section(problems, () -> new Stores((Path) v.get("stores.registry"),
                (String) v.get("stores.default-zone")));
        Data data = section(problems, () -> new Data((Path) v.get("data.dir"), (Long) v.get("data.min-free-bytes")));
        Ingest ingest = section(problems, () -> new Ingest((Integer) v.get("ingest.threads"),
                (Long) v.get("ingest.max-chunk-bytes"), (Long) v.get("ingest.max-backlog-bytes"),
                (Duration) v.get("ingest.commit-interval"), (Duration) v.get("ingest.refresh-interval"),
                (Duration) v.get("ingest.idle-flush"), (Duration) v.get("ingest.silence-expiry"),
                (Duration) v.get("ingest.max-backlog-delay")));
        Live live = section(problems, () -> new Live((List<Duration>) v.get("live.windows"),
                (Integer) v.get("live.min-volume"), (Duration) v.get("live.register-silence")));
        AlertingConfig alerting = section(problems, () -> new AlertingConfig((Double) v.get("alerting.threshold"), (Double) v.get("alerting.hysteresis"), (Integer) v.get("alerting.min-volume"), (Integer) v.get("alerting.min-failed"), (Duration) v.get("alerting.window"), (Duration) v.get("alerting.recovery-window"), (Duration) v.get("alerting.baseline-window"), (Double) v.get("alerting.drop"), (Duration) v.get("alerting.pending"), (Duration) v.get("alerting.recovery-pending"), (Integer) v.get("alerting.chain-min-volume"), (Integer) v.get("alerting.fold-stores"), (Double) v.get("alerting.fold-share"), (Integer) v.get("alerting.missing-min"), (Duration) v.get("alerting.register-silence"), (Duration) v.get("alerting.repeat-interval"), (Duration) v.get("alerting.evaluate-every"), (Duration) v.get("alerting.stall-after"), (Integer) v.get("alerting.notifier-failures"), (String) v.get("alerting.public-url"), (String) v.get("alerting.smtp-host"), (Integer) v.get("alerting.smtp-port"), (String) v.get("alerting.smtp-tls"), (String) v.get("alerting.smtp-user"), (Path) v.get("alerting.smtp-password-file"), (Path) v.get("alerting.smtp-ca-file"), (String) v.get("alerting.from"), (String) v.get("alerting.hotline"), (String) v.get("alerting.webhook-url"), (String) v.get("alerting.daily-quiet")));
        TelegramConfig telegram = section(problems, () -> new TelegramConfig((Boolean) v.get("telegram.enabled"),
                (String) v.get("telegram.api-url"), (Path) v.get("telegram.token-file"), (List<Long>) v.get("telegram.users"),
                (List<Long>) v.get("telegram.chats"), (String) v.get("telegram.language"), (Duration) v.get("telegram.incident-poll")));
        ClusterConfig cluster = section(problems, () -> new ClusterConfig((String) v.get("cluster.kafka-bootstrap"),
                (String) v.get("cluster.topic-prefix"), (Integer) v.get("cluster.partitions"), (Integer) v.get("cluster.replication"),
                (String) v.get("cluster.opensearch-hosts"), (String) v.get("cluster.index-prefix"),
                (Integer) v.get("cluster.retention-days"), (Integer) v.get("cluster.standby-replicas"),
                (String) v.get("cluster.advertised-url"), (Integer) v.get("cluster.index-shards"),
                (Integer) v.get("cluster.index-replicas"), (String) v.get("cluster.opensearch-username"),
                (Path) v.get("cluster.opensearch-password-file"), (Path) v.get("cluster.opensearch-ca-file"),
                (Boolean) v.get("cluster.orchestrator")));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new CollectorConfig(server, logs, stores, data, ingest, live, alerting, (Security) v.get(SecuritySection.NAME), telegram,
                cluster);
    }

    private interface SectionBuilder<T> {
        T build();
    }

    private static <T> T section(List<Problem> problems, SectionBuilder<T> builder) {
        try {
            return builder.build();
        } catch (InvalidConfigException e) {
            problems.addAll(e.details());
            return null;
        }
    }

    static String describe(CollectorConfig config) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        Map<String, Object> values = values(config);
        for (Setting s : ALL) {
            ObjectNode section = root.has(s.section()) ? (ObjectNode) root.get(s.section()) : root.putObject(s.section());
            Object value = values.get(s.path());
            switch (s.kind()) {
                case STRING, OPTIONAL_STRING -> section.put(s.key(), (String) value);
                case PERCENT -> section.put(s.key(), Units.formatPercent((Double) value));
                case INT -> section.put(s.key(), (Integer) value);
                case BYTES -> {
                    String text = Units.formatBytes((Long) value);
                    if (text.chars().allMatch(Character::isDigit)) {
                        section.put(s.key(), (Long) value);
                    } else {
                        section.put(s.key(), text);
                    }
                }
                case DURATION -> section.put(s.key(), Units.formatDuration((Duration) value));
                case DURATIONS -> {
                    ArrayNode list = section.putArray(s.key());
                    for (Object d : (List<?>) value) {
                        list.add(Units.formatDuration((Duration) d));
                    }
                }
                case BOOLEAN -> section.put(s.key(), (Boolean) value);
                case IDS -> {
                    ArrayNode list = section.putArray(s.key());
                    for (Object id : (List<?>) value) {
                        list.add((Long) id);
                    }
                }
                case PATH, OPTIONAL_PATH -> {
                    if (value == null) {
                        section.putNull(s.key());
                    } else {
                        section.put(s.key(), value.toString());
                    }
                }
            }
        }
        if (!config.security().equals(Security.defaults())) {
            SecuritySection.write(root, config.security());
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
