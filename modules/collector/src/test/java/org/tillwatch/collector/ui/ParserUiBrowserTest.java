package org.tillwatch.collector.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tillwatch.collector.Collector;
import org.tillwatch.collector.SampleFleet;
import org.tillwatch.config.CollectorConfig;
import org.tillwatch.config.Security;
import org.tillwatch.web.auth.PasswordHasher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Parser UI in headless Chromium against a real collector tailing a copy of the sample fleet, with one position
 * name in one register's log replaced by a script: log in, find the cases of expected.json by card, read them in plain
 * words, look codes up, see a store's chart, and check that the planted script is shown as text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParserUiBrowserTest {
    static final String XSS = "<script>window.xss=1</script><img src=x onerror=window.xss=2>";
    static final String OPERATOR_PASSWORD = "operator-secret-1";
    static final String SUPPORT_PASSWORD = "support-secret-2";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    Collector collector;
    BrowserSession browser;
    JsonNode expected;
    Path data;
    String xssReceipt;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        expected = new ObjectMapper().readTree(SampleFleet.root().resolve("expected.json").toFile());
        Path logs = tmp.resolve("logs");
        copyTree(SampleFleet.root().resolve("logs"), logs);
        xssReceipt = plantScript(logs.resolve("URMY/POS02/pos-2026-11-20.log"));
        data = tmp.resolve("data");
        Security security = new Security(java.time.Duration.ofMinutes(30), List.of(
                new Security.User("anna", PasswordHasher.hash(OPERATOR_PASSWORD.toCharArray()), "operator"),
                new Security.User("sam", PasswordHasher.hash(SUPPORT_PASSWORD.toCharArray()), "support")), List.of());
        CollectorConfig cfg = CollectorConfig.defaults().withDataDir(data).withPort(0).withHost("127.0.0.1")
                .withStoresRegistry(SampleFleet.root().resolve("stores.csv")).withLogsRoot(logs).withSecurity(security);
        collector = Collector.start(cfg, Map.of("TILLWATCH_CARD_KEY", "00112233445566778899aabbccddeeff"));
        long total = expected.get("receipts_total").asLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && receipts() < total) Thread.sleep(200);
        assertThat(receipts()).isEqualTo(total);
        Thread.sleep(1500); // counted is not yet searchable: the index refreshes every 500 ms
        browser = new BrowserSession("http://127.0.0.1:" + collector.port());
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) browser.close();
        if (collector != null) collector.close();
    }

    @Test
    @Order(1)
    void theUiNeedsALoginAndRefusesAWrongPassword() throws Exception {
        browser.open("/ui/search");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/ui/login");
        assertThat(browser.find("h1").getText()).isEqualTo("Вход в tillwatch");
        browser.screenshot("01-login");
        login("anna", "wrong-password");
        assertThat(browser.find("#error").getText()).isEqualTo("Неверное имя пользователя или пароль.");
        login("anna", OPERATOR_PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/ui/search");
        assertThat(browser.find("#user").getText()).isEqualTo("anna · оператор");
    }

    @Test
    @Order(2)
    void aBagAfterSubtotalReceiptIsExplained() throws Exception {
        Case c = find(t -> t.get("bag").asBoolean() && names(t).contains("DifferentCheque"));
        search(c.card, c.date());
        WebElement row = browser.find("tr[data-id='" + c.id + "']");
        assertThat(row.findElement(By.cssSelector(".badge")).getAttribute("data-badge")).isEqualTo("changed");
        assertThat(row.getText()).contains("чек изменён после расчёта").contains(c.tx.get("total").asText());
        assertThat(browser.find("#results-title").getText()).contains("•••• " + c.card.substring(c.card.length() - 4)).doesNotContain(c.card);
        assertThat(browser.driver.getPageSource()).as("the results page shows the card masked only").doesNotContain(c.card);
        browser.screenshot("02-search-results");
        browser.clickThrough(row.findElement(By.cssSelector("a.open")));
        WebElement changed = browser.find("[data-situation='changed']");
        assertThat(changed.getText()).contains("Чек изменён после расчёта").contains("пакет").contains("отклонила подтверждение");
        assertThat(browser.find(".explanation[data-outcome='DifferentCheque']").getText())
                .contains("Что сказать клиенту").contains("Эскалация").contains("Бэк-офис программы лояльности");
        assertThat(browser.all("#basket [data-late='true']")).isNotEmpty();
        assertThat(browser.driver.getPageSource()).doesNotContain(c.card);
        browser.screenshot("03-receipt-bag-after-subtotal");
        browser.driver.manage().window().setSize(new Dimension(820, 1180));
        assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling on a tablet").isTrue();
        browser.screenshot("04-receipt-tablet");
        browser.driver.manage().window().setSize(new Dimension(1366, 900));
    }

    @Test
    @Order(3)
    void promoItemsAreNamedAsEarningNothing() throws Exception {
        Case c = find(t -> t.get("positions").asInt() > 0 && t.get("promo_positions").asInt() == t.get("positions").asInt()
                && t.get("accrued").asText().equals("0.00") && names(t).stream().allMatch("Ok"::equals));
        search(c.card, c.date());
        WebElement row = browser.find("tr[data-id='" + c.id + "']");
        assertThat(row.getText()).contains("акционная цена: баллы не начисляются");
        browser.clickThrough(row.findElement(By.cssSelector("a.open")));
        assertThat(browser.find("[data-situation='promo']").getText()).startsWith("Товары по акции без баллов");
        assertThat(browser.all("#basket tr.promo")).hasSize(c.tx.get("promo_positions").asInt());
        assertThat(browser.find("#basket tr.promo").getText()).contains("акционная цена: баллы не начисляются");
    }

    @Test
    @Order(4)
    void aBlockedCardIsSaidOutright() throws Exception {
        Case c = find(t -> names(t).contains("CardBlocked"));
        search(c.card, c.date());
        WebElement row = browser.find("tr[data-id='" + c.id + "']");
        assertThat(row.findElement(By.cssSelector(".badge")).getAttribute("data-badge")).isEqualTo("card");
        browser.clickThrough(row.findElement(By.cssSelector("a.open")));
        assertThat(browser.find("[data-situation='card']").getText()).contains("Карта не принята").contains("заблокирована");
        assertThat(browser.find(".explanation[data-outcome='CardBlocked']").getText()).contains("Карта заблокирована");
        browser.screenshot("05-receipt-card-blocked");
        List<String> audit = Files.readAllLines(data.resolve("audit/ui-audit.ndjson"));
        assertThat(audit.stream().filter(l -> l.contains("\"card_lookup\"") && l.contains("\"user\":\"anna\""))).hasSize(3);
        assertThat(audit).anyMatch(l -> l.contains("•••• " + c.card.substring(c.card.length() - 4)));
        assertThat(String.join("\n", audit)).doesNotContain(c.card);
    }

    @Test
    @Order(41)
    void pendingPointsAndServiceFailuresAreNamed() throws Exception {
        Case pending = find(t -> t.get("pending").asBoolean());
        browser.open("/ui/receipts/" + pending.id);
        assertThat(browser.find("[data-situation='pending']").getText()).contains("офлайн-очереди");
        // The alerting API says which incident was open when each gateway failure's receipt closed; the page links it.
        JsonNode withIncident = null;
        JsonNode without = null;
        String incident = null;
        for (JsonNode t : (Iterable<JsonNode>) expected.get("transactions")::elements) {
            if (!names(t).contains("HTTP_502")) continue;
            String at = java.time.OffsetDateTime.parse(t.get("closed_utc").asText()).toInstant().toString();
            JsonNode open = api("/api/v1/incidents?store=" + t.get("store").asText() + "&at=" + at).get("incidents");
            if (open.isEmpty() && without == null) without = t;
            if (!open.isEmpty() && withIncident == null) {
                withIncident = t;
                incident = open.get(0).get("id").asText();
            }
        }
        assertThat(withIncident).as("the sample's chain incident is seen by alerting").isNotNull();
        browser.open("/ui/receipts/" + withIncident.get("id").asText());
        assertThat(browser.find("[data-situation='service']").getText()).contains("Сбой программы лояльности").contains("не проблема с картой");
        assertThat(browser.find("[data-situation='service'] a.incident").getAttribute("href")).endsWith("/api/v1/incidents/" + incident);
        assertThat(browser.find(".explanation[data-outcome='HTTP_502']").getText()).contains("Дежурный процессинга");
        browser.screenshot("05b-receipt-service-failure");
        if (without != null) {
            browser.open("/ui/receipts/" + without.get("id").asText());
            assertThat(browser.find("#no-incident").getText()).isEqualTo("Открытого инцидента на это время не найдено.");
        }
    }

    @Test
    @Order(5)
    void theDictionaryLooksCodesUpInBothLanguages() throws Exception {
        browser.open("/ui/errors");
        browser.find("#q").sendKeys("11");
        browser.find("#lookup").click();
        // the click submits the form: wait for the answer page instead of racing its load
        WebElement e = browser.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions
                .presenceOfElementLocated(org.openqa.selenium.By.cssSelector("#lookup-result .explanation")));
        assertThat(e.getAttribute("data-outcome")).isEqualTo("CardBlocked");
        assertThat(e.getText()).contains("Карта заблокирована").contains("Карта").contains("Что сказать клиенту");
        browser.screenshot("06-dictionary");
        browser.find("#lang-switch").click();
        browser.open("/ui/errors?q=11");
        assertThat(browser.find("#lookup-result .explanation").getText()).contains("Card blocked").contains("What to tell the customer");
        browser.open("/ui/errors?q=Gremlins%3Cb%3E");
        assertThat(browser.find("#unknown").getText()).contains("unknown code");
        assertThat(browser.find("#lookup-result .explanation h2").getText()).contains("Unknown outcome \"Gremlins<b>\"");
        browser.open("/ui/errors?lang=ru");
        assertThat(browser.all("ul.codes li")).hasSize(org.tillwatch.domain.model.OutcomeExplanations.all().size());
    }

    @Test
    @Order(6)
    void aScriptPlantedInTheLogIsShownAsText() throws Exception {
        browser.open("/ui/receipts/" + xssReceipt);
        WebElement item = browser.driver.findElements(By.cssSelector("#basket td.item")).stream()
                .filter(td -> td.getText().contains("<script>")).findFirst().orElseThrow();
        assertThat(item.getText()).contains(XSS);
        assertThat(browser.js("return window.xss === undefined")).isEqualTo(true);
        assertThat(browser.all("#basket img")).isEmpty();
        assertThat(browser.all("#raw")).as("raw entries are for support").isEmpty();
        browser.screenshot("07-xss-as-text");
    }

    @Test
    @Order(7)
    void storePagesNeedSupportAndDrawTheDay() throws Exception {
        browser.open("/ui/stores/AX1B");
        assertThat(browser.find("#problem").getText()).isEqualTo("Недостаточно прав для этой страницы.");
        browser.clickThrough(browser.find("#logout"));
        login("sam", SUPPORT_PASSWORD);
        browser.open("/ui/stores");
        assertThat(browser.all("#stores tbody tr")).hasSize(expected.get("stores").size());
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("chain-chart"), "data-drawn", "true"));
        browser.screenshot("08-chain");
        browser.clickThrough(browser.find("#stores a[href='/ui/stores/AX1B']"));
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("store-chart"), "data-drawn", "true"));
        Number points = (Number) browser.js("return Chart.getChart('store-chart').data.datasets[0].data.filter(v => v !== null).length");
        assertThat(points.intValue()).isGreaterThan(10);
        Number volume = (Number) browser.js("return Chart.getChart('store-chart').data.datasets[2].data.reduce((a, b) => a + b, 0)");
        assertThat(volume.longValue()).isEqualTo(expected.get("stores").get("AX1B").get("loyalty").asLong());
        assertThat(browser.find("#failures").getText()).contains("DifferentCheque");
        browser.screenshot("09-store-AX1B");
        browser.open("/ui/receipts/" + xssReceipt);
        browser.find("#raw summary").click();
        assertThat(browser.find("#raw pre").getText()).contains("name=\"" + XSS + "\"");
        assertThat(browser.js("return window.xss === undefined")).isEqualTo(true);
    }

    @Test
    @Order(8)
    void formsWithoutTheSessionsTokenAreRefusedAndHeadersAreSet() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(browser.base + "/ui/search"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("card=7000000000000000")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    record Case(String card, String id, JsonNode tx) {
        String date() {
            return tx.get("opened_local").asText().substring(0, 10);
        }
    }

    /** The first receipt of expected.json's cards that fits. */
    private Case find(Predicate<JsonNode> fits) {
        var cards = expected.get("cards").fields();
        while (cards.hasNext()) {
            var card = cards.next();
            for (JsonNode t : card.getValue()) {
                if (fits.test(t)) return new Case(card.getKey(), t.get("id").asText(), t);
            }
        }
        throw new AssertionError("expected.json has no such receipt");
    }

    private static List<String> names(JsonNode t) {
        return java.util.stream.StreamSupport.stream(t.get("outcomes").spliterator(), false).map(JsonNode::asText).toList();
    }

    private void login(String name, String password) {
        browser.open("/ui/login");
        browser.find("#name").sendKeys(name);
        browser.find("#password").sendKeys(password);
        browser.clickThrough(browser.find("#login"));
    }

    private void search(String card, String date) {
        browser.open("/ui/search");
        browser.find("#card").sendKeys(card);
        browser.js("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[0];", date);
        browser.find("#find").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("results-title")));
    }

    private long receipts() throws Exception {
        return api("/api/v1/status").get("receipts").asLong();
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    /** Replaces the first position name of the log with {@link #XSS}; returns that receipt's id for the UI's URL. */
    private static String plantScript(Path log) throws IOException {
        String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1); // byte for byte, whatever the encoding
        Matcher position = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d) [^\\n]*Position added: [^\\n]* name=\"([^\"]*)\"", Pattern.MULTILINE).matcher(text);
        assertThat(position.find()).isTrue();
        Matcher opened = Pattern.compile("Receipt opened: shift=(\\d+) receipt=(\\d+)").matcher(text.substring(0, position.start()));
        String shift = null;
        String receipt = null;
        while (opened.find()) {
            shift = opened.group(1);
            receipt = opened.group(2);
        }
        assertThat(receipt).isNotNull();
        String planted = text.substring(0, position.start(2)) + XSS + text.substring(position.end(2));
        Files.write(log, planted.getBytes(StandardCharsets.ISO_8859_1));
        return "URMY/POS02/" + shift + "/" + receipt + "/" + position.group(1);
    }
}
