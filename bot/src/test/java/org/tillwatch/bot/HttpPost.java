package org.tillwatch.bot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A JSON POST for tests that act on the collector directly. */
final class HttpPost {
    private HttpPost() {
    }

    static String json(URI uri, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new AssertionError(uri + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }
}
