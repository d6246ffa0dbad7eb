package org.tillwatch.collector.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.domain.assemble.AssemblyListener;
import org.tillwatch.domain.assemble.RegisterPipeline;
import org.tillwatch.domain.model.RegisterKey;
import org.tillwatch.domain.model.StoreRegistry;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.parse.ReferenceDialect;
import org.tillwatch.index.CardHasher;
import org.tillwatch.index.TransactionIndexWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided, at the push level: any bytes, pushed to a real {@link IngestEngine} (spool on disk, Lucene index)
 * in any chunks with their offsets (a retry of the first chunk included), give the transactions that reading the
 * bytes in one go gives, and ingestion neither fails nor stalls. One engine serves the whole run; each input gets a
 * register of its own. Seeds: {@code src/test/resources/org/tillwatch/collector/ingest/IngestPushFuzzTestInputs/}.
 */
class IngestPushFuzzTest {
    private static final StoreRegistry REGISTRY = StoreRegistry.empty(ZoneId.of("Europe/Moscow"));
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Map<RegisterKey, List<String>> SEEN = new ConcurrentHashMap<>();

    @TempDir
    static Path tmp;
    private static IngestEngine engine;
    private static TransactionIndexWriter writer;

    @BeforeAll
    static void start() throws IOException {
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data"));
        writer = TransactionIndexWriter.open(cfg.data().dir(), new CardHasher(new byte[32]), 16);
        engine = new IngestEngine(cfg, REGISTRY, writer, cfg.data().dir(), new IngestObserver() {
            @Override
            public void transaction(Transaction t) {
                SEEN.computeIfAbsent(t.id().register(), k -> Collections.synchronizedList(new ArrayList<>())).add(describe(t));
            }
        }, () -> null, new MalformedSamples(cfg.data().dir(), Clock.systemUTC()));
        engine.start();
    }

    @AfterAll
    static void stop() throws IOException {
        engine.close();
        writer.close();
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"2026-11-20 10:00:00.000 INFO  [PurchaseManager] ", "Receipt opened: shift=1 receipt=1 type=SALE",
            "Receipt closed: shift=1 receipt=1 total=", " status=OK", "[LoymaxUtils] Loymax response (5 ms):",
            "<XMLResponse><ErrorCode>0</ErrorCode>", "Redeemed=\"", "Accrued=\"", "E+999999999", "99999999999999999999"})
    void pushedChunksGiveWhatReadingTheBytesGives(FuzzedDataProvider data) throws Exception {
        int[] chunks = new int[data.consumeInt(0, 6)];
        for (int k = 0; k < chunks.length; k++) chunks[k] = data.consumeInt(1, 2048);
        boolean retryFirst = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        RegisterKey key = nextRegister();

        int at = 0;
        for (int k = 0; at < bytes.length; k++) {
            int n = k < chunks.length ? Math.min(chunks[k], bytes.length - at) : bytes.length - at;
            byte[] chunk = Arrays.copyOfRange(bytes, at, at + n);
            IngestEngine.PushResult r = engine.push(key, chunk, (long) at, "pos.log", at + n == bytes.length);
            assertThat(r.offset()).isEqualTo(at + n);
            if (k == 0 && retryFirst) assertThat(engine.push(key, chunk, 0L, "pos.log", false).acceptedBytes()).isZero();
            at += n;
        }
        assertThat(engine.awaitIdle(Duration.ofSeconds(20))).as("ingestion went idle").isTrue();
        assertThat(engine.failure()).isNull();
        assertThat(SEEN.getOrDefault(key, List.of())).isEqualTo(readWhole(key, bytes));
    }

    private static RegisterKey nextRegister() {
        int n = NEXT.getAndIncrement();
        String store = "Z" + Integer.toString(36 * 36 + n / 100 % (35 * 36 * 36), 36).toUpperCase();
        return new RegisterKey(store, String.format("POS%02d", n % 100));
    }

    private static List<String> readWhole(RegisterKey key, byte[] bytes) {
        List<String> out = new ArrayList<>();
        RegisterPipeline p = new RegisterPipeline(key, REGISTRY.store(key.store()), new ReferenceDialect(),
                (AssemblyListener) t -> out.add(describe(t)), line -> { });
        p.startFile("pos.log");
        p.feed(bytes, 0, bytes.length);
        p.endOfFile();
        return out;
    }

    private static String describe(Transaction t) {
        return t.id() + " " + t.status() + " " + t.total() + " " + t.positions().size() + " " + t.outcomeNames()
                + " " + t.accrued() + " " + t.redeemed();
    }
}
