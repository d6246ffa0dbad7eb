package org.tillwatch.alerting.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.tillwatch.alerting.IncidentJson;
import org.tillwatch.alerting.IncidentNotice;
import org.tillwatch.alerting.Notifier;
import org.tillwatch.alerting.state.StateStore;

/**
 * Every notice as a JSON POST: {@code {"sequence","type","at","actor","incident":{...the API's incident...}}}. A 2xx
 * answer is delivery; anything else (or no answer within 5 s) is a failure the outbox retries. Receivers drop
 * duplicates by {@code sequence} (also in the {@code X-Tillwatch-Notice} header).
 */
public final class WebhookNotifier implements Notifier {
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookNotifier(URI url) {
        this.url = url;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void deliver(IncidentNotice notice) throws IOException, InterruptedException {
        byte[] body = StateStore.JSON.writeValueAsBytes(IncidentJson.of(notice));
        HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Tillwatch-Notice", Long.toString(notice.sequence()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 != 2) {
            throw new IOException("webhook " + url + " answered " + res.statusCode() + ": " + abbreviate(res.body()));
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
