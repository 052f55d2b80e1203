package org.tijian.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.Topics;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.evaluation.EvaluationApi;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator catalog through its API: the shipped national system, what a city adds, bad
 * definitions, and a changed standard judging existing results again.
 */
@TijianIntegrationTest(database = "evaluation_catalog_it")
class IndicatorCatalogIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TREE = """
            code,name,level,parent_code,city_class,size_class
            360000,江西省,PROVINCE,,,
            360100,南昌市,CITY,360000,PROVINCIAL_CAPITAL,LARGE
            360400,九江市,CITY,360000,PREFECTURE_CITY,MEDIUM
            360102,东湖区,DISTRICT,360100,,
            360402,濂溪区,DISTRICT,360400,,
            """;
    private static boolean treeImported;

    @Value("${local.server.port}")
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    private WebTestClient as(String user) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor(user)).build();
    }

    @BeforeEach
    void importTreeOnce() {
        synchronized (IndicatorCatalogIT.class) {
            if (treeImported) {
                return;
            }
            new EvaluationApi(port, WAIT).importTree(TREE);
            treeImported = true;
        }
    }

    private List<IndicatorDefined> indicators(String query) {
        return as("water-dept").get().uri("/api/evaluation/indicators" + query).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<IndicatorDefined>>() { }).returnResult().getResponseBody();
    }

    @Test
    void theShippedNationalSystemHasTheSixtyOneIndicatorsAndTheStandardsOfTheCsv() {
        List<IndicatorDefined> national = indicators("?system=NATIONAL_BASIC");

        assertThat(national).hasSize(61);
        assertThat(national.stream().collect(Collectors.groupingBy(IndicatorDefined::dimension, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Dimension.HOUSING, 10L, Dimension.COMMUNITY, 12L,
                        Dimension.BLOCK, 8L, Dimension.CITY, 31L));
        Map<String, Map<String, String>> csv = ShippedCatalog.csv();
        assertThat(national).extracting(IndicatorDefined::code).containsExactlyInAnyOrderElementsOf(csv.keySet());
        for (IndicatorDefined indicator : national) {
            if (indicator.code().equals("U27")) {
                continue; // another test of this class changes U27's 2025 standards
            }
            Set<String> expected = ShippedCatalog.standards(csv.get(indicator.code()).get("standard"));
            assertThat(ShippedCatalog.standardsOfYear(indicator, 2024)).as(indicator.code()).isEqualTo(expected);
            assertThat(ShippedCatalog.standardsOfYear(indicator, 2025)).as(indicator.code()).isEqualTo(expected);
        }
        assertThat(indicators("?year=2024&dimension=HOUSING")).hasSize(10)
                .allSatisfy(i -> assertThat(i.standards()).allSatisfy(s -> assertThat(s.checkYear()).isEqualTo(2024)));
    }

    @Test
    void everyIndicatorIsPublishedOnTheCompactedTopicKeyedByCode() {
        try (KafkaProbe probe = KafkaProbe.on(Topics.CATALOG_INDICATORS)) {
            List<ConsumerRecord<String, byte[]>> records = probe.await(61, r -> r.key().matches("[HCBU]\\d\\d"), WAIT);
            Set<String> keys = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
            assertThat(keys).hasSize(61);
            IndicatorDefined sewage = records.stream().filter(r -> r.key().equals("U01"))
                    .map(r -> json.readValue(r.value(), IndicatorDefined.class)).findFirst().orElseThrow();
            assertThat(sewage.computation().denominator()).isEqualTo("U01_PRODUCED");
            assertThat(KafkaProbe.header(records.get(0), CloudEventHeaders.TYPE))
                    .isEqualTo("org.tijian.catalog.IndicatorDefined.v1");
        }
    }

    @Test
    void oneIndicatorShowsTheStandardThatAppliesToAnAreaByItsCity() {
        Map<?, ?> capital = as("water-dept").get().uri("/api/evaluation/indicators/U15?year=2024&area=360102")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> medium = as("water-dept").get().uri("/api/evaluation/indicators/U15?year=2024&area=360402")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(((Map<?, ?>) capital.get("applicable")).get("operator")).isEqualTo("AT_LEAST");
        assertThat(((Map<?, ?>) capital.get("applicable")).get("sizeClass")).isEqualTo("LARGE");
        assertThat(((Map<?, ?>) medium.get("applicable")).get("operator")).isEqualTo("NOT_GRADED");
        as("water-dept").get().uri("/api/evaluation/indicators/NOPE").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("IND_E2101");
    }

    @Test
    void aCityAddsItsOwnIndicatorsAndASpecialCheckSet() {
        as("admin").post().uri("/api/evaluation/indicator-systems").bodyValue(Map.of("code", "NC-TS", "kind",
                        "CITY_SPECIFIC", "nameZh", "南昌市特色指标", "ownerAreaCode", "360100"))
                .exchange().expectStatus().isCreated();
        for (int n = 1; n <= 5; n++) {
            if (n == 5) {
                assertThat(system("NC-TS").get("meetsCityMinimum")).isEqualTo(false);
            }
            as("admin").post().uri("/api/evaluation/indicators").bodyValue(cityIndicator("NC-T0" + n, "个", "个"))
                    .exchange().expectStatus().isCreated()
                    .expectBody().jsonPath("$.systemKind").isEqualTo("CITY_SPECIFIC")
                    .jsonPath("$.ownerAreaCode").isEqualTo("360100").jsonPath("$.revision").isEqualTo(1);
        }
        assertThat(system("NC-TS").get("indicatorCount")).isEqualTo(5);
        assertThat(system("NC-TS").get("meetsCityMinimum")).isEqualTo(true);
        assertThat(indicators("?city=360100")).hasSize(66);
        assertThat(indicators("?city=360400")).hasSize(61);

        as("admin").post().uri("/api/evaluation/indicator-systems").bodyValue(Map.of("code", "NC-PARKING", "kind",
                        "SPECIAL_CHECK", "nameZh", "南昌市停车专项体检", "topicZh", "停车", "ownerAreaCode", "360100",
                        "memberCodes", List.of("C05", "C06")))
                .exchange().expectStatus().isCreated();
        assertThat(indicators("?system=NC-PARKING")).extracting(IndicatorDefined::code).containsExactly("C05", "C06");
        try (KafkaProbe probe = KafkaProbe.on(Topics.CATALOG_INDICATORS)) {
            IndicatorDefined parking = json.readValue(probe.await(1, r -> r.key().equals("C05")
                    && json.readValue(r.value(), IndicatorDefined.class).specialCheckSets().contains("NC-PARKING"), WAIT)
                    .get(0).value(), IndicatorDefined.class);
            assertThat(parking.revision()).isEqualTo(2);
        }
        as("admin").put().uri("/api/evaluation/indicator-systems/NC-PARKING/members")
                .bodyValue(Map.of("memberCodes", List.of("C05"))).exchange().expectStatus().isOk();
        assertThat(indicators("?system=NC-PARKING")).extracting(IndicatorDefined::code).containsExactly("C05");
        assertThat(indicators("?system=NATIONAL_BASIC").stream().filter(i -> i.code().equals("C06")).findFirst()
                .orElseThrow().specialCheckSets()).isEmpty();
    }

    @Test
    void badDefinitionsAreRejectedWithEveryProblemNamedAndNothingStored() {
        as("admin").post().uri("/api/evaluation/indicator-systems").bodyValue(Map.of("code", "JJ-TS", "kind",
                        "CITY_SPECIFIC", "nameZh", "九江市特色指标", "ownerAreaCode", "360400"))
                .exchange().expectStatus().isCreated();
        Map<String, Object> mismatched = cityIndicator("JJ-T01", "吨", "个");
        mismatched.put("systemCode", "JJ-TS");
        mismatched.put("standards", List.of(Map.of("checkYear", 2025, "operator", "BETWEEN", "threshold", 5)));

        as("admin").post().uri("/api/evaluation/indicators").bodyValue(mismatched).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("IND_E2103")
                .jsonPath("$.errors[?(@.field == 'unit')].code").isEqualTo("IND_E2114")
                .jsonPath("$.errors[?(@.field == 'standards[0].upperThreshold')].code").isEqualTo("IND_E2116");
        as("water-dept").get().uri("/api/evaluation/indicators/JJ-T01").exchange().expectStatus().isNotFound();

        Map<String, Object> conflicting = cityIndicator("JJ-T02", "个", "个");
        conflicting.put("systemCode", "JJ-TS");
        conflicting.put("dataElements", List.of(Map.of("code", "U01_COLLECTED", "nameZh", "同名数据项", "unit", "个")));
        conflicting.put("computation", Map.of("type", "VALUE", "value", "U01_COLLECTED"));
        as("admin").post().uri("/api/evaluation/indicators").bodyValue(conflicting).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("IND_E2115");

        Map<String, Object> good = cityIndicator("JJ-T03", "个", "个");
        good.put("systemCode", "JJ-TS");
        as("admin").post().uri("/api/evaluation/indicators").bodyValue(good).exchange().expectStatus().isCreated();
        as("admin").post().uri("/api/evaluation/indicators").bodyValue(good).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("IND_E2104");
        good.put("systemCode", "NO-SUCH-SYSTEM");
        as("admin").post().uri("/api/evaluation/indicators").bodyValue(good).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("IND_E2102");
        as("admin").post().uri("/api/evaluation/indicator-systems").bodyValue(Map.of("code", "DH-TS", "kind",
                        "CITY_SPECIFIC", "nameZh", "东湖区", "ownerAreaCode", "360102"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("IND_E2121");
        as("admin").delete().uri("/api/evaluation/indicators/U01").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("IND_E2106");
        as("water-dept").post().uri("/api/evaluation/indicators").bodyValue(good).exchange().expectStatus().isForbidden();
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/api/evaluation/indicators").bodyValue(good).exchange().expectStatus().isUnauthorized();

        as("admin").delete().uri("/api/evaluation/indicators/JJ-T03").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.retired").isEqualTo(true).jsonPath("$.revision").isEqualTo(2);
        assertThat(indicators("?system=JJ-TS")).isEmpty();
    }

    @Test
    void aChangedStandardJudgesExistingResultsAgainForTheAffectedCitiesOnly() {
        String capitalArea = "360102";
        String prefectureArea = "360402";
        sendObservation(capitalArea, "U27", "20");
        sendObservation(prefectureArea, "U27", "20");
        Map<?, ?> capital = storedResult(capitalArea, 1);
        Map<?, ?> prefecture = storedResult(prefectureArea, 1);
        assertThat(capital.get("verdict")).isEqualTo("FAIL");
        assertThat(capital.get("standard")).isEqualTo(">= 30");
        assertThat(prefecture.get("verdict")).isEqualTo("PASS");
        assertThat(prefecture.get("standard")).isEqualTo(">= 15");

        long revision = as("water-dept").get().uri("/api/evaluation/indicators/U27").exchange()
                .expectBody(IndicatorView.class).returnResult().getResponseBody().indicator().revision();
        as("admin").put().uri("/api/evaluation/indicators/U27/standards/2025?basedOnRevision=" + revision)
                .bodyValue(List.of(
                        Map.of("cityClass", "PROVINCIAL_CAPITAL", "operator", "AT_LEAST", "threshold", 20,
                                "noteZh", "省会城市不低于20%"),
                        Map.of("cityClass", "PREFECTURE_CITY", "operator", "AT_LEAST", "threshold", 15)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.revision").isEqualTo((int) revision + 1);

        Map<?, ?> rejudged = storedResult(capitalArea, 2);
        assertThat(rejudged.get("verdict")).isEqualTo("PASS");
        assertThat(rejudged.get("standard")).isEqualTo(">= 20");
        assertThat(rejudged.get("id")).isEqualTo(capital.get("id"));
        assertThat(rejudged.get("observationIds")).isEqualTo(capital.get("observationIds"));
        try (KafkaProbe results = KafkaProbe.on(Topics.EVALUATION_RESULTS)) {
            IndicatorEvaluated published = json.readValue(results.await(1, r -> capitalArea.equals(r.key())
                    && json.readValue(r.value(), IndicatorEvaluated.class).resultId().toString().equals(capital.get("id"))
                    && json.readValue(r.value(), IndicatorEvaluated.class).version() == 2, WAIT).get(0).value(),
                    IndicatorEvaluated.class);
            assertThat(published.verdict()).isEqualTo(Verdict.PASS);
        }
        assertThat(storedResult(prefectureArea, 1).get("version")).isEqualTo(1);

        as("admin").put().uri("/api/evaluation/indicators/U27/standards/2025?basedOnRevision=" + revision)
                .bodyValue(List.of(Map.of("operator", "NOT_GRADED"))).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("IND_E2105");
        assertThat(as("water-dept").get().uri("/api/evaluation/indicators/U27/revisions").exchange()
                .expectBody(List.class).returnResult().getResponseBody()).hasSize(2);
    }

    /** This service's current result for U27 in 2025 at {@code area}, once it has reached {@code version}. */
    private Map<?, ?> storedResult(String area, int version) {
        return Awaitility.await().atMost(WAIT).until(() -> as("province-reviewer").get()
                        .uri("/api/evaluation/results?checkYear=2025&areaCode={area}", area).exchange()
                        .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                        .getResponseBody().stream().filter(r -> "U27".equals(r.get("indicatorCode")))
                        .findFirst().orElse(null),
                result -> result != null && ((Number) result.get("version")).intValue() >= version);
    }

    private Map<?, ?> system(String code) {
        return as("water-dept").get().uri("/api/evaluation/indicator-systems/{code}", code).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private void sendObservation(String area, String dataElement, String value) {
        var observation = ObservationAccepted.single(UUID.randomUUID(), 2025, area, dataElement, new BigDecimal(value), "%",
                "housing", "housing-dept", Instant.now());
        KafkaProbe.send(Topics.INTAKE_OBSERVATIONS, area, json.writeValueAsString(observation), Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, "org.tijian.intake.ObservationAccepted.v1",
                CloudEventHeaders.SUBJECT, observation.observationId().toString()));
    }

    private static Map<String, Object> cityIndicator(String code, String unit, String elementUnit) {
        Map<String, Object> indicator = new java.util.LinkedHashMap<>();
        indicator.put("code", code);
        indicator.put("systemCode", "NC-TS");
        indicator.put("nameZh", "历史文化街区保护修缮项目数 " + code);
        indicator.put("nameEn", "Historic block restoration projects");
        indicator.put("dimension", "CITY");
        indicator.put("categoryZh", "历史文化保护利用");
        indicator.put("unit", unit);
        indicator.put("direction", "HIGHER_BETTER");
        indicator.put("core", false);
        indicator.put("acquisitionMethods", List.of("DEPARTMENT_STATISTICS"));
        indicator.put("checkCycle", "YEARLY");
        indicator.put("evaluationLevel", "CITY");
        indicator.put("responsibleDepartment", "culture-tourism");
        indicator.put("responsibleDepartmentZh", "市文化广电新闻出版旅游局");
        indicator.put("defaultRectificationClass", "BEST_EFFORT");
        indicator.put("rectificationSuggestionZh", "加快推进历史文化街区保护修缮。");
        indicator.put("computation", Map.of("type", "VALUE", "value", code.replace('-', '_') + "_COUNT"));
        indicator.put("dataElements", List.of(Map.of("code", code.replace('-', '_') + "_COUNT", "nameZh", "项目数",
                "unit", elementUnit)));
        indicator.put("standards", List.of(Map.of("checkYear", 2025, "operator", "AT_LEAST", "threshold", 3)));
        return indicator;
    }

    record IndicatorView(IndicatorDefined indicator, Object applicable) {
    }
}
