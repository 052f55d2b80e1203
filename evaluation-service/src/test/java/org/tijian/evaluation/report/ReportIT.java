package org.tijian.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.evaluation.EvaluationApi;
import org.tijian.evaluation.IntakeEvents;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read APIs over a small province whose results are sent once, as intake would publish them, for 2024 and 2025.
 *
 * <pre>
 * 测试省 350000
 * ├─ 甲市 359100 (PREFECTURE_CITY, MEDIUM, 1 000 000) ─ 甲区 359101 ─ 街道一 359101001 ─ 社区一 359101001001
 * │     ─ 小区一 359101001001001 (buildings …001, …002, …003)
 * ├─ 乙市 359200   ├─ 丙市 359300   └─ 丁市 359400 (nothing reported)
 * </pre>
 *
 * What 甲市 has, by hand from the national standards:
 * <pre>
 *            2024                          2025
 * U01 (>= 70) 7 000 / 10 000 = 70 PASS     6 000 → corrected 6 400 / 10 000 = 64 FAIL
 * U18 (= 0)   5 FAIL                       2 FAIL
 * U14 (>= 20) 25 PASS                      25 PASS
 * U04 (>= 3.2) 3 500 000 / 1 000 000 = 3.5 —
 * U10         —                            5 / 100 = 5 NOT_GRADED
 * U24         —                            only the construction land: NO_DATA [U24_COVERED_LAND]
 * H02 (= 0)   building 2: city 1 FAIL      building 1 (building 2 surveyed again, passes): city 1 FAIL
 * B04         —                            street 一 reports only the covered land: NO_DATA there, nothing above
 * </pre>
 * 2025 for comparison: U01 乙 80, 丙 80, 甲 64, 丁 none; U18 乙 0, 丙 1, 甲 2, 丁 none.
 */
