package org.tillwatch.collector.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** One headless Debian Chromium for a whole test class, driven by Debian's chromedriver; screenshots under target/. */
final class BrowserSession implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    final String base;
    private final Path profile;
    private final Path screenshots = Path.of("target", "screenshots");

    BrowserSession(String base) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (.ci/run installs them): apt-get install chromium chromium-driver");
        this.base = base;
        this.profile = Files.createTempDirectory("tillwatch-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=ru");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(screenshots);
    }

    void open(String path) {
        driver.get(base + path);
    }

    /**
     * Clicks something that loads a new page, and waits until a new document has loaded. The old document is marked and
     * the wait is for a complete document without the mark: asking the clicked element whether it went stale races the
     * navigation, and Chromium can then answer "Node with given id does not belong to the document" instead of "stale".
     */
    void clickThrough(WebElement e) {
        js("window.tillwatchOldPage = true;");
        e.click();
        waiting().until(d -> Boolean.TRUE.equals(js(
                "return window.tillwatchOldPage === undefined && document.readyState === 'complete';")));
    }

    /** Waits for the element (a click that submits or follows a link returns before the next page is there). */
    WebElement find(String css) {
        return waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** A wait that rides over a driver error from a page being replaced; on timeout the last error is the cause. */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    void screenshot(String name) throws IOException {
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, screenshots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    Object js(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
