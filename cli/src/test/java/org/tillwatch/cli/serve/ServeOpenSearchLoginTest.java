package org.tillwatch.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.kafka.KafkaTestCluster;
import org.tillwatch.opensearch.OpenSearchTestNode;
import org.tillwatch.opensearch.TlsLoginProxy;

/**
 * {@code tillwatch serve} in distributed mode against an OpenSearch that wants TLS and a login (the in-JVM node behind
 * an HTTPS proxy requiring Basic auth): a wrong password stops it at start with exit 1 and one line naming the host
 * and 401; the right one (from the environment) starts it; the password is in no output, config dump or status.
 */
class ServeOpenSearchLoginTest {
    private static final String PASSWORD = "Serve-Pa55word-Only";

    @TempDir
    Path tmp;

    @Test
    void aWrongPasswordStopsTheStartAndTheRightOneServes() throws Exception {
        Path fleet = Paths.get(System.getProperty("tillwatch.shared", "../../shared")).resolve("samples/fleet-small");
        try (KafkaTestCluster kafka = KafkaTestCluster.start(); OpenSearchTestNode search = OpenSearchTestNode.start();
             TlsLoginProxy proxy = new TlsLoginProxy(TlsLoginProxy.Certificate.create(tmp, "os"), "tillwatch", PASSWORD,
                     URI.create(search.url()))) {
            Path config = tmp.resolve("c.yaml");
            Files.writeString(config, String.join("\n",
                    "server: {host: 127.0.0.1}",
                    "stores: {registry: " + fleet.resolve("stores.csv").toAbsolutePath() + "}",
                    "data: {dir: " + tmp.resolve("data").toAbsolutePath() + "}",
                    "cluster: {kafka-bootstrap: '" + kafka.bootstrapServers() + "', opensearch-hosts: '" + proxy.url() + "',",
                    "          partitions: 2, replication: 1, standby-replicas: 0, opensearch-username: tillwatch,",
                    "          opensearch-ca-file: " + proxy.caPem.toAbsolutePath() + "}",
                    ""));
            Map<String, String> env = new HashMap<>(Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff",
                    "TILLWATCH_CLUSTER_OPENSEARCH_PASSWORD", "not-" + PASSWORD));

            Result wrong = run(env, "serve", "--port", "0", "--config", config.toString());
            assertThat(wrong.exit).as(wrong.output).isEqualTo(1);
            assertThat(wrong.output).contains("OpenSearch at " + proxy.url()).contains("401").contains("'tillwatch'")
                    .doesNotContain(PASSWORD).doesNotContain("\tat ");

            Result dump = run(env, "serve", "--config", config.toString(), "--print-config");
            assertThat(dump.exit).as(dump.output).isZero();
            assertThat(dump.output).contains("opensearch-username: tillwatch").doesNotContain(PASSWORD);

            env.put("TILLWATCH_CLUSTER_OPENSEARCH_PASSWORD", PASSWORD);
            int before = proxy.admitted.get();
            try (CollectorProcess c = CollectorProcess.start(tmp, env, "--config", config.toString())) {
                assertThat(proxy.admitted.get()).as("requests that passed the login").isGreaterThan(before);
                assertThat(c.get("/api/v1/status").toString()).doesNotContain(PASSWORD);
                assertThat(c.stop()).isEqualTo(143);
                assertThat(c.output()).doesNotContain(PASSWORD);
            }
        }
    }

    private record Result(int exit, String output) {
    }

    private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classpath(), "org.tillwatch.cli.TillwatchCommand"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tillwatch did not exit:\n" + out);
        }
        return new Result(p.exitValue(), out);
    }

    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }
}
