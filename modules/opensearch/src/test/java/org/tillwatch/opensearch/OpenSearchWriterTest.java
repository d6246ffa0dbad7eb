package org.tillwatch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.query.ReceiptFilter;

/** Bulk writes into the real node: daily indices, replays overwrite, refusals retried or reported with reasons. */
class OpenSearchWriterTest {
    static List<Transaction> day;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void sampleDay() throws IOException {
        day = SampleDay.transactions().subList(0, 300);
    }

    @AfterAll
    static void noBlocksLeft() throws Exception {
        put("/writer-*/_settings", "{\"index.blocks.write\": null, \"index.blocks.read_only_allow_delete\": null}");
    }

    private static OpenSearchTransactionStore store(String prefix, RetryPolicy retry) throws IOException {
        return OpenSearchTransactionStore.open(List.of(URI.create(SharedNode.get().url())), new IndexLayout(prefix, 1, 0),
                SampleDay.HASHER, retry);
    }

    static String put(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(SharedNode.get().url() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(SharedNode.get().url() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aReplayOverwritesInTheDailyIndexOfTheCloseDate() throws Exception {
        try (OpenSearchTransactionStore s = store("writer-replay-", RetryPolicy.defaults())) {
            s.write(day);
            s.write(day.subList(0, 100)); // a replay after a crash
            s.refresh();
            assertThat(s.reachable()).isTrue();
            assertThat(s.count()).isEqualTo(day.size());
            Transaction t = day.get(42);
            String index = "writer-replay-" + t.closedAt().toString().substring(0, 10).replace('-', '.');
            assertThat(get("/" + index + "/_doc/" + java.net.URLEncoder.encode(t.id().toString(), java.nio.charset.StandardCharsets.UTF_8)))
                    .contains("\"found\":true").contains("\"_id\":\"" + t.id() + "\"");
            assertThat(get("/_cat/indices/writer-replay-*?h=index")).contains(index);
            assertThat(get("/" + index + "/_mapping")).contains("\"dynamic\":\"strict\"").contains("\"card_hash\"");
            assertThat(s.get(t.id().toString())).isPresent();
        }
    }

    @Test
    void aRefusedItemIsReportedWithItsReasonAndTheOthersAreStored() throws Exception {
        try (OpenSearchTransactionStore s = store("writer-refused-", new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)))) {
            Transaction first = day.get(0);
            s.write(List.of(first));
            String index = s.layout().indexFor(first.closedAt());
            assertThat(put("/" + index + "/_settings", "{\"index.blocks.write\": true}")).contains("acknowledged");
            Transaction elsewhere = shifted(day.get(1), Duration.ofDays(-3));
            BulkResult r = s.index(List.of(day.get(2), elsewhere));
            assertThat(r.written()).isEqualTo(1);
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.transaction().id()).isEqualTo(day.get(2).id());
                assertThat(f.status()).isEqualTo(403);
                assertThat(f.reason()).contains("cluster_block_exception").contains("index write");
            });
            assertThatThrownBy(() -> s.write(List.of(day.get(3)))).isInstanceOfSatisfying(BulkWriteException.class,
                    e -> assertThat(e.result().failures()).extracting(f -> f.transaction().id()).containsExactly(day.get(3).id()));
            put("/" + index + "/_settings", "{\"index.blocks.write\": null}");
            s.refresh();
            assertThat(s.count(ReceiptFilter.all())).isEqualTo(2);
        }
    }

    @Test
    void tooManyRequestsIsRetriedWithBackoffUntilItGoesThrough() throws Exception {
        try (OpenSearchTransactionStore s = store("writer-retry-", new RetryPolicy(30, Duration.ofMillis(100), Duration.ofMillis(400)))) {
            Transaction first = day.get(0);
            s.write(List.of(first));
            String index = s.layout().indexFor(first.closedAt());
            // the block a full disk sets: refused with 429, so retried
            assertThat(put("/" + index + "/_settings", "{\"index.blocks.read_only_allow_delete\": true}")).contains("acknowledged");
            Instant start = Instant.now();
            CompletableFuture<BulkResult> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.index(day.subList(1, 20));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(400);
            assertThat(result).isNotDone();
            put("/" + index + "/_settings", "{\"index.blocks.read_only_allow_delete\": null}");
            BulkResult r = result.get();
            assertThat(r.failures()).isEmpty();
            assertThat(r.written()).isEqualTo(19);
            assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void beforeTheFirstWriteEveryQueryAnswersEmpty() throws Exception {
        try (OpenSearchTransactionStore s = store("writer-empty-", RetryPolicy.defaults())) {
            assertThat(s.count()).isZero();
            assertThat(s.count(ReceiptFilter.all())).isZero();
            assertThat(s.page(ReceiptFilter.all(), 0, 10, false).transactions()).isEmpty();
            assertThat(s.forEach(ReceiptFilter.all(), t -> { }, n -> { })).isZero();
            assertThat(s.byCardHash("00", null)).isEmpty();
            assertThat(s.outcomeCounts(ReceiptFilter.all())).isEmpty();
            assertThat(s.get("AX1B/POS01/1/1/2026-11-20")).isEmpty();
            s.forEachReceipt(Instant.EPOCH, r -> { throw new AssertionError(r); });
        }
    }

    @Test
    void aScanSeesTheIndexAsItWasWhenItStarted() throws Exception {
        try (OpenSearchTransactionStore s = store("writer-snapshot-", RetryPolicy.defaults())) {
            List<Transaction> all = SampleDay.transactions();
            s.write(all.subList(0, 1500));
            s.refresh();
            List<String> seen = new java.util.ArrayList<>();
            long n = s.forEach(ReceiptFilter.all(), t -> {
                seen.add(t.id().toString());
                if (seen.size() == 1) { // written and made searchable while the scan runs
                    s.write(all.subList(1500, 1800));
                    s.refresh();
                }
            }, x -> { });
            assertThat(n).isEqualTo(1500);
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(s.count()).isEqualTo(1800);
        }
    }

    @Test
    void unreachableOpenSearchIsAnIoErrorAfterTheRetries() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> OpenSearchTransactionStore.open(List.of(URI.create("http://127.0.0.1:" + closedPort)),
                IndexLayout.of("writer-none-"), SampleDay.HASHER)).isInstanceOf(IOException.class)
                .isNotInstanceOf(BulkWriteException.class);
    }

    static Transaction shifted(Transaction t, Duration by) {
        return new Transaction(t.id(), t.type(), t.cashier(), t.opened().plus(by), t.closed().plus(by), t.closedAt().plus(by),
                t.status(), t.total(), t.positions(), t.removed(), t.keyPresses(), t.scans(), t.cards(), t.requests(),
                t.payments(), t.fiscal(), t.tags(), t.queuedOperationIds(), t.changedAfterCalculation(), t.raw());
    }
}
