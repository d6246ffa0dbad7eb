package org.tillwatch.collector.http;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push body over real HTTP: with Content-Length read into one exact array (arriving in many TCP reads), chunked
 * or over the limit through BodyHandler as before; the handler after it sees the same bytes either way.
 */
class PushBodyTest {
    private static final int LIMIT = 2 * 1024 * 1024;
    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.post("/push").handler(new PushBody(LIMIT)).handler(ctx -> {
            byte[] body = PushBody.of(ctx);
            ctx.response().end(body.length + " " + sha256(body));
        });
        router.route().failureHandler(ctx -> ctx.response().setStatusCode(ctx.statusCode()).end("failed " + ctx.statusCode()));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void aBodyWithContentLengthArrivesWholeInOneArray() throws Exception {
        byte[] body = random(1024 * 1024 + 17);
        HttpResponse<String> r = send(HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(body.length + " " + sha256(body));
    }

    @Test
    void anEmptyBody() throws Exception {
        HttpResponse<String> r = send(HttpRequest.BodyPublishers.noBody());
        assertThat(r.body()).isEqualTo("0 " + sha256(new byte[0]));
    }

    @Test
    void aChunkedBodyGoesThroughBodyHandler() throws Exception {
        byte[] body = random(300_000);
        // an input stream publisher has no length: HTTP/1.1 chunked transfer encoding
        HttpResponse<String> r = send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(body.length + " " + sha256(body));
    }

    @Test
    void overTheLimitIs413() throws Exception {
        HttpResponse<String> r = send(HttpRequest.BodyPublishers.ofByteArray(random(LIMIT + 1)));
        assertThat(r.statusCode()).isEqualTo(413);
    }

    private static HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/push")).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
