package org.tillwatch.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --server} sends the API token as {@code Authorization: Bearer} (the cross-branch contract) and reports a
 * refusal plainly. A stand-in collector on localhost answers like the real one and records what it got.
 */
class OrganizerTokenTest {
    @TempDir
    Path tmp;
    HttpServer server;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/organizer/receipts", ex -> {
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = (status == 200 ? "{\"total\":0,\"transactions\":[]}"
                    : "{\"error\":\"unauthorized\",\"reason\":\"a valid API token is required\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void tokenFromAFileGoesAsBearerAndTheCardStaysInTheBody() throws IOException {
        Path token = tmp.resolve("token");
        Files.writeString(token, "s3cret-token\n");
        Cli r = Cli.run("receipts", "--server", url(), "--token-file", token.toString(), "--card", "7000348403967001");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(authorizations).containsExactly("Bearer s3cret-token");
        assertThat(bodies.get(0)).contains("\"card\":\"7000348403967001\"");
        assertThat(r.out()).contains("************7001").doesNotContain("7000348403967001");
    }

    @Test
    void refusedTokenIsAnErrorThatSaysSo() throws IOException {
        status = 401;
        Path token = tmp.resolve("token");
        Files.writeString(token, "wrong");
        Cli r = Cli.run("receipts", "--server", url(), "--token-file", token.toString(), "--store", "AX1B");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("refused the request (401)").contains("a valid API token is required");
        Cli missing = Cli.run("receipts", "--server", url(), "--token-file", tmp.resolve("absent").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("token file not found");
    }
}
