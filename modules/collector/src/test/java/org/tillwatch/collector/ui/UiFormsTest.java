package org.tillwatch.collector.ui;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.Security;
import org.tillwatch.web.auth.PasswordHasher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI's forms over plain HTTP: bad input gets a 400 with the reason, guessing gets locked out, logout ends the
 * session, an idle session expires.
 */
class UiFormsTest {
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void formsRefuseBadInputAndPasswordGuessing(@TempDir Path tmp) throws Exception {
        Security security = new Security(Duration.ofSeconds(10), List.of(
                new Security.User("anna", PasswordHasher.hash("operator-secret-1".toCharArray()), "operator"),
                new Security.User("sam", PasswordHasher.hash("support-secret-2".toCharArray()), "support")), List.of());
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1").withSecurity(security);
        try (Collector c = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"))) {
            String base = "http://127.0.0.1:" + c.port();
            HttpClient idle = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            assertThat(post(idle, base + "/ui/login", form("name", "sam", "password", "support-secret-2"), csrf(idle, base + "/ui/login")).statusCode()).isEqualTo(303);
            assertThat(get(idle, base + "/ui/stores").statusCode()).isEqualTo(200);
            long idleSince = System.nanoTime();
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            HttpResponse<String> ok = post(http, base + "/ui/login", form("name", "anna", "password", "operator-secret-1"), csrf(http, base + "/ui/login"));
            assertThat(ok.statusCode()).isEqualTo(303);
            String token = csrf(http, base + "/ui/search");
            HttpResponse<String> badCard = post(http, base + "/ui/search", form("card", "12ab", "from", "", "to", ""), token);
            assertThat(badCard.statusCode()).isEqualTo(400);
            assertThat(badCard.body()).contains("Номер карты — от 8 до 24 цифр.");
            HttpResponse<String> badRange = post(http, base + "/ui/search", form("card", "7000123412341234", "from", "2026-11-20", "to", "2026-11-19"), token);
            assertThat(badRange.statusCode()).isEqualTo(400);
            assertThat(badRange.body()).contains("Дата «по» раньше даты «с».");
            HttpResponse<String> badDate = post(http, base + "/ui/search", form("card", "7000123412341234", "from", "20.11.2026", "to", ""), token);
            assertThat(badDate.statusCode()).isEqualTo(400);
            HttpResponse<String> none = post(http, base + "/ui/search", form("card", "7000 1234 1234 1234", "from", "", "to", ""), token);
            assertThat(none.statusCode()).isEqualTo(200);
            assertThat(none.body()).contains("•••• 1234").doesNotContain("7000123412341234");
            assertThat(post(http, base + "/ui/logout", form(), token).statusCode()).isEqualTo(303);
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(base + "/ui/search")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).as("logged out").isEqualTo(303);

            HttpClient guesser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            for (int i = 0; i < 5; i++) {
                assertThat(post(guesser, base + "/ui/login", form("name", "anna", "password", "guess-" + i), csrf(guesser, base + "/ui/login")).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> locked = post(guesser, base + "/ui/login", form("name", "anna", "password", "operator-secret-1"), csrf(guesser, base + "/ui/login"));
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.body()).contains("Слишком много неудачных попыток входа");

            long idleMillis = (System.nanoTime() - idleSince) / 1_000_000;
            if (idleMillis < 12_000) Thread.sleep(12_000 - idleMillis);
            HttpResponse<String> expired = get(idle, base + "/ui/stores");
            assertThat(expired.statusCode()).as("the session expired after 10 s idle").isEqualTo(303);
            assertThat(expired.headers().firstValue("Location")).contains("/ui/login");
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpClient http, String url) throws Exception {
        Matcher m = CSRF.matcher(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form, String csrf) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("csrf", csrf);
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
