package org.tijian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tijian.standalone.DemoCity;
import org.tijian.standalone.Platform;

/**
 * The officials' web console in real headless Chromium against the whole platform with the demo city (南昌市):
 * sign in, the scorecard with its drill-down and English switch, the ledger filtered and sorted, a problem confirmed
 * and assigned, a department's CSV uploaded and followed to its summary, the project library submitted and approved.
 * Screenshots go to {@code target/screenshots}; no page may log a JavaScript error.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private static Platform platform;
    private static Browser browser;

    @BeforeAll
    static void startPlatformAndBrowser() throws Exception {
        // fail before the platform starts when Chromium is missing: the message says how to install it
        Browser.requireChromium();
        platform = Platform.start(TestPlatforms.freshConfig("console", "tijian.e2e.consolePortOffset", 800));
        DemoCity.loadOnce(platform, System.out::println);
        ApiClient official = new ApiClient(platform.gatewayUrl(), platform.tokenFor("nanchang-official"));
        Awaitility.await("the demo's problems and draft projects").atMost(PIPELINE).until(() ->
                official.get("/api/ledger/problems?areaCode=3601&checkYear=2025&class=TIME_LIMITED").json().size() > 0
                        && official.get("/api/projects?areaCode=3601&planYear=2026&status=DRAFT").json().size() > 0);
        browser = new Browser(platform.gatewayUrl(), Path.of("target", "screenshots"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /** What the page showed when a test failed, as {@code target/screenshots/failed-<test>.png}. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @AfterEach
    void noJavaScriptErrors(TestInfo test) {
        browser.collectErrors(test.getDisplayName());
        browser.assertNoJavaScriptErrors();
    }

    @Test
    @Order(1)
    void officialSignsInAndReadsTheScorecard() {
        browser.driver().get(platform.gatewayUrl() + "/");
        browser.visible(By.cssSelector("button.user[data-username='nanchang-official']"));
        browser.screenshot("01-sign-in");

        browser.signInAs("nanchang-official");
        browser.waitForText(By.id("scorecard-counts"), "未达标");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("南昌市").contains("2025");
        browser.waitUntil(d -> d.findElements(By.cssSelector(".chart canvas")).size() >= 3);
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-indicator='U01'] .verdict-FAIL"))).hasSize(1);
        browser.screenshot("02-scorecard-nanchang");

        browser.click(By.cssSelector("button.child-area[data-code='360102']"));
        browser.waitForText(By.tagName("h1"), "东湖区");
        browser.screenshot("03-scorecard-donghu");

        browser.click(By.id("lang-switch"));
        browser.waitForText(By.tagName("h1"), "city health check");
        browser.screenshot("04-scorecard-english");
        browser.click(By.id("lang-switch"));
        browser.waitForText(By.tagName("h1"), "城市体检总览");
    }

    @Test
    @Order(2)
    void officialFiltersAndSortsTheLedger() {
        browser.open("ledger");
        browser.visible(By.cssSelector("#ledger-table .problem-link"));
        new Select(browser.visible(By.id("class"))).selectByValue("TIME_LIMITED");
        browser.click(By.id("ledger-search"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("class=TIME_LIMITED"));
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#ledger-table .problem-link")).isEmpty());
        List<WebElement> classes = browser.driver().findElements(By.cssSelector("#ledger-table td .badge"));
        assertThat(classes).isNotEmpty().allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("限时解决"));

        browser.click(By.xpath("//table[@id='ledger-table']//th//button[contains(., '整改期限')]"));
        browser.waitUntil(d -> "ascending".equals(d.findElement(By.xpath("//table[@id='ledger-table']//th[@aria-sort]"))
                .getAttribute("aria-sort")));
        browser.screenshot("05-ledger-time-limited");
    }

    @Test
    @Order(3)
    void officialConfirmsAndAssignsAProblem() {
        browser.open("ledger?status=IDENTIFIED&class=BEST_EFFORT");
        browser.click(By.cssSelector("#ledger-table .problem-link"));
        browser.waitForText(By.id("problem-status"), "已识别");
        browser.visible(By.cssSelector("#problem-history li"));

        browser.click(By.cssSelector("button[data-action='CONFIRM']"));
        browser.click(By.id("action-submit"));
        browser.waitForText(By.id("problem-status"), "已确认");

        browser.click(By.cssSelector("button[data-action='ASSIGN']"));
        WebElement unit = browser.visible(By.cssSelector("form[data-action='ASSIGN'] input[name='unit']"));
        unit.clear();
        unit.sendKeys("water");
        browser.driver().executeScript("document.querySelector(\"form[data-action='ASSIGN'] input[name='deadline']\").value = '2030-09-30'");
        browser.click(By.id("action-submit"));
        browser.waitForText(By.id("problem-status"), "已交办");
        browser.waitForText(By.id("problem-history"), "交办");
        browser.screenshot("06-problem-assigned");
    }

    @Test
    @Order(4)
    void officialReadsRectificationProgress() {
        browser.open("progress");
        browser.visible(By.cssSelector("#progress-TIME_LIMITED .problem-link"));
        browser.waitUntil(d -> d.findElements(By.cssSelector(".chart canvas")).size() >= 2);
        browser.screenshot("07-progress");
    }

    @Test
    @Order(5)
    void departmentUploadsACsvAndWatchesItFinish() throws Exception {
        Path csv = Files.createTempFile("water-", ".csv");
        Files.writeString(csv, """
                dataElement,areaCode,value,unit,note
                U01,360102,79,%,东湖区（更正）
                U01,360103,68,%,西湖区
                U01,360104,72,%,青云谱区
                """);
        browser.signInAs("water-dept");
        browser.open("intake");
        browser.visible(By.id("upload-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.click(By.id("upload-send"));
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#upload-outcome[data-status]")).isEmpty());
        assertThat(browser.driver().findElement(By.id("upload-outcome")).getAttribute("data-status")).isEqualTo("SUCCEEDED");
        assertThat(browser.driver().findElement(By.id("upload-progress")).getAttribute("value")).isEqualTo("100");
        browser.screenshot("08-intake-finished");
    }

    @Test
    @Order(6)
    void officialSubmitsTheLibraryAndTheApproverApprovesIt() {
        browser.signInAs("nanchang-official");
        browser.open("projects?planYear=2026");
        browser.visible(By.cssSelector("#project-totals table"));
        browser.click(By.id("submit-batch"));
        browser.waitUntil(d -> d.findElements(By.xpath("//span[@class='project-status' and text()='建议稿']")).isEmpty()
                && !d.findElements(By.xpath("//span[@class='project-status' and text()='已提交']")).isEmpty());
        browser.screenshot("09-projects-submitted");

        browser.signInAs("approver");
        browser.open("projects?planYear=2026");
        browser.visible(By.id("resolution-number")).sendKeys("洪府常〔2026〕3号");
        browser.click(By.id("approve-batch"));
        browser.waitUntil(d -> d.findElements(By.xpath("//span[@class='project-status' and text()='已提交']")).isEmpty()
                && !d.findElements(By.xpath("//span[@class='project-status' and text()='已批准']")).isEmpty());
        browser.screenshot("10-projects-approved");
    }

    @Test
    @Order(7)
    void aPageLeftBeforeItsDataArrivedDoesNotDrawOverTheNextOne() {
        browser.signInAs("nanchang-official");
        browser.open("intake");
        browser.visible(By.id("batch-list"));
        // hold the scorecard's last request until the user has moved on to the intake page
        browser.driver().executeScript("""
                window.drawnPages = [];
                document.addEventListener('tijian:page-drawn', (event) => window.drawnPages.push(event.detail));
                const realFetch = window.fetch;
                const held = new Promise((release) => { window.releaseScorecard = release; });
                window.fetch = (url, ...rest) => String(url).includes('/api/evaluation/scorecards/')
                    ? held.then(() => realFetch(url, ...rest)) : realFetch(url, ...rest);
                location.hash = '#/scorecard?area=3601&year=2025';
                """);
        browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-page='scorecard']")).isEmpty());
        browser.driver().executeScript("location.hash = '#/intake'");
        browser.waitUntil(d -> drawn("intake"));

        browser.driver().executeScript("window.releaseScorecard()");
        browser.waitUntil(d -> drawn("scorecard"));
        assertThat(browser.driver().findElements(By.id("batch-list"))).as("the intake page, still shown").hasSize(1);
        assertThat(browser.driver().findElements(By.id("scorecard-counts"))).as("the late scorecard").isEmpty();
    }

    /** Whether the page has finished drawing since the test began listening ({@code tijian:page-drawn}). */
    private static boolean drawn(String page) {
        return ((List<?>) browser.driver().executeScript("return window.drawnPages")).contains(page);
    }
}
