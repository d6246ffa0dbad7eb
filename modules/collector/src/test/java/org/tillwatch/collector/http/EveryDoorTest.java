package org.tillwatch.collector.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tillwatch.collector.Collector;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.Security;
import org.tillwatch.web.auth.PasswordHasher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every door of a collector with a security section: each route the sources register with the router is tried without
 * credentials, with an operator token and with a support token; UI pages per role; CSRF on UI changes; bad bodies and
 * query parameters on the API get a 4xx with a reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryDoorTest {
    static final Pattern ROUTE = Pattern.compile("router\\.(get|post|put|delete|patch)\\(\"([^\"*]+)\"\\)");
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> PARAMS = Map.of(":store", "URMY", ":register", "POS01", ":shift", "1", ":receipt", "1",
            ":date", "2026-11-20", ":id", "x1", ":outcome", "CardBlocked");

    record Door(String method, String path) {
        String concrete() {
            String p = path;
            for (var e : PARAMS.entrySet()) p = p.replace(e.getKey(), e.getValue());
            return p;
        }

        boolean reads() {
            return method.equals("GET") || path.equals("/api/v1/transactions/search");
        }
    }

    final HttpClient http = HttpClient.newHttpClient();
    final String readerToken = PasswordHasher.newToken();
    final String supportToken = PasswordHasher.newToken();
    Collector collector;
    String base;
    List<Door> doors;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        Security security = new Security(Duration.ofMinutes(30), List.of(
                new Security.User("anna", PasswordHasher.hash("operator-secret-1".toCharArray()), "operator"),
                new Security.User("sam", PasswordHasher.hash("support-secret-2".toCharArray()), "support"),
                new Security.User("ada", PasswordHasher.hash("admin-secret-3".toCharArray()), "admin")), List.of(
                new Security.Token("callcenter", PasswordHasher.tokenHash(readerToken), "operator"),
                new Security.Token("shipper", PasswordHasher.tokenHash(supportToken), "support")));
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(tmp.resolve("data")).withPort(0).withHost("127.0.0.1").withSecurity(security)
                .withStoresRegistry(SampleFleet.root().resolve("stores.csv"));
        collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"));
        base = "http://127.0.0.1:" + collector.port();
        doors = registeredDoors();
    }

    @AfterAll
    void stop() throws IOException {
        if (collector != null) collector.close();
    }

    /** The routes the product's sources register (modules/../src/main/java), so a new route cannot skip this test. */
    static List<Door> registeredDoors() throws IOException {
        Path modules = Paths.get("..").toAbsolutePath().normalize();
        TreeSet<String> seen = new TreeSet<>();
        List<Door> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(modules)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).toList()) {
                Matcher m = ROUTE.matcher(Files.readString(f));
                while (m.find()) {
                    Door d = new Door(m.group(1).toUpperCase(), m.group(2));
                    if (seen.add(d.method() + " " + d.path())) out.add(d);
                }
            }
        }
        return out;
    }

    @Test
    void theRouteScanFindsEveryKindOfDoor() {
        assertThat(doors).hasSizeGreaterThan(35).contains(new Door("POST", "/api/v1/ingest/:store/:register"),
                new Door("DELETE", "/api/v1/silences/:id"), new Door("GET", "/ui/audit"), new Door("POST", "/ui/search"),
                new Door("GET", "/health/live"), new Door("GET", "/metrics"), new Door("POST", "/api/v1/tickets"),
                new Door("POST", "/api/v1/organizer/receipts"));
    }

    @Test
    void withoutCredentialsOnlyHealthMetricsAndTheLoginPageOpen() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Door d : doors) {
            HttpResponse<String> r = send(d.method(), d.concrete(), null, "{}");
            int want;
            if (d.path().startsWith("/health/") || d.path().equals("/metrics") || d.equals(new Door("GET", "/ui/login"))) want = 200;
            else if (d.path().startsWith("/api/")) want = 401;
            else if (d.method().equals("GET")) want = 303;
            else want = 403; // a UI change without a session has no CSRF token
            if (r.statusCode() != want) wrong.add(d + " -> " + r.statusCode() + " (want " + want + ")");
            if (want == 401 && r.headers().firstValue("WWW-Authenticate").isEmpty()) wrong.add(d + " 401 without WWW-Authenticate");
            if (want == 303 && !r.headers().firstValue("Location").orElse("").endsWith("/ui/login")) wrong.add(d + " does not redirect to the login");
        }
        assertThat(wrong).isEmpty();
        assertThat(send("GET", "/api/v1/no-such-thing", null, null).statusCode()).as("unknown API paths are refused before 404").isEqualTo(401);
        assertThat(send("GET", "/ui/no-such-page", null, null).statusCode()).isEqualTo(303);
    }

    @Test
    void operatorTokensOnlyReadAndSupportTokensMayChange() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Door d : doors) {
            if (!d.path().startsWith("/api/")) continue;
            HttpResponse<String> asReader = send(d.method(), d.concrete(), readerToken, "{}");
            boolean refused = asReader.statusCode() == 401 || asReader.statusCode() == 403;
            if (d.reads() == refused) wrong.add("operator token " + d + " -> " + asReader.statusCode());
            if (!d.reads() && asReader.statusCode() != 403) wrong.add("operator token " + d + " -> " + asReader.statusCode() + " (want 403)");
            HttpResponse<String> asSupport = send(d.method(), d.concrete(), supportToken, "{}");
            if (asSupport.statusCode() == 401 || asSupport.statusCode() == 403) wrong.add("support token " + d + " -> " + asSupport.statusCode());
            if (asSupport.statusCode() >= 500) wrong.add("support token " + d + " -> " + asSupport.statusCode() + " " + asSupport.body());
        }
        assertThat(wrong).isEmpty();
        assertThat(send("GET", "/api/v1/status", "not-a-token", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/status", "Basic " + supportToken, null).statusCode()).as("only Bearer").isEqualTo(401);
    }

    @Test
    void eachRoleSeesItsOwnPages() throws Exception {
        Map<String, Map<String, Integer>> expected = Map.of(
                "anna:operator-secret-1", Map.of("/ui/search", 200, "/ui/errors", 200, "/ui/stores", 403, "/ui/stores/URMY", 403, "/ui/audit", 403),
                "sam:support-secret-2", Map.of("/ui/search", 200, "/ui/errors", 200, "/ui/stores", 200, "/ui/stores/URMY", 200, "/ui/audit", 403),
                "ada:admin-secret-3", Map.of("/ui/search", 200, "/ui/errors", 200, "/ui/stores", 200, "/ui/stores/URMY", 200, "/ui/audit", 200));
        List<String> wrong = new ArrayList<>();
        for (var account : expected.entrySet()) {
            String[] np = account.getKey().split(":");
            HttpClient browser = login(np[0], np[1]);
            for (var page : account.getValue().entrySet()) {
                int got = browser.send(HttpRequest.newBuilder(URI.create(base + page.getKey())).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                if (got != page.getValue()) wrong.add(np[0] + " " + page.getKey() + " -> " + got + " (want " + page.getValue() + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void uiChangesNeedTheSessionsOwnCsrfToken() throws Exception {
        HttpClient anna = login("anna", "operator-secret-1");
        String annas = csrf(anna, "/ui/search");
        HttpClient sam = login("sam", "support-secret-2");
        String form = "card=7000123412341234&from=&to=";
        assertThat(postForm(anna, "/ui/search", form).statusCode()).as("no token").isEqualTo(403);
        assertThat(postForm(anna, "/ui/search", form + "&csrf=forged").statusCode()).as("a made-up token").isEqualTo(403);
        assertThat(postForm(sam, "/ui/search", form + "&csrf=" + enc(annas)).statusCode()).as("another session's token").isEqualTo(403);
        assertThat(postForm(anna, "/ui/logout", "").statusCode()).as("logout without a token").isEqualTo(403);
        assertThat(anna.send(HttpRequest.newBuilder(URI.create(base + "/ui/search")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("still logged in").isEqualTo(200);
        HttpResponse<String> ok = postForm(anna, "/ui/search", form + "&csrf=" + enc(annas));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).doesNotContain("7000123412341234");
    }

    @Test
    void badBodiesAndParametersGetA4xxWithAReason() throws Exception {
        String t = supportToken;
        assertError(send("POST", "/api/v1/ingest/bad/POS01", t, "x\n"), 400, "bad_store");
        assertError(send("POST", "/api/v1/ingest/URMY/TILL1", t, "x\n"), 400, "bad_register");
        assertError(send("POST", "/api/v1/transactions/search", t, "{\"card\":\"12\"}"), 400, "bad_card");
        assertError(send("GET", "/api/v1/transactions?store=URMY&from=yesterday", t, null), 400, "bad_time");
        assertError(send("GET", "/api/v1/transactions", t, null), 400, "bad_store");
        assertError(send("GET", "/api/v1/incidents?state=sideways", t, null), 400, "bad_state");
        assertError(send("GET", "/api/v1/incidents?store=urmy!", t, null), 400, "bad_store");
        assertError(send("GET", "/api/v1/incidents/nope", t, null), 404, "unknown_incident");
        assertError(send("POST", "/api/v1/silences", t, "not json"), 400, "bad_body");
        assertError(send("POST", "/api/v1/silences", t, "{}"), 400, "missing_by");
        assertError(send("POST", "/api/v1/silences", t, "{\"by\":\"sam\"}"), 400, "bad_silence");
        assertError(send("POST", "/api/v1/silences", t, "{\"store\":\"URMY\",\"duration\":\"forever\",\"reason\":\"r\",\"by\":\"sam\"}"), 400, "bad_duration");
        assertError(send("DELETE", "/api/v1/silences/none", t, null), 404, "unknown_silence");
        assertError(send("GET", "/api/v1/tickets?status=lost", t, null), 400, "bad_status");
        assertError(send("GET", "/api/v1/tickets?limit=0", t, null), 400, "bad_limit");
        assertError(send("POST", "/api/v1/tickets", t, "not json"), 400, "bad_json");
        assertError(send("POST", "/api/v1/tickets/test", t, "{}"), 400, "bad_tickets");
        assertError(send("POST", "/api/v1/organizer/receipts", t, "[1,2]"), 400, "bad_json");
        assertError(send("POST", "/api/v1/organizer/receipts", t, "{\"filter\":{\"store\":\"URMY\"},\"offset\":5,\"after\":{\"closed_at\":1,\"store\":\"URMY\",\"register\":\"POS01\"}}"), 400, "bad_after");
        HttpClient anna = login("anna", "operator-secret-1");
        String token = csrf(anna, "/ui/search");
        HttpResponse<String> badCard = postForm(anna, "/ui/search", "card=12ab&from=&to=&csrf=" + enc(token));
        assertThat(badCard.statusCode()).isEqualTo(400);
        assertThat(badCard.body()).contains("Номер карты");
        assertThat(postForm(anna, "/ui/search", "card=7000123412341234&from=2026-13-45&to=&csrf=" + enc(token)).statusCode()).isEqualTo(400);
    }

    private static void assertError(HttpResponse<String> r, int status, String error) throws IOException {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.uri() + ": " + r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).as(r.body()).isEqualTo(error);
        assertThat(body.get("reason").asText()).isNotBlank();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null || method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient login(String name, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> r = postForm(browser, "/ui/login", "name=" + enc(name) + "&password=" + enc(password) + "&csrf=" + enc(csrf(browser, "/ui/login")));
        assertThat(r.statusCode()).as("login " + name).isEqualTo(303);
        return browser;
    }

    private String csrf(HttpClient browser, String path) throws Exception {
        Matcher m = CSRF.matcher(browser.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(m.find()).as("a CSRF token on " + path).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> postForm(HttpClient browser, String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
