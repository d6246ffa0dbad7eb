package org.tillwatch.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Distributed mode: many collectors on Kafka and OpenSearch. Off (the embedded single-node default, Lucene under
 * {@code data.dir}) while {@code kafka-bootstrap} is empty; on, it needs {@code opensearch-hosts} too.
 *
 * @param kafkaBootstrap  Kafka bootstrap servers, {@code host:port[,host:port...]}, or null for embedded mode
 * @param topicPrefix     prefix of every topic and of the Kafka Streams application id, e.g. {@code tillwatch.}
 * @param partitions      partitions of the raw-chunk topic (keyed by store) when tillwatch creates it
 * @param replication     replication factor of the topics tillwatch creates
 * @param opensearchHosts OpenSearch URLs, {@code http://host:9200[,http://host2:9200...]}, or null in embedded mode
 * @param indexPrefix     daily OpenSearch indices are named {@code <index-prefix>YYYY.MM.DD} by event date
 * @param retentionDays   indices older than this many days are deleted
 * @param standbyReplicas Kafka Streams standby replicas of the per-store state
 * @param advertisedUrl   this instance's HTTP base URL as other instances reach it (interactive-query routing),
 *                        or null to derive it from {@code server.host}/{@code server.port}
 * @param indexShards     primary shards of each daily OpenSearch index
 * @param indexReplicas   replicas of each shard of the daily indices
 * @param opensearchUsername     the OpenSearch login (HTTP Basic), or null for none; needs https:// hosts
 * @param opensearchPasswordFile a file holding its password (first line), or null to take it from the environment
 *                               variable {@value #PASSWORD_ENV}; never the password itself
 * @param opensearchCaFile       PEM file of the CA certificate(s) to trust for https:// hosts, or null for the JVM's
 *                               default trust store
 * @param orchestrator    this instance runs the support-ticket orchestrator for the whole cluster (exactly one
 *                        instance should; its state stays in this instance's {@code data.dir})
 */
public record ClusterConfig(String kafkaBootstrap, String topicPrefix, int partitions, int replication,
                            String opensearchHosts, String indexPrefix, int retentionDays, int standbyReplicas,
                            String advertisedUrl, int indexShards, int indexReplicas, String opensearchUsername,
                            Path opensearchPasswordFile, Path opensearchCaFile, boolean orchestrator) {

    /** The OpenSearch password when {@code opensearch-password-file} is not set. */
    public static final String PASSWORD_ENV = "TILLWATCH_CLUSTER_OPENSEARCH_PASSWORD";

    /** No OpenSearch login, the JVM's trust store; not the orchestrator's instance. */
    public ClusterConfig(String kafkaBootstrap, String topicPrefix, int partitions, int replication, String opensearchHosts,
                         String indexPrefix, int retentionDays, int standbyReplicas, String advertisedUrl, int indexShards,
                         int indexReplicas) {
        this(kafkaBootstrap, topicPrefix, partitions, replication, opensearchHosts, indexPrefix, retentionDays, standbyReplicas,
                advertisedUrl, indexShards, indexReplicas, null, null, null, false);
    }

    /** Daily indices of one primary shard and one replica. */
    public ClusterConfig(String kafkaBootstrap, String topicPrefix, int partitions, int replication, String opensearchHosts,
                         String indexPrefix, int retentionDays, int standbyReplicas, String advertisedUrl) {
        this(kafkaBootstrap, topicPrefix, partitions, replication, opensearchHosts, indexPrefix, retentionDays, standbyReplicas,
                advertisedUrl, 1, 1);
    }

    public ClusterConfig {
        Checks checks = new Checks("cluster");
        kafkaBootstrap = blankToNull(kafkaBootstrap);
        opensearchHosts = blankToNull(opensearchHosts);
        advertisedUrl = blankToNull(advertisedUrl);
        if (kafkaBootstrap != null) {
            for (String hostPort : kafkaBootstrap.split(",")) {
                if (!hostPort.strip().matches("[^\\s:/]+:\\d{1,5}")) {
                    checks.fail("kafka-bootstrap", "expected host:port[,host:port...], got '" + kafkaBootstrap + "'");
                    break;
                }
            }
            if (opensearchHosts == null) {
                checks.fail("opensearch-hosts", "distributed mode (kafka-bootstrap set) indexes into OpenSearch: list its URLs");
            }
        }
        if (opensearchHosts != null) {
            for (String url : opensearchHosts.split(",")) {
                String problem = urlProblem(url.strip());
                if (problem != null) checks.fail("opensearch-hosts", problem);
            }
        }
        if (advertisedUrl != null) {
            String problem = urlProblem(advertisedUrl);
            if (problem != null) checks.fail("advertised-url", problem);
        }
        if (checks.present(topicPrefix, "topic-prefix") && !topicPrefix.matches("[A-Za-z0-9._-]*")) {
            checks.fail("topic-prefix", "letters, digits, '.', '_' and '-' only, got '" + topicPrefix + "'");
        }
        if (checks.present(indexPrefix, "index-prefix") && !indexPrefix.matches("[a-z0-9][a-z0-9._-]*")) {
            checks.fail("index-prefix", "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, got '"
                    + indexPrefix + "'");
        }
        if (partitions < 1 || partitions > 10_000) checks.fail("partitions", "must be 1..10000, got " + partitions);
        if (replication < 1 || replication > 7) checks.fail("replication", "must be 1..7, got " + replication);
        if (retentionDays < 1 || retentionDays > 3650) checks.fail("retention-days", "must be 1..3650, got " + retentionDays);
        if (standbyReplicas < 0 || standbyReplicas > 5) checks.fail("standby-replicas", "must be 0..5, got " + standbyReplicas);
        if (indexShards < 1 || indexShards > 1024) checks.fail("index-shards", "must be 1..1024, got " + indexShards);
        if (indexReplicas < 0 || indexReplicas > 16) checks.fail("index-replicas", "must be 0..16, got " + indexReplicas);
        opensearchUsername = blankToNull(opensearchUsername);
        opensearchPasswordFile = opensearchPasswordFile == null ? null : opensearchPasswordFile.toAbsolutePath().normalize();
        opensearchCaFile = opensearchCaFile == null ? null : opensearchCaFile.toAbsolutePath().normalize();
        boolean plain = opensearchHosts != null && Arrays.stream(opensearchHosts.split(",")).anyMatch(h -> h.strip().startsWith("http:"));
        if (opensearchUsername != null) {
            if (opensearchUsername.contains(":") || opensearchUsername.length() > 256) {
                checks.fail("opensearch-username", "at most 256 characters and no ':' (HTTP Basic), got '" + opensearchUsername + "'");
            }
            if (plain) checks.fail("opensearch-username", "a login is only sent over TLS: make every opensearch-hosts URL https://");
        }
        if (opensearchPasswordFile != null && opensearchUsername == null) {
            checks.fail("opensearch-password-file", "set opensearch-username too (the password is for that login)");
        }
        if (opensearchCaFile != null && plain) {
            checks.fail("opensearch-ca-file", "is for https:// hosts: make every opensearch-hosts URL https://");
        }
        checks.done();
    }

    static ClusterConfig defaults() {
        return new ClusterConfig(null, "tillwatch.", 12, 1, null, "tillwatch-tx-", 31, 1, null);
    }

    /** True when {@code kafka-bootstrap} is set: ingest goes through Kafka, transactions into OpenSearch. */
    public boolean distributed() {
        return kafkaBootstrap != null;
    }

    public List<URI> opensearchUris() {
        return opensearchHosts == null ? List.of()
                : Arrays.stream(opensearchHosts.split(",")).map(String::strip).map(URI::create).toList();
    }

    public ClusterConfig withKafkaBootstrap(String bootstrap) {
        return new ClusterConfig(bootstrap, topicPrefix, partitions, replication, opensearchHosts, indexPrefix, retentionDays,
                standbyReplicas, advertisedUrl, indexShards, indexReplicas, opensearchUsername, opensearchPasswordFile, opensearchCaFile,
                orchestrator);
    }

    public ClusterConfig withOrchestrator(boolean runs) {
        return new ClusterConfig(kafkaBootstrap, topicPrefix, partitions, replication, opensearchHosts, indexPrefix, retentionDays,
                standbyReplicas, advertisedUrl, indexShards, indexReplicas, opensearchUsername, opensearchPasswordFile, opensearchCaFile,
                runs);
    }

    public ClusterConfig withOpensearchHosts(String hosts) {
        return new ClusterConfig(kafkaBootstrap, topicPrefix, partitions, replication, hosts, indexPrefix, retentionDays,
                standbyReplicas, advertisedUrl, indexShards, indexReplicas, opensearchUsername, opensearchPasswordFile, opensearchCaFile,
                orchestrator);
    }

    /** OpenSearch behind a login and TLS: the username, its password file (null: the environment) and the CA to trust. */
    public ClusterConfig withOpensearchLogin(String username, Path passwordFile, Path caFile) {
        return new ClusterConfig(kafkaBootstrap, topicPrefix, partitions, replication, opensearchHosts, indexPrefix, retentionDays,
                standbyReplicas, advertisedUrl, indexShards, indexReplicas, username, passwordFile, caFile, orchestrator);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String urlProblem(String url) {
        try {
            URI u = new URI(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) return "must be an http or https URL, got '" + url + "'";
            if (u.getHost() == null) return "must name a host, got '" + url + "'";
            return null;
        } catch (java.net.URISyntaxException e) {
            return "not a URL: " + e.getReason() + ", got '" + url + "'";
        }
    }
}
