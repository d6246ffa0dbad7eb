package org.tillwatch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.domain.model.TransactionId;
import org.tillwatch.index.TransactionIndexWriter;

/**
 * Not part of the suite (no *Test name): bulk indexing rate and bytes per transaction in the in-JVM node, for the
 * README's capacity figures. {@code bench/opensearch.sh [copies] [batch] [threads]} runs it: the sample day
 * {@code copies} times (receipt numbers suffixed so each copy is new documents), {@code threads} writer threads,
 * batches of {@code batch}.
 */
class OpenSearchBench {
    @TempDir
    Path lucene;

    @Test
    void bulkRateAndBytesPerTransaction() throws Exception {
        int copies = Integer.getInteger("bench.copies", 10);
        int batch = Integer.getInteger("bench.batch", 1000);
        int threads = Integer.getInteger("bench.threads", 1);
        List<Transaction> day = SampleDay.transactions();
        long logBytes = SampleDay.uncompressedBytes();
        List<Transaction> all = new ArrayList<>(day.size() * copies);
        for (int c = 0; c < copies; c++) {
            for (Transaction t : day) all.add(c == 0 ? t : copy(t, c));
        }
        try (OpenSearchTransactionStore store = OpenSearchTransactionStore.open(List.of(URI.create(SharedNode.get().url())),
                new IndexLayout("bench-", 1, 0), SampleDay.HASHER)) {
            store.index(all.subList(0, Math.min(batch, all.size()))); // creates the indices, warms the JIT
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            List<java.util.concurrent.Future<BulkResult>> results = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < all.size(); i += batch) {
                List<Transaction> slice = all.subList(i, Math.min(all.size(), i + batch));
                results.add(pool.submit(() -> store.index(slice)));
            }
            for (var r : results) assertThat(r.get().failures()).isEmpty();
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            store.refresh();
            assertThat(store.count()).isEqualTo(all.size());
            OpenSearchWriterTest.get("/bench-*/_flush");
            long[] before = stats();
            OpenSearchWriterTest.HTTP.send(java.net.http.HttpRequest.newBuilder(URI.create(SharedNode.get().url()
                    + "/bench-*/_forcemerge?max_num_segments=1")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            store.refresh();
            OpenSearchWriterTest.get("/bench-*/_flush?force=true");
            long[] merged = stats();
            long luceneStart = System.nanoTime();
            try (TransactionIndexWriter w = TransactionIndexWriter.open(lucene, SampleDay.HASHER)) {
                w.write(all);
            }
            double luceneSeconds = (System.nanoTime() - luceneStart) / 1e9;
            long luceneBytes;
            try (Stream<Path> files = Files.walk(lucene)) {
                luceneBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            String report = String.format(Locale.ROOT, """
                    opensearch bulk: %d transactions (sample day x %d) in %.1f s, batches of %d, %d writer thread(s)
                      %.0f transactions/s, %.2f MB/s of register log (%.1f MB of log per day copy)
                      index store: %d bytes for %d docs = %d bytes/transaction (after flush), %d bytes/transaction (force-merged)
                    lucene (embedded) for comparison: %.0f transactions/s, %d bytes/transaction (committed, not merged)
                    load average during the run: %s
                    """, all.size(), copies, seconds, batch, threads, all.size() / seconds, logBytes * copies / 1e6 / seconds,
                    logBytes / 1e6, before[0], before[1], before[0] / before[1], merged[0] / merged[1],
                    all.size() / luceneSeconds, luceneBytes / all.size(), Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.println(report);
            Files.writeString(Path.of("target", "opensearch-bench.txt"), report);
        }
    }

    private static Transaction copy(Transaction t, int c) {
        TransactionId id = new TransactionId(t.id().register(), t.id().shift(), t.id().receipt() + "c" + c, t.id().opened());
        return new Transaction(id, t.type(), t.cashier(), t.opened(), t.closed(), t.closedAt(), t.status(), t.total(),
                t.positions(), t.removed(), t.keyPresses(), t.scans(), t.cards(), t.requests(), t.payments(), t.fiscal(),
                t.tags(), t.queuedOperationIds(), t.changedAfterCalculation(), t.raw());
    }

    /** Primary store bytes and docs of the bench indices. */
    private static long[] stats() throws Exception {
        String json = OpenSearchWriterTest.get("/bench-*/_stats/store,docs?filter_path=_all.primaries");
        Matcher docs = Pattern.compile("\"count\":(\\d+)").matcher(json);
        Matcher bytes = Pattern.compile("\"size_in_bytes\":(\\d+)").matcher(json);
        assertThat(docs.find() && bytes.find()).as(json).isTrue();
        return new long[] {Long.parseLong(bytes.group(1)), Long.parseLong(docs.group(1))};
    }
}
