package org.tillwatch.web.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Asks the collector's own {@code GET /api/v1/incidents?store=&at=} (the alerting branch's contract), with the UI's
 * in-memory token. Until alerting is there the route answers 404 and the receipt page simply shows no incident link.
 */
public final class ApiIncidents implements Incidents {
    private final HttpClient client;
    private final IntSupplier port;
    private final String token;

    public ApiIncidents(Vertx vertx, IntSupplier port, String token) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
        this.port = port;
        this.token = token;
    }

    @Override
    public Future<List<Link>> openAt(String store, Instant at) {
        int p = port.getAsInt();
        if (p <= 0) return Future.succeededFuture(List.of());
        String uri = "/api/v1/incidents?store=" + java.net.URLEncoder.encode(store, java.nio.charset.StandardCharsets.UTF_8) + "&at=" + at;
        return client.request(HttpMethod.GET, p, "127.0.0.1", uri)
                .compose(req -> req.putHeader("Authorization", "Bearer " + token).send())
                .compose(resp -> resp.body().map(body -> resp.statusCode() == 200 ? parse(body.toString()) : List.<Link>of()))
                .otherwise(List.of());
    }

    private static List<Link> parse(String body) {
        List<Link> out = new ArrayList<>();
        try {
            JsonArray list = new JsonObject(body).getJsonArray("incidents", new JsonArray());
            for (int i = 0; i < list.size(); i++) {
                JsonObject o = list.getJsonObject(i);
                Object summary = o.getValue("summary");
                out.add(new Link(String.valueOf(o.getValue("id")), summary == null ? "" : String.valueOf(summary), String.valueOf(o.getValue("state"))));
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return out;
    }
}
