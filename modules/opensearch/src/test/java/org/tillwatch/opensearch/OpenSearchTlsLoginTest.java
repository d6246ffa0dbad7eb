package org.tillwatch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.query.ReceiptFilter;

/**
 * The store against an OpenSearch that wants TLS and a login (the test node behind {@link TlsLoginProxy}): with the
 * right login and CA it writes and queries; a wrong password or a certificate nobody vouched for fail at open with one line naming the host and the cause, and never show the password.
 */
class OpenSearchTlsLoginTest {
    private static final String USER = "tillwatch";
    private static final String PASSWORD = "Corr3ct-Horse-Battery";

    @TempDir
    static Path dir;
    static TlsLoginProxy proxy;
    static TlsLoginProxy.Certificate other;
    static final java.util.List<String> logged = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    static final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage() + " " + r.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void proxy() throws Exception {
        proxy = new TlsLoginProxy(TlsLoginProxy.Certificate.create(dir, "os"), USER, PASSWORD, URI.create(SharedNode.get().url()));
        other = TlsLoginProxy.Certificate.create(dir, "other");
        Logger.getLogger("").addHandler(capture);
    }

    @AfterAll
    static void stop() {
        Logger.getLogger("").removeHandler(capture);
        if (proxy != null) proxy.close();
    }

    private static OpenSearchTransactionStore open(URI host, OpenSearchAccess access) throws IOException {
        return OpenSearchTransactionStore.open(List.of(host), access, new IndexLayout("tls-", 1, 0), SampleDay.HASHER);
    }

    @Test
    void theRightLoginAndCaWriteAndQuery() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("os.password"), PASSWORD + "\n");
        OpenSearchAccess access = OpenSearchAccess.of(USER, passwordFile, proxy.caPem, Map.of(), "TILLWATCH_CLUSTER_OPENSEARCH_PASSWORD");
        assertThat(access.toString()).doesNotContain(PASSWORD).contains(USER);
        List<Transaction> day = SampleDay.transactions().subList(0, 200);
        int before = proxy.admitted.get();
        try (OpenSearchTransactionStore s = open(proxy.url(), access)) {
            s.write(day);
            s.refresh();
            assertThat(s.count()).isEqualTo(day.size());
            Transaction t = day.get(17);
            assertThat(s.get(t.id().toString())).isPresent();
            assertThat(s.count(ReceiptFilter.all().withIds(List.of(t.id().toString())))).isEqualTo(1);
        }
        assertThat(proxy.admitted.get() - before).as("requests through the TLS proxy").isGreaterThanOrEqualTo(5);
        // the same login from the environment variable
        OpenSearchAccess fromEnv = OpenSearchAccess.of(USER, null, proxy.caPem, Map.of("TILLWATCH_CLUSTER_OPENSEARCH_PASSWORD", PASSWORD),
                "TILLWATCH_CLUSTER_OPENSEARCH_PASSWORD");
        try (OpenSearchTransactionStore s = open(proxy.url(), fromEnv)) {
            assertThat(s.count()).isEqualTo(day.size());
        }
    }

    @Test
    void aWrongPasswordFailsAtOpenNamingTheHostAnd401() {
        int refused = proxy.refused.get();
        OpenSearchAccess wrong = new OpenSearchAccess(USER, "wrong-" + PASSWORD, proxy.caPem);
        assertThatThrownBy(() -> open(proxy.url(), wrong)).isInstanceOf(IOException.class)
                .hasMessageContaining(proxy.url().toString()).hasMessageContaining("401").hasMessageContaining("'" + USER + "'")
                .satisfies(e -> assertThat(everything(e)).doesNotContain(PASSWORD).doesNotContain("Basic "));
        assertThat(proxy.refused.get()).isGreaterThan(refused);
        // no login at all: 401 as well, said so
        assertThatThrownBy(() -> open(proxy.url(), new OpenSearchAccess(null, null, proxy.caPem)))
                .hasMessageContaining("401").hasMessageContaining("without a login");
        assertThat(String.join("\n", logged)).doesNotContain(PASSWORD);
    }

    @Test
    void anUntrustedCertificateIsAClearTlsError() {
        OpenSearchAccess untrusted = new OpenSearchAccess(USER, PASSWORD, other.pem());
        int admitted = proxy.admitted.get();
        assertThatThrownBy(() -> open(proxy.url(), untrusted)).isInstanceOf(IOException.class)
                .hasMessageContaining("TLS with OpenSearch at " + proxy.url()).hasMessageContaining("not trusted")
                .hasMessageContaining("cluster.opensearch-ca-file")
                .satisfies(e -> assertThat(everything(e)).doesNotContain(PASSWORD));
        // the JVM's default trust store does not know the test's CA either
        assertThatThrownBy(() -> open(proxy.url(), new OpenSearchAccess(USER, PASSWORD, null))).hasMessageContaining("not trusted");
        assertThat(proxy.admitted.get()).as("nothing reached the node without trusted TLS").isEqualTo(admitted);
        assertThatThrownBy(() -> OpenSearchAccess.of(USER, null, null, Map.of(), "TILLWATCH_CLUSTER_OPENSEARCH_PASSWORD"))
                .hasMessageContaining("TILLWATCH_CLUSTER_OPENSEARCH_PASSWORD").hasMessageContaining("cluster.opensearch-password-file");
        assertThatThrownBy(() -> new OpenSearchAccess(USER, PASSWORD, dir.resolve("missing.pem")).sslContext())
                .hasMessageContaining("missing.pem").hasMessageContaining("does not exist");
    }

    private static String everything(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) b.append(t).append('\n');
        return b.toString();
    }
}
