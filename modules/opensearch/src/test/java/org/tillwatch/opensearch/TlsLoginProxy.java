package org.tillwatch.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * What a production OpenSearch looks like from outside, in front of the in-JVM test node (which has no security
 * plugin): HTTPS with a certificate made for this test by the JDK's {@code keytool} (its CA is itself, written as
 * PEM), HTTP Basic required on every request ({@code 401} and {@code WWW-Authenticate} otherwise), the rest forwarded
 * to the node as it is.
 */
public final class TlsLoginProxy implements AutoCloseable {
    private final HttpsServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newHttpClient();
    private final String expected;
    private final URI node;
    public final AtomicInteger admitted = new AtomicInteger();
    public final AtomicInteger refused = new AtomicInteger();
    public final Path caPem;

    /** A key pair and self-signed certificate for {@code localhost} (and 127.0.0.1): a PKCS#12 key store and its PEM. */
    public record Certificate(Path keyStore, Path pem) {
        public static Certificate create(Path dir, String name) throws IOException, InterruptedException {
            Path ks = dir.resolve(name + ".p12");
            Path pem = dir.resolve(name + ".pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(List.of(keytool, "-genkeypair", "-alias", "os", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", ks.toString(), "-storetype", "PKCS12",
                    "-storepass", "changeit"));
            run(List.of(keytool, "-exportcert", "-rfc", "-alias", "os", "-keystore", ks.toString(), "-storepass", "changeit",
                    "-file", pem.toString()));
            return new Certificate(ks, pem);
        }

        private static void run(List<String> command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + out);
        }
    }

    public TlsLoginProxy(Certificate cert, String user, String password, URI node) throws Exception {
        this.expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.node = node;
        this.caPem = cert.pem();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(cert.keyStore())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("https://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                refused.incrementAndGet();
                byte[] body = "{\"error\":\"unauthorized\",\"status\":401}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"OpenSearch Security\"");
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(401, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            admitted.incrementAndGet();
            byte[] in = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder req = HttpRequest.newBuilder(node.resolve(ex.getRequestURI().toString()))
                    .method(ex.getRequestMethod(), in.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(in));
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null) req.header("Content-Type", type);
            HttpResponse<byte[]> res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            res.headers().firstValue("Content-Type").ifPresent(t -> ex.getResponseHeaders().add("Content-Type", t));
            boolean empty = ex.getRequestMethod().equals("HEAD") || res.body().length == 0;
            ex.sendResponseHeaders(res.statusCode(), empty ? -1 : res.body().length);
            if (!empty) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(res.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
