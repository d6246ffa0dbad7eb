package org.tillwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster section's OpenSearch login: https only, a password file or the environment, never the password itself. */
class OpenSearchLoginConfigTest {
    private static final Map<String, String> CLUSTER = Map.of("TILLWATCH_CLUSTER_KAFKA_BOOTSTRAP", "127.0.0.1:9092",
            "TILLWATCH_CLUSTER_OPENSEARCH_HOSTS", "https://os1.example.org:9200,https://os2.example.org:9200");

    @Test
    void loginAndCaComeFromTheFileOrEnvironmentAndRoundTrip(@TempDir Path dir) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(CLUSTER);
        env.put("TILLWATCH_CLUSTER_OPENSEARCH_USERNAME", "tillwatch");
        env.put("TILLWATCH_CLUSTER_OPENSEARCH_CA_FILE", dir.resolve("ca.pem").toString());
        // the password variable is a secret, not a configuration key: accepted, and in no dump
        env.put(ClusterConfig.PASSWORD_ENV, "s3cret-Pa55");
        CollectorConfig c = CollectorConfig.load(null, env);
        assertThat(c.cluster().opensearchUsername()).isEqualTo("tillwatch");
        assertThat(c.cluster().opensearchCaFile()).isEqualTo(dir.resolve("ca.pem").toAbsolutePath());
        assertThat(c.cluster().opensearchPasswordFile()).isNull();
        assertThat(c.describe()).contains("opensearch-username: tillwatch").doesNotContain("s3cret");
        assertThat(c.toString()).doesNotContain("s3cret");
        Path file = Files.writeString(dir.resolve("printed.yaml"), c.withCluster(c.cluster().withOpensearchLogin("tillwatch",
                dir.resolve("os.password"), dir.resolve("ca.pem"))).describe());
        CollectorConfig back = CollectorConfig.load(file, Map.of());
        assertThat(back.cluster().opensearchPasswordFile()).isEqualTo(dir.resolve("os.password").toAbsolutePath());
        assertThat(back.cluster()).isEqualTo(c.cluster().withOpensearchLogin("tillwatch", dir.resolve("os.password"), dir.resolve("ca.pem")));
    }

    @Test
    void aLoginNeedsTlsAndAPasswordFileNeedsAUser(@TempDir Path dir) {
        Map<String, String> plain = Map.of("TILLWATCH_CLUSTER_KAFKA_BOOTSTRAP", "127.0.0.1:9092",
                "TILLWATCH_CLUSTER_OPENSEARCH_HOSTS", "https://os1:9200,http://os2:9200",
                "TILLWATCH_CLUSTER_OPENSEARCH_USERNAME", "tillwatch",
                "TILLWATCH_CLUSTER_OPENSEARCH_CA_FILE", dir.resolve("ca.pem").toString());
        assertThatThrownBy(() -> CollectorConfig.load(null, plain))
                .hasMessageContaining("cluster.opensearch-username").hasMessageContaining("only sent over TLS")
                .hasMessageContaining("cluster.opensearch-ca-file");
        Map<String, String> noUser = new java.util.HashMap<>(CLUSTER);
        noUser.put("TILLWATCH_CLUSTER_OPENSEARCH_PASSWORD_FILE", dir.resolve("pw").toString());
        assertThatThrownBy(() -> CollectorConfig.load(null, noUser)).hasMessageContaining("cluster.opensearch-password-file");
        Map<String, String> colon = new java.util.HashMap<>(CLUSTER);
        colon.put("TILLWATCH_CLUSTER_OPENSEARCH_USERNAME", "a:b");
        assertThatThrownBy(() -> CollectorConfig.load(null, colon)).hasMessageContaining("no ':'");
    }
}