@TijianIntegrationTest(database = "evaluation_report_it")
class ReportIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PROVINCE = "350000";
    private static final String JIA = "359100";
    private static final String YI = "359200";
    private static final String BING = "359300";
    private static final String DING = "359400";
    private static final String DISTRICT = "359101";
    private static final String STREET = "359101001";
    private static final String COMPOUND = "359101001001001";
    private static final String BUILDING_1 = COMPOUND + "001";
    private static final String BUILDING_2 = COMPOUND + "002";

    /** The batch and rows of 甲市's 2025 sewage figures and of the gas-hazard finding, to be found in the lineage. */
    private static final UUID VALUES_BATCH = UUID.randomUUID();
    private static final UUID CORRECTION_BATCH = UUID.randomUUID();
    private static final UUID FINDINGS_BATCH = UUID.randomUUID();

    private static boolean sent;

    @Value("${local.server.port}")
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    private WebTestClient as(String user) {
        return api().as(user);
    }

    private EvaluationApi api() {
        return new EvaluationApi(port, WAIT);
    }

    @BeforeEach
    void importTreeAndSendBothYearsOnce() {
        synchronized (ReportIT.class) {
            if (sent) {
                return;
            }
            importTree();

            // 2024
            value(2024, JIA, "U01_COLLECTED", "7000");
            value(2024, JIA, "U01_PRODUCED", "10000");
            value(2024, JIA, "U18_ACCIDENTS", "5");
            value(2024, JIA, "U14_PEAK_SPEED", "25");
            value(2024, JIA, "U04_SPORTS_GROUND_AREA", "3500000");
            finding(2024, "H02", BUILDING_2, UUID.randomUUID(), 2);
            survey(2024, "H02", STREET);
            awaitResults(2024, List.of(
                    expect(JIA, "U01", "PASS", "70"), expect(JIA, "U18", "FAIL", "5"), expect(JIA, "U14", "PASS", "25"),
                    expect(JIA, "U04", "PASS", "3.5"), expect(BUILDING_2, "H02", "FAIL", "1"),
                    expect(JIA, "H02", "FAIL", "1")));

            // 2025, first versions
            UUID first = value(2025, JIA, "U01_COLLECTED", "6000", 1, null, VALUES_BATCH, 3);
            value(2025, JIA, "U01_PRODUCED", "10000", 1, null, VALUES_BATCH, 4);
            value(2025, JIA, "U18_ACCIDENTS", "2");
            value(2025, JIA, "U14_PEAK_SPEED", "25");
            value(2025, JIA, "U10_VACANT", "5");
            value(2025, JIA, "U10_TOTAL", "100");
            value(2025, JIA, "U24_CONSTRUCTION_LAND", "50");
            value(2025, STREET, "B04_COVERED_RESIDENTIAL_LAND", "2");
            value(2025, YI, "U01_COLLECTED", "8000");
            value(2025, YI, "U01_PRODUCED", "10000");
            value(2025, YI, "U18_ACCIDENTS", "0");
            value(2025, BING, "U01_COLLECTED", "8000");
            value(2025, BING, "U01_PRODUCED", "10000");
            value(2025, BING, "U18_ACCIDENTS", "1");
            finding(2025, "H02", BUILDING_1, FINDINGS_BATCH, 7);
            survey(2025, "H02", STREET);
            awaitResults(2025, List.of(
                    expect(JIA, "U01", "FAIL", "60"), expect(JIA, "U18", "FAIL", "2"), expect(JIA, "U14", "PASS", "25"),
                    expect(JIA, "U10", "NOT_GRADED", "5"), expect(JIA, "U24", "NO_DATA", null),
                    expect(STREET, "B04", "NO_DATA", null), expect(YI, "U01", "PASS", "80"),
                    expect(YI, "U18", "PASS", "0"), expect(BING, "U01", "PASS", "80"), expect(BING, "U18", "FAIL", "1"),
                    expect(BUILDING_1, "H02", "FAIL", "1"), expect(BUILDING_2, "H02", "PASS", "0"),
                    expect(JIA, "H02", "FAIL", "1")));

            // 2025, a correction: a new version of 甲市's U01
            value(2025, JIA, "U01_COLLECTED", "6400", 2, first, CORRECTION_BATCH, 5);
            awaitResults(2025, List.of(expect(JIA, "U01", "FAIL", "64")));
            sent = true;
        }
    }

    // --- 1. scorecard

    @Test
    void aCityScorecardListsEveryNationalIndicatorByDimensionAndCountsTheVerdicts() {
        JsonNode card = get("/api/evaluation/scorecards/{city}/{year}", JIA, 2025);

        assertThat(card.get("cityNameZh").asString()).isEqualTo("甲市");
        // PASS: U14; FAIL: U01, U18, H02; NOT_GRADED: U10; the other 56 have no data (U24's result is NO_DATA)
        assertCounts(card.get("counts"), 61, 1, 3, 1, 56);
        List<JsonNode> dimensions = list(card.get("dimensions"));
        assertThat(dimensions).extracting(d -> d.get("dimension").asString())
                .containsExactly("HOUSING", "COMMUNITY", "BLOCK", "CITY");
        assertThat(dimensions.get(0).get("dimensionZh").asString()).isEqualTo("住房");
        assertCounts(dimensions.get(0).get("counts"), 10, 0, 1, 0, 9);
        assertCounts(dimensions.get(3).get("counts"), 31, 1, 2, 1, 27);

        JsonNode safety = dimensions.get(0).get("categories").get(0);
        assertThat(safety.get("categoryZh").asString()).isEqualTo("安全耐久");
        JsonNode h02 = safety.get("indicators").get(1);
        assertThat(h02.get("code").asString()).isEqualTo("H02");
        assertThat(h02.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(h02.get("itemsFailing").asLong()).isEqualTo(1);
        assertThat(h02.get("itemsSurveyed").asLong()).isEqualTo(3);
        assertThat(h02.get("itemsTotal").asLong()).isEqualTo(3);
        JsonNode h01 = safety.get("indicators").get(0);
        assertThat(h01.get("verdict").asString()).isEqualTo("NO_DATA");
        assertThat(strings(h01.get("missing"))).containsExactly("NO_INPUT");
        assertThat(h01.get("standard").asString()).isEqualTo("= 0");
        // 功能完备: the core H08 before H05–H07
        assertThat(list(dimensions.get(0).get("categories").get(1).get("indicators")))
                .extracting(r -> r.get("code").asString()).containsExactly("H08", "H05", "H06", "H07");

        JsonNode u01 = row(card, "U01");
        assertThat(num(u01.get("value"))).isEqualByComparingTo("64");
        assertThat(num(u01.get("gap"))).isEqualByComparingTo("6");
        assertThat(u01.get("standard").asString()).isEqualTo(">= 70");
        assertThat(u01.get("explanation").asString()).isEqualTo("6 400 / 10 000 = 64% < 70%");
        assertThat(u01.get("core").asBoolean()).isTrue();
        assertThat(strings(row(card, "U24").get("missing"))).containsExactly("U24_COVERED_LAND");

        // a year earlier: U01 passed at 70, U04 at 3.5, U14; U18 and H02 failed
        assertCounts(get("/api/evaluation/scorecards/{city}/{year}", JIA, 2024).get("counts"), 61, 3, 2, 0, 56);
    }

    @Test
    void aScorecardNeedsAKnownCityAndACheckYear() {
        problem("/api/evaluation/scorecards/358800/2025", 404, "AREA_E3014");
        problem("/api/evaluation/scorecards/" + DISTRICT + "/2025", 422, "EVAL_E2003");
        problem("/api/evaluation/scorecards/" + JIA + "/2019", 422, "EVAL_E2005");
        problem("/api/evaluation/scorecards/" + JIA + "/next", 400, "COMMON_E0400");
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().get()
                .uri("/api/evaluation/scorecards/{city}/2025", JIA).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anOfficialSeesNoReportOutsideItsAreas() {
        for (String uri : List.of("/api/evaluation/scorecards/" + JIA + "/2025",
                "/api/evaluation/areas/" + JIA + "/results?checkYear=2025",
                "/api/evaluation/year-over-year/" + JIA + "/2025",
                "/api/evaluation/completeness/" + JIA + "/2025",
                "/api/evaluation/comparison/" + PROVINCE + "/2025",
                "/api/evaluation/results?checkYear=2025&areaCode=" + JIA)) {
            as("nanchang-official").get().uri(uri).exchange().expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0430");
        }
    }

    // --- 2. one area's results

    @Test
    void anAreasResultsCarryLastYearsValueAndTheTrend() {
        JsonNode building = get("/api/evaluation/areas/{area}/results?checkYear={year}", BUILDING_2, 2025);

        assertThat(building.get("level").asString()).isEqualTo("BUILDING");
        assertThat(building.get("previousYear").asInt()).isEqualTo(2024);
        List<JsonNode> rows = list(building.get("results"));
        assertThat(rows).hasSize(1);
        JsonNode h02 = rows.get(0);
        assertThat(h02.get("code").asString()).isEqualTo("H02");
        assertThat(h02.get("verdict").asString()).isEqualTo("PASS");
        assertThat(num(h02.get("value"))).isEqualByComparingTo("0");
        assertThat(num(h02.get("previousValue"))).isEqualByComparingTo("1");
        assertThat(h02.get("previousVerdict").asString()).isEqualTo("FAIL");
        assertThat(h02.get("trend").asString()).isEqualTo("FALLING");
        assertThat(h02.get("trendZh").asString()).isEqualTo("下降");
        assertThat(h02.get("better").asBoolean()).isTrue();
        assertThat(h02.get("dimensionZh").asString()).isEqualTo("住房");

        JsonNode city = get("/api/evaluation/areas/{area}/results?checkYear={year}", JIA, 2025);
        assertThat(list(city.get("results"))).extracting(r -> r.get("code").asString())
                .containsExactly("H02", "U01", "U10", "U14", "U18", "U24");
        JsonNode u01 = list(city.get("results")).get(1);
        assertThat(num(u01.get("previousValue"))).isEqualByComparingTo("70");
        assertThat(u01.get("trend").asString()).isEqualTo("FALLING");
        assertThat(u01.get("better").asBoolean()).isFalse();
        assertCounts(city.get("counts"), 6, 1, 3, 1, 1);

        problem("/api/evaluation/areas/358800/results?checkYear=2025", 404, "AREA_E3014");
        problem("/api/evaluation/areas/" + JIA + "/results", 400, "COMMON_E0400");
    }

    @Test
    void anAreasChildrenCountTheVerdictsOfTheirOwnResults() {
        List<JsonNode> cities = list(get("/api/evaluation/areas/{area}/children/verdicts?checkYear={year}", PROVINCE, 2025));

        assertThat(cities).extracting(c -> c.get("code").asString()).containsExactly(JIA, YI, BING, DING);
        assertThat(cities.get(0).get("nameZh").asString()).isEqualTo("甲市");
        assertThat(cities.get(0).get("level").asString()).isEqualTo("CITY");
        assertCounts(cities.get(0).get("counts"), 6, 1, 3, 1, 1);
        assertCounts(cities.get(1).get("counts"), 2, 2, 0, 0, 0);
        assertCounts(cities.get(2).get("counts"), 2, 1, 1, 0, 0);
        assertCounts(cities.get(3).get("counts"), 0, 0, 0, 0, 0);
        assertThat(list(get("/api/evaluation/areas/{area}/children/verdicts?checkYear={year}", BUILDING_1, 2025))).isEmpty();
        problem("/api/evaluation/areas/358800/children/verdicts?checkYear=2025", 404, "AREA_E3014");
    }

    // --- 3. lineage

    @Test
    void aCityRatioLeadsToBothReportedFiguresWithTheirBatchAndRowAndToEveryVersion() {
        UUID id = UUID.fromString(row(get("/api/evaluation/scorecards/{city}/{year}", JIA, 2025), "U01")
                .get("resultId").asString());

        JsonNode lineage = get("/api/evaluation/results/{id}/lineage", id, null);

        assertThat(lineage.get("aggregate").asBoolean()).isFalse();
        assertThat(absent(lineage.get("children"))).isTrue();
        assertThat(lineage.get("indicatorNameZh").asString()).isEqualTo("城市生活污水集中收集率");
        List<JsonNode> observations = list(lineage.get("observations"));
        assertThat(observations).extracting(o -> o.get("dataElement").asString())
                .containsExactly("U01_COLLECTED", "U01_PRODUCED");
        JsonNode collected = observations.get(0);
        assertThat(collected.get("kind").asString()).isEqualTo("VALUE");
        assertThat(num(collected.get("value"))).isEqualByComparingTo("6400");
        assertThat(collected.get("revision").asInt()).isEqualTo(2);
        assertThat(collected.get("batchId").asString()).isEqualTo(CORRECTION_BATCH.toString());
        assertThat(collected.get("rowNo").asInt()).isEqualTo(5);
        assertThat(collected.get("department").asString()).isEqualTo("stats");
        assertThat(collected.get("withdrawn").asBoolean()).isFalse();
        assertThat(absent(collected.get("acceptedAt"))).isFalse();
        JsonNode produced = observations.get(1);
        assertThat(produced.get("batchId").asString()).isEqualTo(VALUES_BATCH.toString());
        assertThat(produced.get("rowNo").asInt()).isEqualTo(4);

        assertThat(lineage.get("standard").get("text").asString()).isEqualTo(">= 70");
        assertThat(lineage.get("standard").get("indicatorRevision").asLong()).isPositive();
        assertThat(lineage.get("formula").get("explanation").asString()).isEqualTo("6 400 / 10 000 = 64% < 70%");
        assertThat(num(lineage.get("formula").get("numerator"))).isEqualByComparingTo("6400");
        assertThat(num(lineage.get("formula").get("denominator"))).isEqualByComparingTo("10000");

        // every version, oldest first: the last is the current 64, the one before the uncorrected 60
        List<JsonNode> history = list(lineage.get("history"));
        int current = lineage.get("result").get("version").asInt();
        assertThat(history).extracting(v -> v.get("version").asInt())
                .isEqualTo(IntStream.rangeClosed(1, current).boxed().toList());
        assertThat(num(history.get(history.size() - 1).get("value"))).isEqualByComparingTo("64");
        assertThat(num(history.get(history.size() - 2).get("value"))).isEqualByComparingTo("60");
    }

    @Test
    void anAggregateLeadsToItsFailingChildrenPageByPageAndAnItemToItsFinding() {
        UUID cityH02 = resultId(2025, JIA, "H02");

        JsonNode lineage = get("/api/evaluation/results/{id}/lineage", cityH02, null);

        assertThat(lineage.get("aggregate").asBoolean()).isTrue();
        JsonNode children = lineage.get("children");
        assertThat(children.get("total").asLong()).isEqualTo(1);
        assertThat(children.get("size").asInt()).isEqualTo(100);
        JsonNode district = children.get("items").get(0);
        assertThat(district.get("areaCode").asString()).isEqualTo(DISTRICT);
        assertThat(district.get("nameZh").asString()).isEqualTo("甲区");
        assertThat(district.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(district.get("itemsFailing").asLong()).isEqualTo(1);

        JsonNode secondPage = get("/api/evaluation/results/{id}/lineage?page=1&size=1", cityH02, null);
        assertThat(secondPage.get("children").get("total").asLong()).isEqualTo(1);
        assertThat(list(secondPage.get("children").get("items"))).isEmpty();
        problem("/api/evaluation/results/" + cityH02 + "/lineage?size=1001", 422, "EVAL_E2006");
        problem("/api/evaluation/results/" + UUID.randomUUID() + "/lineage", 404, "EVAL_E2002");

        JsonNode item = get("/api/evaluation/results/{id}/lineage", resultId(2025, BUILDING_1, "H02"), null);
        assertThat(item.get("aggregate").asBoolean()).isFalse();
        List<JsonNode> findings = list(item.get("observations"));
        assertThat(findings).hasSize(1);
        JsonNode finding = findings.get(0);
        assertThat(finding.get("kind").asString()).isEqualTo("FINDING");
        assertThat(finding.get("indicatorCode").asString()).isEqualTo("H02");
        assertThat(finding.get("findingType").asString()).isEqualTo("GAS_HAZARD");
        assertThat(finding.get("areaCode").asString()).isEqualTo(BUILDING_1);
        assertThat(finding.get("batchId").asString()).isEqualTo(FINDINGS_BATCH.toString());
        assertThat(finding.get("rowNo").asInt()).isEqualTo(7);
        assertThat(absent(finding.get("reportedAt"))).isFalse();
    }

    // --- 4. year over year

    @Test
    void theYearOverYearTableShowsBothYearsAndWhetherTheChangeIsBetter() {
        JsonNode table = get("/api/evaluation/year-over-year/{area}/{year}", JIA, 2025);

        assertThat(table.get("previousYear").asInt()).isEqualTo(2024);
        List<JsonNode> rows = list(table.get("rows"));
        assertThat(rows).extracting(r -> r.get("code").asString())
                .containsExactly("H02", "U01", "U04", "U10", "U14", "U18", "U24");
        assertTrend(rows.get(0), "1", "1", "FLAT", "持平", null);
        assertTrend(rows.get(1), "70", "64", "FALLING", "下降", false);
        assertTrend(rows.get(2), "3.5", null, null, null, null);
        assertTrend(rows.get(3), null, "5", null, null, null);
        assertTrend(rows.get(4), "25", "25", "FLAT", "持平", null);
        assertTrend(rows.get(5), "5", "2", "FALLING", "下降", true);
        assertThat(rows.get(1).get("standard").asString()).isEqualTo(">= 70");
        assertThat(rows.get(5).get("directionZh").asString()).isEqualTo("越低越好");
        // U04 has no result this year: the standard that applies this year is shown
        assertThat(rows.get(2).get("standard").asString()).isEqualTo(">= 3.2");
    }

    // --- 5. comparison

    @Test
    void citiesAreRankedInEachIndicatorsBetterDirectionWithTiesSharingARank() {
        JsonNode u01 = get("/api/evaluation/comparison/{province}/{year}?indicator=U01", PROVINCE, 2025);

        assertThat(u01.get("cityCount").asInt()).isEqualTo(4);
        List<JsonNode> indicators = list(u01.get("indicators"));
        assertThat(indicators).hasSize(1);
        List<JsonNode> cities = list(indicators.get(0).get("cities"));
        assertThat(cities).extracting(c -> c.get("cityCode").asString()).containsExactly(YI, BING, JIA, DING);
        assertThat(cities).extracting(c -> absent(c.get("rank")) ? null : c.get("rank").asInt())
                .containsExactly(1, 1, 3, null);
        assertThat(cities.get(3).get("verdict").asString()).isEqualTo("NO_DATA");
        assertThat(indicators.get(0).get("ranked").asInt()).isEqualTo(3);

        JsonNode all = get("/api/evaluation/comparison/{province}/{year}", PROVINCE, 2025);
        List<JsonNode> every = list(all.get("indicators"));
        assertThat(every).hasSize(61);
        JsonNode u18 = every.stream().filter(i -> i.get("code").asString().equals("U18")).findFirst().orElseThrow();
        // fewer accidents are better: 乙 0, 丙 1, 甲 2
        assertThat(list(u18.get("cities"))).extracting(c -> c.get("cityCode").asString())
                .containsExactly(YI, BING, JIA, DING);
        assertThat(list(u18.get("cities"))).extracting(c -> absent(c.get("rank")) ? null : c.get("rank").asInt())
                .containsExactly(1, 2, 3, null);

        problem("/api/evaluation/comparison/" + JIA + "/2025", 422, "EVAL_E2004");
        problem("/api/evaluation/comparison/" + PROVINCE + "/2025?indicator=X99", 404, "IND_E2101");
    }

    // --- 6. completeness

    @Test
    void completenessNamesTheMissingFiguresAndTheAreasThatLackThem() {
        JsonNode report = get("/api/evaluation/completeness/{city}/{year}", JIA, 2025);

        assertThat(report.get("applicable").asInt()).isEqualTo(61);
        assertThat(report.get("withData").asInt()).isEqualTo(5);
        assertThat(report.get("withoutData").asInt()).isEqualTo(56);
        // results exist somewhere in the city for H02, B04, U01, U10, U14, U18, U24
        List<String> withoutAny = list(report.get("withoutAnyResult")).stream().map(i -> i.get("code").asString())
                .toList();
        assertThat(withoutAny).hasSize(54).contains("H01", "H05", "U04").doesNotContain("H02", "B04", "U24");

        JsonNode u24 = entry(report, "U24");
        assertThat(u24.get("cityHasData").asBoolean()).isFalse();
        assertThat(strings(u24.get("cityMissing"))).containsExactly("U24_COVERED_LAND");
        assertThat(u24.get("noDataAreaCount").asLong()).isEqualTo(1);
        assertThat(u24.get("noDataAreas").get(0).get("areaCode").asString()).isEqualTo(JIA);

        JsonNode b04 = entry(report, "B04");
        assertThat(b04.get("cityVerdict").asString()).isEqualTo("NO_DATA");
        assertThat(strings(b04.get("cityMissing"))).containsExactly("NO_INPUT");
        assertThat(b04.get("anyResult").asBoolean()).isTrue();
        JsonNode street = b04.get("noDataAreas").get(0);
        assertThat(street.get("areaCode").asString()).isEqualTo(STREET);
        assertThat(street.get("level").asString()).isEqualTo("STREET");
        assertThat(strings(street.get("missing"))).containsExactly("B04_RESIDENTIAL_LAND");

        JsonNode u01 = entry(report, "U01");
        assertThat(u01.get("cityHasData").asBoolean()).isTrue();
        assertThat(u01.get("noDataAreaCount").asLong()).isZero();
    }

    // --- reading the answers

    private JsonNode get(String uri, Object first, Object second) {
        Object[] variables = second == null ? new Object[] {first} : new Object[] {first, second};
        byte[] body = api().asTestReviewer().get().uri(uri, variables).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return json.readTree(body);
    }

    private void problem(String uri, int status, String code) {
        byte[] body = api().asTestReviewer().get().uri(uri).exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(json.readTree(body).get("code").asString()).as(uri).isEqualTo(code);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> strings(JsonNode array) {
        return list(array).stream().map(JsonNode::asString).toList();
    }

    private static BigDecimal num(JsonNode node) {
        return node == null || node.isNull() ? null : new BigDecimal(node.toString());
    }

    private static JsonNode row(JsonNode scorecard, String code) {
        return list(scorecard.get("dimensions")).stream()
                .flatMap(d -> list(d.get("categories")).stream())
                .flatMap(c -> list(c.get("indicators")).stream())
                .filter(r -> r.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private static JsonNode entry(JsonNode completeness, String code) {
        return list(completeness.get("indicators")).stream().filter(e -> e.get("code").asString().equals(code))
                .findFirst().orElseThrow();
    }

    private static void assertCounts(JsonNode counts, int total, int pass, int fail, int notGraded, int noData) {
        assertThat(List.of(counts.get("total").asInt(), counts.get("pass").asInt(), counts.get("fail").asInt(),
                counts.get("notGraded").asInt(), counts.get("noData").asInt()))
                .as("total, pass, fail, notGraded, noData")
                .containsExactly(total, pass, fail, notGraded, noData);
    }

    private static void assertTrend(JsonNode row, String previous, String value, String trend, String trendZh,
            Boolean better) {
        String code = row.get("code").asString();
        assertNumber(row.get("previousValue"), previous, code + " previousValue");
        assertNumber(row.get("value"), value, code + " value");
        assertThat(text(row.get("trend"))).as(code + " trend").isEqualTo(trend);
        assertThat(text(row.get("trendZh"))).as(code + " trendZh").isEqualTo(trendZh);
        assertThat(absent(row.get("better")) ? null : row.get("better").asBoolean()).as(code + " better")
                .isEqualTo(better);
    }

    private static void assertNumber(JsonNode actual, String expected, String what) {
        if (expected == null) {
            assertThat(num(actual)).as(what).isNull();
        } else {
            assertThat(num(actual)).as(what).isEqualByComparingTo(expected);
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static String text(JsonNode node) {
        return absent(node) ? null : node.asString();
    }

    // --- waiting for the results

    private record Expected(String area, String indicator, String verdict, String value)
            implements EvaluationApi.Expectation {

        @Override
        public String problemWith(Map<String, Object> actual) {
            if (actual == null) {
                return area + " " + indicator + ": no result";
            }
            boolean sameValue = value == null ? actual.get("value") == null : actual.get("value") != null
                    && new BigDecimal(value).compareTo(new BigDecimal(actual.get("value").toString())) == 0;
            return verdict.equals(actual.get("verdict")) && sameValue ? null
                    : area + " " + indicator + ": " + actual.get("verdict") + " " + actual.get("value") + " instead of "
                            + verdict + " " + value;
        }
    }

    private static Expected expect(String area, String indicator, String verdict, String value) {
        return new Expected(area, indicator, verdict, value);
    }

    private void awaitResults(int year, List<Expected> expected) {
        api().awaitResults(year, expected);
    }

    private Map<String, Object> result(int year, String area, String indicator) {
        return api().resultOrNull(year, area, indicator);
    }

    private UUID resultId(int year, String area, String indicator) {
        return UUID.fromString(Objects.requireNonNull(result(year, area, indicator), area + " " + indicator)
                .get("id").toString());
    }

    // --- the tree, and what intake would publish

    private void importTree() {
        String tree = """
                code,name,level,parent_code,city_class,size_class,population
                350000,测试省,PROVINCE,,,,
                359100,甲市,CITY,350000,PREFECTURE_CITY,MEDIUM,1000000
                359200,乙市,CITY,350000,PREFECTURE_CITY,MEDIUM,2000000
                359300,丙市,CITY,350000,PREFECTURE_CITY,MEDIUM,500000
                359400,丁市,CITY,350000,PREFECTURE_CITY,SMALL,300000
                359101,甲区,DISTRICT,359100,,,
                359101001,街道一,STREET,359101,,,
                359101001001,社区一,COMMUNITY,359101001,,,
                359101001001001,小区一,COMPOUND,359101001001,,,
                359101001001001001,楼栋1,BUILDING,359101001001001,,,
                359101001001001002,楼栋2,BUILDING,359101001001001,,,
                359101001001001003,楼栋3,BUILDING,359101001001001,,,
                """;
        api().importTree(tree);
    }

    private UUID value(int year, String area, String element, String value) {
        return value(year, area, element, value, 1, null, UUID.randomUUID(), 2);
    }

    private UUID value(int year, String area, String element, String value, int revision, UUID supersedes,
            UUID batch, int rowNo) {
        return IntakeEvents.value(UUID.randomUUID(), year, area, element, value, revision, supersedes, batch, rowNo);
    }

    private void finding(int year, String indicator, String area, UUID batch, int rowNo) {
        IntakeEvents.send(IntakeEvents.finding(UUID.randomUUID(), year, indicator, area, "GAS_HAZARD", batch, rowNo), area);
    }

    private void survey(int year, String indicator, String... coverage) {
        IntakeEvents.survey(year, indicator, coverage);
    }
}
