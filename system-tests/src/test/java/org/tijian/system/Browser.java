package org.tijian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs)
 * driving the console as a user would: one browser for a test class, screenshots under {@code target/screenshots},
 * and every JavaScript error the pages logged.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("tijian.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("tijian.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path screenshots;
    private final List<String> severe = new ArrayList<>();

    /** Fails with how to install them when Chromium or its driver is missing. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The console's browser tests need Chromium and its driver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ": install them with `apt-get install -y chromium chromium-driver` "
                    + "(.ci/run does this when they are missing)");
        }
    }

    Browser(String baseUrl, Path screenshots) {
        requireChromium();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1000", "--lang=zh-CN");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a console page by its hash route, e.g. {@code ledger?class=TIME_LIMITED}. */
    void open(String route) {
        driver.get(baseUrl + "/console/#/" + route);
    }

    /** Signs out (the token lives in the tab's session storage) and signs in as a demo user on the sign-in page. */
    void signInAs(String username) {
        // sign out on a page of the same origin that runs no console code, so no page is half-way through loading
        driver.get(baseUrl + "/console/config.json");
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.get(baseUrl + "/console/#/signin");
        click(By.cssSelector("button.user[data-username='" + username + "']"));
        waitUntil(d -> !d.getCurrentUrl().contains("#/signin"));
        visible(By.cssSelector("#nav a"));
    }

    WebElement visible(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PATIENCE).until(condition::apply);
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Keeps a screenshot of what the page shows now, as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the browser's console log since the last call, keeping SEVERE entries (JavaScript errors). */
    List<String> collectErrors(String page) {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(page + ": " + entry.getMessage());
            }
        }
        return severe;
    }

    /** Asserts that nothing SEVERE was logged since the last call. */
    void assertNoJavaScriptErrors() {
        try {
            assertThat(severe).as("SEVERE entries in the browser's console").isEmpty();
        } finally {
            severe.clear();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
