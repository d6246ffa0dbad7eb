package org.tillwatch.collector.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.collector.ingest.IngestEngineTestSupport;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.live.ReceiptFact;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead or mute SMTP relay costs email alerts only: pushes are read and counted in full, readiness stays up, failures show in metrics. */
class DeadSmtpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ingestionGoesOnAndTheFailedDeliveriesAreCounted(@TempDir Path tmp) throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort(); // closed again: connections are refused
        }
        try (Collector collector = start(tmp, deadPort)) {
            String base = "http://127.0.0.1:" + collector.port();
            pushTheFleet(base);
            Map<String, Object> got = Map.of();
            String metrics = "";
            String incidents = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                got = CollectorApiTest.figures(JSON.readTree(get(base + "/api/v1/status").body()));
                metrics = get(base + "/metrics").body();
                incidents = get(base + "/api/v1/incidents?state=open").body();
                if (got.equals(SampleFleet.expected()) && metrics.contains("notifier=\"email\",result=\"failed\"")
                        && incidents.contains("notifier_failing")) break;
                Thread.sleep(200);
            }
            assertThat(got).as("every pushed byte read and counted although email is down").isEqualTo(SampleFleet.expected());
            assertThat(metrics).as("failed email deliveries are counted")
                    .containsPattern("tillwatch_alert_notices_total\\{[^}]*notifier=\"email\",result=\"failed\"[^}]*} [1-9]");
            assertThat(incidents).as("the failing channel raises its own incident").contains("\"kind\":\"notifier_failing\"");
            assertThat(get(base + "/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRelayThatAcceptsAndNeverAnswersDoesNotHoldIngestionUp(@TempDir Path tmp) throws Exception {
        AtomicInteger connections = new AtomicInteger();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!mute.isClosed()) {
                    try {
                        held.add(mute.accept()); // no greeting, ever
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            try (Collector collector = start(tmp, mute.getLocalPort())) {
                String base = "http://127.0.0.1:" + collector.port();
                pushTheFleet(base);
                Map<String, Object> got = Map.of();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                int ready = 0;
                while (System.nanoTime() < deadline) {
                    got = CollectorApiTest.figures(JSON.readTree(get(base + "/api/v1/status").body()));
                    ready = get(base + "/health/ready").statusCode();
                    if (got.equals(SampleFleet.expected()) && connections.get() > 0) break;
                    Thread.sleep(200);
                }
                for (Socket s : held) s.close(); // before the collector stops: its close need not wait out a hung session
                assertThat(connections.get()).as("the email channel did try the mute relay").isPositive();
                assertThat(got).as("every pushed byte read and counted while email hangs").isEqualTo(SampleFleet.expected());
                assertThat(ready).isEqualTo(200);
            } finally {
                for (Socket s : held) s.close();
            }
        }
    }

    private static Collector start(Path tmp, int smtpPort) throws Exception {
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(SampleFleet.root().resolve("stores.csv"));
        cfg = cfg.withAlerting(cfg.alerting().withHotline("ops@example.test").withSmtp("127.0.0.1", smtpPort)
                .withPending(Duration.ZERO, Duration.ofMinutes(5)));
        Collector collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"));
        for (int m = 0; m < 6; m++) { // an incident, so the email channel has something to send
            boolean failed = m >= 3;
            collector.alerts().receipt(new ReceiptFact("S001", "POS01", Instant.parse("2026-11-20T10:0" + m + ":00Z"),
                    true, true, failed, failed ? List.of("TIMEOUT") : List.of(), failed ? List.of(true) : List.of()));
        }
        return collector;
    }

    private static void pushTheFleet(String base) throws Exception {
        for (Map.Entry<RegisterKey, byte[]> e : IngestEngineTestSupport.fleetBytes().entrySet()) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/" + e.getKey()))
                    .header("X-Tillwatch-File", "pos-2026-11-20.log").header("X-Tillwatch-End-Of-File", "true")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(e.getValue())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
