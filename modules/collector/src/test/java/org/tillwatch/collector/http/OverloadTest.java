package org.tillwatch.collector.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.collector.ingest.IngestEngineTestSupport;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.model.RegisterKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload on a real collector: many pushers with no pause between chunks offer far more than one ingest thread reads
 * within a tiny backlog. The collector must refuse with 503 + Retry-After (not queue without bound), keep every chunk
 * it answered 202 for (the figures equal the sample fleet's expected.json), and take pushes again by itself once the
 * load stops.
 */
class OverloadTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 16 * 1024;
    private static final long MAX_BACKLOG = 128 * 1024;
    private static final int PUSHERS = 16;

    @Test
    void saturatedCollectorRefusesWithRetryAfterLosesNothingAndRecovers(@TempDir Path tmp) throws Exception {
        CollectorConfig base = CollectorConfig.defaults();
        CollectorConfig.Ingest d = base.ingest();
        CollectorConfig.Ingest tight = new CollectorConfig.Ingest(1, CHUNK, MAX_BACKLOG, Duration.ofMillis(500),
                d.refreshInterval(), d.idleFlush(), d.silenceExpiry(), Duration.ofMillis(100));
        CollectorConfig cfg = new CollectorConfig(base.server(), base.logs(), base.stores(), base.data(), tight, base.live(),
                base.alerting(), base.security(), base.telegram(), base.cluster())
                .withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(SampleFleet.root().resolve("stores.csv"));
        Map<RegisterKey, byte[]> fleet = IngestEngineTestSupport.fleetBytes();
        try (Collector collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
            String base0 = "http://127.0.0.1:" + collector.port();
            AtomicLong maxBacklog = new AtomicLong();
            AtomicLong maxHeap = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Runtime rt = Runtime.getRuntime();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (sampling.get()) {
                    maxBacklog.accumulateAndGet(collector.engine().backlogBytes(), Math::max);
                    maxHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            AtomicLong accepted = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            AtomicLong missingHeaders = new AtomicLong();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(PUSHERS);
            List<Future<?>> done = new ArrayList<>();
            List<Map.Entry<RegisterKey, byte[]>> registers = new ArrayList<>(fleet.entrySet());
            for (int p = 0; p < PUSHERS; p++) {
                int me = p;
                done.add(pool.submit(() -> {
                    for (int i = me; i < registers.size(); i += PUSHERS) {
                        RegisterKey key = registers.get(i).getKey();
                        byte[] b = registers.get(i).getValue();
                        for (int at = 0; at < b.length; ) {
                            int n = Math.min(CHUNK, b.length - at);
                            HttpRequest req = HttpRequest.newBuilder(URI.create(base0 + "/api/v1/ingest/" + key))
                                    .header("X-Tillwatch-Offset", Integer.toString(at))
                                    .header("X-Tillwatch-File", "pos-2026-11-20.log")
                                    .header("X-Tillwatch-End-Of-File", Boolean.toString(at + n == b.length))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(b, at, n)).build();
                            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 202) {
                                accepted.incrementAndGet();
                                at += n;
                            } else {
                                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                                refused.incrementAndGet();
                                if (r.headers().firstValue("Retry-After").isEmpty()
                                        || r.headers().firstValue("X-Tillwatch-Retry-After-Ms").isEmpty()) {
                                    missingHeaders.incrementAndGet();
                                }
                                // no wait: keep the pressure on (a polite shipper would sleep Retry-After)
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
            pool.shutdown();
            long pushMillis = (System.nanoTime() - started) / 1_000_000;

            // load dropped: a lone push and readiness come back by themselves
            long dropped = System.nanoTime();
            byte[] probe = "2026-11-20 23:59:59.000 INFO  [PurchaseManager] noise\n".getBytes();
            int probeStatus = 0;
            while (System.nanoTime() - dropped < TimeUnit.SECONDS.toNanos(10) && probeStatus != 202) {
                probeStatus = HTTP.send(HttpRequest.newBuilder(URI.create(base0 + "/api/v1/ingest/ZZ99/POS01"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(probe)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                if (probeStatus != 202) Thread.sleep(10);
            }
            long recoveryMillis = (System.nanoTime() - dropped) / 1_000_000;
            int ready = HTTP.send(HttpRequest.newBuilder(URI.create(base0 + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();

            Map<String, Object> got = Map.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && !(got = figures(base0)).equals(SampleFleet.expected())) Thread.sleep(100);
            sampling.set(false);
            sampler.join();
            System.gc();
            long heapAfterGc = rt.totalMemory() - rt.freeMemory();

            System.out.printf("overload: %d pushers, %d chunks accepted (202), %d refused (503) in %d ms; max backlog %d bytes "
                            + "(bound %d); max heap used %d MB, after GC %d MB; recovered in %d ms%n",
                    PUSHERS, accepted.get(), refused.get(), pushMillis, maxBacklog.get(), MAX_BACKLOG, maxHeap.get() >> 20,
                    heapAfterGc >> 20, recoveryMillis);

            assertThat(refused.get()).as("the collector was overloaded and said so").isPositive();
            assertThat(missingHeaders.get()).as("every 503 carries Retry-After and X-Tillwatch-Retry-After-Ms").isZero();
            assertThat(maxBacklog.get()).as("backlog never passes ingest.max-backlog-bytes").isLessThanOrEqualTo(MAX_BACKLOG);
            assertThat(heapAfterGc).as("heap bounded").isLessThan(256L << 20);
            assertThat(probeStatus).as("pushes accepted again once the load drops").isEqualTo(202);
            assertThat(recoveryMillis).isLessThan(5_000);
            assertThat(ready).isEqualTo(200);
            assertThat(got).as("every chunk answered 202 is read and counted").isEqualTo(SampleFleet.expected());
            for (Map.Entry<RegisterKey, byte[]> e : fleet.entrySet()) {
                assertThat(collector.engine().pushedOffset(e.getKey())).isEqualTo(e.getValue().length);
            }
        }
    }

    private static Map<String, Object> figures(String base) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode status = JSON.readTree(r.body());
        return CollectorApiTest.figures(status);
    }
}
