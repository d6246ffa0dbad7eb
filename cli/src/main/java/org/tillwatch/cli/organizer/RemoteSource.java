package org.tillwatch.cli.organizer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.tillwatch.domain.model.Transaction;
import org.tillwatch.index.query.FilterRequest;
import org.tillwatch.index.query.Page;
import org.tillwatch.index.query.ReceiptSearch;
import org.tillwatch.index.query.TransactionJson;

/**
 * A running collector's organizer API ({@code /api/v1/organizer/*}), with {@code Authorization: Bearer} when a token is
 * given. Streams a long match list page by page.
 */
final class RemoteSource implements Source {
    static final int PAGE = 500;

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    RemoteSource(URI base, String token) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.token = token;
    }

    @Override
    public Page page(FilterRequest filter, int offset, int limit, boolean newestFirst) throws IOException {
        List<Transaction> out = new ArrayList<>();
        long total = pages(filter, offset, limit, newestFirst, out::add);
        return new Page(total, out);
    }

    /**
     * Visits up to {@code limit} matches page by page; after the first page each request starts strictly after the
     * last receipt received, so a collector that indexes meanwhile makes no page repeat or skip one. Returns the total.
     */
    private long pages(FilterRequest filter, int offset, long limit, boolean newestFirst, ReceiptSearch.Visitor visitor) throws IOException {
        long total;
        long seen = 0;
        ReceiptSearch.Cursor after = null;
        do {
            int n = (int) Math.min(PAGE, limit - seen);
            Map<String, Object> body = body(filter, after == null ? offset : 0, n, newestFirst);
            if (after != null) body.put("after", Map.of("closed_at", after.closedAt(), "store", after.store(), "register", after.register()));
            // Read straight into the types: through a JsonNode tree, 1270.80 would come back as 1270.8.
            PageBody r = TransactionJson.MAPPER.readValue(post("api/v1/organizer/receipts", body), PageBody.class);
            total = r.total();
            List<Transaction> list = r.transactions() == null ? List.of() : r.transactions();
            for (Transaction t : list) visitor.accept(t);
            seen += list.size();
            if (list.size() < n || n == 0) break;
            after = ReceiptSearch.Cursor.of(list.get(list.size() - 1));
        } while (seen < limit);
        return total;
    }

    @Override
    public long forEach(FilterRequest filter, ReceiptSearch.Visitor visitor, LongConsumer progress) throws IOException {
        long[] n = {0};
        pages(filter, 0, Long.MAX_VALUE, false, t -> {
            visitor.accept(t);
            if (++n[0] % 64 == 0) progress.accept(n[0]);
        });
        progress.accept(n[0]);
        return n[0];
    }

    @Override
    public OutcomeCounts outcomes(FilterRequest filter) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", filter);
        JsonNode r = TransactionJson.MAPPER.readTree(post("api/v1/organizer/outcomes", body));
        Map<String, Long> counts = new LinkedHashMap<>();
        r.path("outcomes").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return new OutcomeCounts(r.path("receipts").asLong(), counts);
    }

    private static Map<String, Object> body(FilterRequest filter, int offset, int limit, boolean newestFirst) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filter", filter);
        m.put("offset", offset);
        m.put("limit", limit);
        m.put("newest_first", newestFirst);
        return m;
    }

    private record PageBody(long total, List<Transaction> transactions) {
    }

    private String post(String path, Object body) throws IOException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TransactionJson.MAPPER.writeValueAsString(body)));
        if (token != null) rb.header("Authorization", "Bearer " + token);
        HttpResponse<String> r;
        try {
            r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("cannot reach the collector at " + base + " (is 'tillwatch serve' running?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() == 200) return r.body();
        String reason = reason(r.body());
        if (r.statusCode() == 400) throw new IllegalArgumentException(reason);
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new IOException("the collector refused the request (" + r.statusCode() + "): give a token with --token-file or TILLWATCH_TOKEN" + (reason.isEmpty() ? "" : ": " + reason));
        }
        if (r.statusCode() == 404) throw new IOException("the collector at " + base + " has no organizer API (" + reason + "): is it an older version?");
        throw new IOException("the collector answered " + r.statusCode() + ": " + reason);
    }

    private static String reason(String body) {
        try {
            JsonNode n = TransactionJson.MAPPER.readTree(body);
            if (n != null && n.hasNonNull("reason")) return n.get("reason").asText();
        } catch (IOException ignored) {
            // not JSON: the raw text says more
        }
        return body == null ? "" : body.strip();
    }

    @Override
    public void close() {
        http.close();
    }
}
