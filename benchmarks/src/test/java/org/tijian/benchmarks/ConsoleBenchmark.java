package org.tijian.benchmarks;

import static org.tijian.benchmarks.EvaluationBenchmark.scalar;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tijian.standalone.Platform;
import org.tijian.standalone.PlatformConfig;
import org.tijian.testing.areas.GeneratedProvince;
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast the web console's pages load with a province's data (issue 10: under 1 s). The generated Jiangxi is
 * imported through the gateway, a year of housing findings and statistics goes onto intake's topics (the feed of
 * {@link EvaluationBenchmark}), and once evaluation, the ledger and the project library have worked through it, each
 * page's API calls are timed as the console makes them (calls of one step side by side, steps one after another), as
 * Nanchang's city official and as the provincial reviewer; then, when Chromium is installed, each page itself from
 * navigation until its content shows. Prints p50 / p95 / max per page against the floor (p95 under 1 s); asserts
 * nothing about speed.
 */
class ConsoleBenchmark {

    private static final long OBSERVATIONS = Long.getLong("benchmark.console.observations", 200_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.console.rounds", 30);
    private static final int BROWSER_ROUNDS = Integer.getInteger("benchmark.console.browserRounds", 10);
    private static final int LOAD_MINUTES = Integer.getInteger("benchmark.console.loadMinutes", 10);
    private static final int PORT_OFFSET = Integer.getInteger("benchmark.portOffset", 1600);
    private static final int COMMUNITIES = 5;
    private static final int COMPOUNDS = 8;
    private static final int YEAR = 2024;
    private static final String CITY = "3601";
    private static final String PROVINCE = "36";
    private static final String FLOOR = "p95 < 1 s";

    private final JsonMapper json = JsonMapper.builder().build();

    /** A page: steps run one after another, the calls of a step side by side. */
    record Page(String name, String user, List<List<String>> steps) {
    }

    @Test
    void pageLoads() throws Exception {
        Path work = IntakeBenchmark.freshWorkDir("benchmark-console-work");
        List<String> javaOptions = IntakeBenchmark.serviceJavaOptions();
        Report report = new Report("Console page loads, " + Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));

        long streets = GeneratedProvince.realDivisions().stream().filter(r -> r[2].equals("STREET")).count();
        int buildingsPerCompound = (int) Math.max(1, Math.ceil(OBSERVATIONS / (streets * COMPOUNDS * COMMUNITIES * 10 * 0.5)));
        GeneratedProvince province = GeneratedProvince.perStreet(COMMUNITIES, COMPOUNDS, buildingsPerCompound);
        EvaluationBenchmark.ProvinceFeed feed = new EvaluationBenchmark.ProvinceFeed(OBSERVATIONS, buildingsPerCompound);

        PlatformConfig config = IntakeBenchmark.platformConfig(work, PORT_OFFSET, javaOptions)
                .startupTimeout(Duration.ofMinutes(10))
                .build();
        progress("starting the platform in %s", config.dataDir());
        try (Platform platform = Platform.start(config)) {
            Api admin = new Api(platform.gatewayUrl(), platform.tokenFor("admin"));
            long started = System.nanoTime();
            EvaluationBenchmark.importAreas(admin, province.writeCsv(work.resolve("province.csv"), StandardCharsets.UTF_8));
            progress("%,d areas imported in %s s", province.areaCount(), elapsed(started));

            started = System.nanoTime();
            EvaluationBenchmark.ProvinceFeed.Written written = feed.write(platform.kafkaBootstrapServers(), json);
            progress("%,d findings and %,d values on intake's topics; waiting for evaluation, ledger and projects",
                    written.findings(), written.values());
            Map<String, Long> counts = settle(platform, Duration.ofMinutes(LOAD_MINUTES));
            report.context(String.format("machine: %d cores, Java %s; services %s", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), String.join(" ", javaOptions)));
            report.context(String.format("data: generated Jiangxi, %,d areas (%,d streets, %,d buildings); %,d findings and"
                    + " %,d values of %d → %,d results, %,d problems, %,d projects when measured, %s s after the feed"
                    + " (not timed)%s", province.areaCount(), streets, feed.buildings(), written.findings(), written.values(),
                    YEAR, counts.get("results"), counts.get("problems"), counts.get("projects"), elapsed(started),
                    counts.get("settled") == 1 ? "; everything settled" : "; NOT settled: the load budget of "
                            + LOAD_MINUTES + " min ran out first (benchmark.console.loadMinutes), the pages were measured"
                            + " on what the services held then"));

            List<Page> pages = pages(platform);
            for (Page page : pages) {
                Api api = new Api(platform.gatewayUrl(), platform.tokenFor(page.user()));
                for (int i = 0; i < 3; i++) {
                    load(api, page);
                }
                long[] nanos = new long[ROUNDS];
                for (int i = 0; i < ROUNDS; i++) {
                    nanos[i] = load(api, page);
                }
                report.figure("API calls of " + page.name() + " (" + page.user() + ", " + ROUNDS + " loads)", percentiles(nanos),
                        FLOOR, underASecond(nanos));
            }
            browserPages(platform, report);
        }
        report.printAndWrite(work.getParent().resolve("benchmark-console-results.md"));
    }

    /** The pages as the console loads them, with the ids of a real problem and result of Nanchang. */
    private List<Page> pages(Platform platform) throws Exception {
        Api official = new Api(platform.gatewayUrl(), platform.tokenFor("nanchang-official"));
        var found = official.get("/api/ledger/problems?areaCode=" + CITY + "&checkYear=" + YEAR + "&size=1").expect(200).json();
        if (found.isEmpty()) {
            throw new IllegalStateException("the ledger holds no problem of " + CITY + " yet: raise benchmark.console.loadMinutes");
        }
        var problem = found.get(0);
        String problemId = problem.get("id").asString();
        String resultId = problem.get("sourceResultId").asString();
        String street = GeneratedProvince.realDivisions().stream()
                .filter(r -> r[2].equals("STREET") && r[0].startsWith(CITY)).findFirst().orElseThrow()[0];
        String y = "checkYear=" + YEAR;
        String ledger = "/api/ledger/problems?areaCode=" + CITY + "&" + y;
        return List.of(
                new Page("scorecard of the city", "nanchang-official", List.of(
                        List.of("/api/evaluation/areas/" + CITY + "?limit=200", "/api/evaluation/areas/" + CITY + "/results?" + y,
                                "/api/evaluation/areas/" + CITY + "/children/verdicts?" + y),
                        List.of("/api/evaluation/scorecards/" + CITY + "/" + YEAR))),
                new Page("scorecard of a street (drill-down)", "nanchang-official", List.of(
                        List.of("/api/evaluation/areas/" + street + "?limit=200", "/api/evaluation/areas/" + street + "/results?" + y,
                                "/api/evaluation/areas/" + street + "/children/verdicts?" + y))),
                new Page("scorecard of the province", "province-reviewer", List.of(
                        List.of("/api/evaluation/areas/" + PROVINCE + "?limit=200", "/api/evaluation/areas/" + PROVINCE + "/results?" + y,
                                "/api/evaluation/areas/" + PROVINCE + "/children/verdicts?" + y))),
                new Page("ledger, first page of the city", "nanchang-official", List.of(List.of(ledger + "&page=0&size=50"))),
                new Page("ledger, 限时解决 sorted by deadline", "nanchang-official",
                        List.of(List.of(ledger + "&class=TIME_LIMITED&sort=deadline,asc&page=0&size=50"))),
                new Page("ledger, page 200 of the city", "nanchang-official", List.of(List.of(ledger + "&page=200&size=50"))),
                new Page("ledger, first page of the province", "province-reviewer",
                        List.of(List.of("/api/ledger/problems?areaCode=" + PROVINCE + "&" + y + "&page=0&size=50"))),
                new Page("problem with lineage", "nanchang-official", List.of(
                        List.of("/api/ledger/problems/" + problemId), List.of("/api/evaluation/results/" + resultId + "/lineage?size=20"))),
                new Page("rectification progress of the city", "nanchang-official", List.of(List.of(
                        "/api/ledger/statistics/units?areaCode=" + CITY + "&" + y,
                        "/api/ledger/statistics/completion?areaCode=" + CITY + "&" + y,
                        "/api/ledger/statistics/burn-down?areaCode=" + CITY + "&" + y,
                        ledger + "&class=TIME_LIMITED&page=0&size=20", ledger + "&class=BEST_EFFORT&page=0&size=20"))),
                new Page("project library of the city", "nanchang-official", List.of(List.of(
                        "/api/projects?areaCode=" + CITY + "&planYear=" + (YEAR + 1) + "&limit=51&offset=0",
                        "/api/projects/library/totals?areaCode=" + CITY + "&planYear=" + (YEAR + 1)))),
                new Page("intake: batches and who has not submitted", "nanchang-official", List.of(List.of(
                        "/api/intake/submissions?" + y + "&limit=50", "/api/intake/completeness?" + y + "&areaCode=" + CITY))));
    }

    /** One page load: the nanoseconds until the last call of the last step answered. */
    private static long load(Api api, Page page) {
        long start = System.nanoTime();
        for (List<String> step : page.steps()) {
            List<CompletableFuture<HttpResponse<String>>> calls = step.stream().map(api::getAsync).toList();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.join();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.uri() + ": HTTP " + response.statusCode() + " " + response.body());
                }
            }
        }
        return System.nanoTime() - start;
    }

    /** The console's pages in headless Chromium, from navigation until the page's content shows. */
    private void browserPages(Platform platform, Report report) {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driverPath = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driverPath)) {
            report.note("Chromium not installed: pages in the browser not timed");
            return;
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driverPath.toFile())
                .usingAnyFreePort().build(), options);
        try {
            String console = platform.gatewayUrl() + "/console/";
            driver.get(console);
            driver.executeScript("sessionStorage.clear(); location.hash = '#/signin';");
            wait(driver).until(d -> !d.findElements(By.cssSelector("button.user[data-username='nanchang-official']")).isEmpty());
            driver.findElement(By.cssSelector("button.user[data-username='nanchang-official']")).click();
            wait(driver).until(d -> !d.findElements(By.id("scorecard-counts")).isEmpty());
            Map<String, String> routes = new LinkedHashMap<>();
            routes.put("scorecard?year=" + YEAR, "#scorecard-counts");
            routes.put("ledger?year=" + YEAR, "#ledger-table .problem-link");
            routes.put("progress?year=" + YEAR, "#progress-TIME_LIMITED .problem-link");
            routes.put("projects?planYear=" + (YEAR + 1), "#project-totals table");
            routes.put("intake?year=" + YEAR, "#missing-departments");
            for (Map.Entry<String, String> route : routes.entrySet()) {
                long[] nanos = new long[BROWSER_ROUNDS];
                for (int i = -2; i < BROWSER_ROUNDS; i++) {
                    driver.get("about:blank");
                    long start = System.nanoTime();
                    driver.get(console + "#/" + route.getKey());
                    wait(driver).until(d -> !d.findElements(By.cssSelector(route.getValue())).isEmpty());
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - start;
                    }
                }
                report.figure("page in Chromium: #/" + route.getKey() + " (nanchang-official, " + BROWSER_ROUNDS + " loads)",
                        percentiles(nanos), FLOOR, underASecond(nanos));
            }
        } finally {
            driver.quit();
        }
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /**
     * Waits until evaluation, the ledger and the project library have nothing left to do and their counts hold still,
     * or until the budget is spent; the answer says which ({@code settled} 1 or 0) with the counts.
     */
    private static Map<String, Long> settle(Platform platform, Duration budget) throws Exception {
        try (Connection evaluation = DriverManager.getConnection(platform.jdbcUrl("tijian_evaluation"), "tijian", "tijian");
                Connection ledger = DriverManager.getConnection(platform.jdbcUrl("tijian_ledger"), "tijian", "tijian");
                Connection projects = DriverManager.getConnection(platform.jdbcUrl("tijian_projects"), "tijian", "tijian")) {
            long[] last = {-1, -1, -1};
            int[] still = {0};
            long started = System.nanoTime();
            long deadline = started + budget.toNanos();
            EvaluationBenchmark.await("evaluation, ledger and projects to settle", budget.plusMinutes(1), () -> {
                long[] now = {scalar(evaluation, "select count(*) from indicator_result"),
                    scalar(ledger, "select count(*) from problem"),
                    scalar(projects, "select count(*) from project")};
                boolean idle = scalar(evaluation, "select count(*) from evaluation_pending") == 0
                        && scalar(evaluation, "select count(*) from outbox_event where published_at is null") == 0
                        && scalar(ledger, "select count(*) from outbox_event where published_at is null") == 0;
                still[0] = idle && Arrays.equals(now, last) ? still[0] + 1 : 0;
                last[0] = now[0];
                last[1] = now[1];
                last[2] = now[2];
                if ((System.nanoTime() - started) / 1_000_000_000L % 30 < 2) {
                    progress("  results %,d, problems %,d, projects %,d", now[0], now[1], now[2]);
                }
                return still[0] >= 5 || System.nanoTime() > deadline;
            });
            return Map.of("results", last[0], "problems", last[1], "projects", last[2], "settled", still[0] >= 5 ? 1L : 0L);
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.0f ms, p95 %.0f ms, max %.0f ms", ms(sorted, 0.50), ms(sorted, 0.95),
                sorted[sorted.length - 1] / 1e6);
    }

    /** Issue 10: pages load in under 1 s with a province's data; held to at p95. */
    private static boolean underASecond(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return ms(sorted, 0.95) < 1000;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void progress(String format, Object... arguments) {
        System.out.printf("[console benchmark] " + format + "%n", arguments);
    }

    private static String elapsed(long since) {
        return String.format("%.1f", (System.nanoTime() - since) / 1e9);
    }
}
