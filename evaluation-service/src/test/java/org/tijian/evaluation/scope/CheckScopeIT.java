package org.tijian.evaluation.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.evaluation.area.ImportJob;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.dev.DemoUser;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import org.tijian.testing.areas.GeneratedProvince;

/**
 * Check scopes through the API, against a tree imported through the real import endpoint: Jiangxi's
 * real divisions with 3 generated communities per street, and three made-up cities whose streets are
 * named so that the built-up area (streets named …街道) is known exactly:
 * 甲市 9801 (12 街道 × 5 communities = 60 built-up, plus a town of 5 and a township of 3),
 * 乙市 9802 (8 街道 × 5 = 40 built-up, plus a town of 10) and 丙市 9803 (4 街道 × 5 = 20).
 * Each test uses its own city and year, so the order of tests does not matter.
 */
@TijianIntegrationTest(database = "evaluation_scope_it")
class CheckScopeIT {

    private static final Duration IMPORT = Duration.ofSeconds(90);
    private static final GeneratedProvince PROVINCE = GeneratedProvince.perStreet(3, 0, 0);

    @TempDir
    static Path files;

    /** Imported once, by the first test (uploading needs the running service). */
    private static ImportJob treeJob;

    @Value("${local.server.port}")
    int port;

    @BeforeEach
    void importTreeOnce() {
        synchronized (CheckScopeIT.class) {
            if (treeJob == null) {
                treeJob = importCsv(provinceCsv() + madeUpCities());
            }
        }
        assertThat(treeJob.status()).as("%s", treeJob).isEqualTo(ImportJob.Status.SUCCEEDED);
    }

    // ---- the tree ------------------------------------------------------------------------------------

    private static String provinceCsv() {
        try {
            return Files.readString(PROVINCE.writeCsv(files.resolve("province.csv"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String madeUpCities() {
        StringBuilder csv = new StringBuilder();
        city(csv, "9801", "甲", 12, Map.of("980101101", "甲镇", "980101201", "甲乡"), Map.of("980101101", 5, "980101201", 3));
        city(csv, "9802", "乙", 8, Map.of("980201101", "乙镇"), Map.of("980201101", 10));
        city(csv, "9803", "丙", 4, Map.of(), Map.of());
        return csv.toString();
    }

    /** A city with one district, {@code streets} streets named …街道 with 5 communities each, and rural streets. */
    private static void city(StringBuilder csv, String code, String name, int streets, Map<String, String> rural,
            Map<String, Integer> ruralCommunities) {
        String district = code + "01";
        csv.append(code).append(',').append(name).append("市,CITY,36,PREFECTURE_CITY,\n");
        csv.append(district).append(',').append(name).append("一区,DISTRICT,").append(code).append(",,\n");
        Map<String, String> all = new LinkedHashMap<>();
        for (int s = 1; s <= streets; s++) {
            all.put(street(code, s), name + s + "街道");
        }
        all.putAll(rural);
        all.forEach((street, streetName) -> {
            csv.append(street).append(',').append(streetName).append(",STREET,").append(district).append(",,\n");
            int communities = ruralCommunities.getOrDefault(street, 5);
            for (int c = 1; c <= communities; c++) {
                csv.append(street).append("%03d".formatted(c)).append(',').append(streetName).append("第").append(c)
                        .append("社区,COMMUNITY,").append(street).append(",,\n");
            }
        });
    }

    private static String street(String city, int number) {
        return city + "01" + "%03d".formatted(number);
    }

    private static List<String> communities(String street, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(c -> street + "%03d".formatted(c)).toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    // ---- clients -------------------------------------------------------------------------------------

    private WebTestClient anonymous() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofMinutes(2))
                .build();
    }

    private WebTestClient withToken(String token) {
        return anonymous().mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }

    private WebTestClient as(String demoUser) {
        return withToken(TestInfrastructure.get().tokens().tokenFor(demoUser));
    }

    private WebTestClient cityOfficial(String username, String cityCode) {
        return withToken(TestInfrastructure.get().tokens().tokenFor(
                new DemoUser(username, username, List.of(Role.CITY_OFFICIAL), null, List.of(cityCode), null),
                Duration.ofHours(1)));
    }

    private ImportJob importCsv(String csv) {
        ImportJob accepted = as("admin").post().uri("/api/evaluation/area-imports").contentType(new MediaType("text", "csv"))
                .bodyValue(csv.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isAccepted()
                .expectBody(ImportJob.class).returnResult().getResponseBody();
        return Awaitility.await().atMost(IMPORT).pollInterval(Duration.ofMillis(200))
                .until(() -> as("admin").get().uri("/api/evaluation/area-imports/{id}", accepted.id()).exchange()
                                .expectBody(ImportJob.class).returnResult().getResponseBody(),
                        job -> job.status() != ImportJob.Status.RUNNING);
    }

    private static Map<String, Object> body(List<String> communities, List<String> blocks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communities", communities);
        body.put("blocks", blocks);
        return body;
    }

    private WebTestClient.ResponseSpec put(WebTestClient client, String city, int year, Object body) {
        return client.put().uri("/api/evaluation/check-scopes/{city}/{year}", city, year)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private ScopeReport putOk(WebTestClient client, String city, int year, Object body) {
        return put(client, city, year, body).expectStatus().isOk()
                .expectBody(ScopeReport.class).returnResult().getResponseBody();
    }

    private ScopeReport get(String city, int year) {
        return as("province-reviewer").get().uri("/api/evaluation/check-scopes/{city}/{year}", city, year).exchange()
                .expectStatus().isOk().expectBody(ScopeReport.class).returnResult().getResponseBody();
    }

    private static List<String> violationCodes(ScopeReport report) {
        return report.violations().stream().map(ScopeViolation::code).toList();
    }

    // ---- tests ---------------------------------------------------------------------------------------

    @Test
    void compliantScopeIsStoredAsVersionOneAndReadBack() {
        List<String> checked = concat(communities(street("9801", 1), 5), communities(street("9801", 2), 5));
        Map<String, Object> body = body(checked, List.of(street("9801", 1), street("9801", 2)));
        body.put("noteZh", "老城区两个街道");

        ScopeReport stored = putOk(as("admin"), "9801", 2024, body);

        assertThat(stored.compliant()).as("%s", stored.violations()).isTrue();
        assertThat(stored.violations()).isEmpty();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.updatedBy()).isEqualTo("admin");
        assertThat(stored.updatedAt()).isNotNull();
        assertThat(stored.builtUpCommunityCount()).isEqualTo(60);
        assertThat(stored.requiredCommunities()).isEqualTo(10);
        assertThat(stored.cityNameZh()).isEqualTo("甲市");
        assertThat(stored.communities()).hasSize(10).first()
                .isEqualTo(new ScopeReport.Community("980101001001", "甲1街道第1社区", "980101001"));
        assertThat(stored.blocks()).containsExactly(new ScopeReport.Block("980101001", "甲1街道"),
                new ScopeReport.Block("980101002", "甲2街道"));
        assertThat(get("9801", 2024)).isEqualTo(stored);
        as("nanchang-official").get().uri("/api/evaluation/check-scopes/9801/2024").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.cityCode").isEqualTo("9801")
                .jsonPath("$.year").isEqualTo(2024)
                .jsonPath("$.noteZh").isEqualTo("老城区两个街道")
                .jsonPath("$.compliant").isEqualTo(true)
                .jsonPath("$.communities[9].code").isEqualTo("980101002005")
                .jsonPath("$.communities[9].streetCode").isEqualTo("980101002");
    }

    @Test
    void scopeBreakingTheRulesIsStoredWithItsThreeViolations() {
        // 3 communities in the checked block, 1 in an unchecked street, 1 in an unchecked town; 1 block
        List<String> checked = concat(communities(street("9801", 1), 3), List.of("980101003001", "980101101001"));

        ScopeReport stored = putOk(as("admin"), "9801", 2025, body(checked, List.of(street("9801", 1))));

        assertThat(stored.compliant()).isFalse();
        assertThat(violationCodes(stored)).containsExactly("SCOPE_TOO_FEW_COMMUNITIES", "SCOPE_TOO_FEW_BLOCKS",
                "SCOPE_COMMUNITY_OUTSIDE_CHECKED_BLOCKS");
        ScopeViolation communities = stored.violations().get(0);
        assertThat(communities.required()).isEqualTo(10);
        assertThat(communities.actual()).isEqualTo(5);
        assertThat(communities.messageZh()).isEqualTo(
                "抽取社区 5 个，少于要求的 10 个（原则上不少于 10 个或不少于建成区社区总数 60 个的 20%）");
        ScopeViolation blocks = stored.violations().get(1);
        assertThat(blocks.required()).isEqualTo(2);
        assertThat(blocks.actual()).isEqualTo(1);
        assertThat(blocks.messageEn()).isEqualTo("Blocks checked: 1, fewer than the required 2");
        assertThat(stored.violations().get(2).areas()).containsExactly(
                new ScopeViolation.Area("980101003001", "980101003"),
                new ScopeViolation.Area("980101101001", "980101101"));
        assertThat(get("9801", 2025)).isEqualTo(stored);
    }

    @Test
    void twentyPercentOfASmallBuiltUpAreaIsEnough() {
        List<String> blocks = List.of(street("9802", 1), street("9802", 2));
        List<String> eight = concat(communities(street("9802", 1), 4), communities(street("9802", 2), 4));

        ScopeReport enough = putOk(as("admin"), "9802", 2024, body(eight, blocks));
        ScopeReport tooFew = putOk(as("admin"), "9802", 2025, body(eight.subList(0, 7), blocks));

        // the town's 10 communities are rural: 40 built-up communities, 20% of them is 8, fewer than 10
        assertThat(enough.builtUpCommunityCount()).isEqualTo(40);
        assertThat(enough.requiredCommunities()).isEqualTo(8);
        assertThat(enough.compliant()).as("%s", enough.violations()).isTrue();
        assertThat(tooFew.compliant()).isFalse();
        assertThat(violationCodes(tooFew)).containsExactly("SCOPE_TOO_FEW_COMMUNITIES");
        assertThat(tooFew.violations().get(0).required()).isEqualTo(8);
        assertThat(tooFew.violations().get(0).actual()).isEqualTo(7);
    }

    @Test
    void everyBadEntryIsListedAndNothingIsStored() {
        List<String> blocks = List.of(street("9801", 1), street("9801", 2));
        ScopeReport first = putOk(as("admin"), "9801", 2026, body(communities(street("9801", 1), 5), blocks));
        Map<String, Object> bad = body(
                List.of("980101001001", "980199999999", "980101001", "980201001001", "980101001001"),
                List.of("980101001001", "980201001", "nope", "980101002", "980101002"));

        put(as("admin"), "9801", 2026, bad).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SCOPE_E3105")
                .jsonPath("$.detail").isEqualTo("体检范围有 8 处错误，未作任何修改")
                .jsonPath("$.errors.length()").isEqualTo(8)
                .jsonPath("$.errors[0].field").isEqualTo("communities[1]")
                .jsonPath("$.errors[0].row").isEqualTo(2)
                .jsonPath("$.errors[0].code").isEqualTo("SCOPE_E3106")
                .jsonPath("$.errors[0].message").isEqualTo("communities[1]：区域代码 980199999999 不存在")
                .jsonPath("$.errors[1].field").isEqualTo("communities[2]")
                .jsonPath("$.errors[1].code").isEqualTo("SCOPE_E3107")
                .jsonPath("$.errors[2].field").isEqualTo("communities[3]")
                .jsonPath("$.errors[2].code").isEqualTo("SCOPE_E3108")
                .jsonPath("$.errors[3].field").isEqualTo("communities[4]")
                .jsonPath("$.errors[3].code").isEqualTo("SCOPE_E3109")
                .jsonPath("$.errors[4].field").isEqualTo("blocks[0]")
                .jsonPath("$.errors[4].code").isEqualTo("SCOPE_E3107")
                .jsonPath("$.errors[5].field").isEqualTo("blocks[1]")
                .jsonPath("$.errors[5].code").isEqualTo("SCOPE_E3108")
                .jsonPath("$.errors[6].field").isEqualTo("blocks[2]")
                .jsonPath("$.errors[6].code").isEqualTo("SCOPE_E3106")
                .jsonPath("$.errors[7].field").isEqualTo("blocks[4]")
                .jsonPath("$.errors[7].code").isEqualTo("SCOPE_E3109");
        as("admin").put().uri("/api/evaluation/check-scopes/9801/2026").header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bad).exchange().expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[1].message").isEqualTo("communities[2]: area 980101001 is a STREET, a COMMUNITY is expected")
                .jsonPath("$.errors[2].message").isEqualTo("communities[3]: area 980201001001 does not belong to city 9801");

        assertThat(get("9801", 2026)).isEqualTo(first);
        put(as("admin"), "9801", 2027, bad).expectStatus().isEqualTo(422);
        as("admin").get().uri("/api/evaluation/check-scopes/9801/2027").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3111");
    }

    @Test
    void theCityMustBeAKnownCityTheYearSaneAndTheBodyPresent() {
        Map<String, Object> body = body(communities(street("9801", 1), 1), List.of(street("9801", 1)));

        put(as("admin"), "9899", 2024, body).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3101");
        put(as("admin"), "980101", 2024, body).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3102");
        put(as("admin"), "9801", 2019, body).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3103");
        put(as("admin"), "9801", 2101, body).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3103");
        as("admin").put().uri("/api/evaluation/check-scopes/9801/2024").contentType(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3104");
        put(as("admin"), "9801", 2024, Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3104");
        put(as("admin"), "9801", 2024, body(List.of(), List.of())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3104");
        put(as("admin"), "9801", 1, body).expectStatus().isEqualTo(422);
        as("admin").put().uri("/api/evaluation/check-scopes/9801/next").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0400");
        as("admin").get().uri("/api/evaluation/check-scopes/9801/2099").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3111");
    }

    @Test
    void replacingAScopeKeepsEveryVersionWithWhoAndWhen() {
        List<String> blocks = List.of(street("9801", 3), street("9801", 4));
        putOk(as("admin"), "9801", 2028, body(communities(street("9801", 3), 5), blocks));

        ScopeReport second = putOk(cityOfficial("jia-official", "9801"), "9801", 2028,
                body(concat(communities(street("9801", 3), 5), communities(street("9801", 4), 5)), blocks));

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.updatedBy()).isEqualTo("jia-official");
        assertThat(second.communities()).hasSize(10);
        List<CheckScope> history = as("province-reviewer").get()
                .uri("/api/evaluation/check-scopes/9801/2028/history").exchange().expectStatus().isOk()
                .expectBodyList(CheckScope.class).returnResult().getResponseBody();
        assertThat(history).extracting(CheckScope::version).containsExactly(2, 1);
        assertThat(history).extracting(CheckScope::updatedBy).containsExactly("jia-official", "admin");
        assertThat(history.get(1).communities()).isEqualTo(communities(street("9801", 3), 5));
        assertThat(history.get(0).communities()).hasSize(10);
        assertThat(history.get(0).blocks()).isEqualTo(blocks);
        assertThat(history.get(0).updatedAt()).isAfterOrEqualTo(history.get(1).updatedAt());
        assertThat(get("9801", 2028).version()).isEqualTo(2);
    }

    @Test
    void onlyAdministratorsAndTheCitysOwnOfficialsWriteItsScope() {
        Map<String, Object> body = body(communities(street("9801", 5), 5), List.of(street("9801", 5), street("9801", 6)));

        put(cityOfficial("yi-official", "9802"), "9801", 2029, body).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3112");
        put(as("water-dept"), "9801", 2029, body).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0403");
        put(as("province-reviewer"), "9801", 2029, body).expectStatus().isForbidden();
        put(anonymous(), "9801", 2029, body).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0401");
        anonymous().get().uri("/api/evaluation/check-scopes/9801/2029").exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/api/evaluation/check-scopes?year=2029").exchange().expectStatus().isUnauthorized();
        as("admin").get().uri("/api/evaluation/check-scopes/9801/2029").exchange().expectStatus().isNotFound();

        ScopeReport own = putOk(cityOfficial("jia-official", "9801"), "9801", 2029, body);

        assertThat(own.updatedBy()).isEqualTo("jia-official");
    }

    @Test
    void scopesAreCheckedAgainstTheTreeAsItIsWhenRead() {
        ScopeReport stored = putOk(as("admin"), "9803", 2024,
                body(communities(street("9803", 1), 4), List.of(street("9803", 1), street("9803", 2))));
        assertThat(stored.requiredCommunities()).isEqualTo(4);
        assertThat(stored.compliant()).as("%s", stored.violations()).isTrue();

        // the first community moves to the third street, which is not a checked block
        ImportJob moved = importCsv(GeneratedProvince.HEADER + "\n980301001001,丙1街道第1社区,COMMUNITY,980301003,,\n");
        assertThat(moved.status()).as("%s", moved).isEqualTo(ImportJob.Status.SUCCEEDED);

        ScopeReport now = get("9803", 2024);
        assertThat(now.version()).isEqualTo(1);
        assertThat(now.compliant()).isFalse();
        assertThat(violationCodes(now)).containsExactly("SCOPE_COMMUNITY_OUTSIDE_CHECKED_BLOCKS");
        assertThat(now.violations().get(0).areas())
                .containsExactly(new ScopeViolation.Area("980301001001", "980301003"));
        assertThat(now.communities().get(0).streetCode()).isEqualTo("980301003");
    }

    @Test
    void provinceOverviewListsEveryCitysScopeWithItsVerdict() {
        putOk(as("admin"), "9801", 2030, body(concat(communities(street("9801", 7), 5), communities(street("9801", 8), 5)),
                List.of(street("9801", 7), street("9801", 8))));
        putOk(as("admin"), "9802", 2030, body(communities(street("9802", 3), 5), List.of(street("9802", 3), street("9802", 4))));

        as("province-reviewer").get().uri("/api/evaluation/check-scopes?year=2030").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].cityCode").isEqualTo("9801")
                .jsonPath("$[0].cityNameZh").isEqualTo("甲市")
                .jsonPath("$[0].compliant").isEqualTo(true)
                .jsonPath("$[0].violations.length()").isEqualTo(0)
                .jsonPath("$[0].communityCount").isEqualTo(10)
                .jsonPath("$[0].blockCount").isEqualTo(2)
                .jsonPath("$[1].cityCode").isEqualTo("9802")
                .jsonPath("$[1].compliant").isEqualTo(false)
                .jsonPath("$[1].violations[0]").isEqualTo("SCOPE_TOO_FEW_COMMUNITIES")
                .jsonPath("$[1].violations.length()").isEqualTo(1)
                .jsonPath("$[1].requiredCommunities").isEqualTo(8);
        as("province-reviewer").get().uri("/api/evaluation/check-scopes?year=2031").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void aRealCitysBuiltUpAreaIsTheCommunitiesOfItsStreetsNamedJiedao() {
        List<String[]> nanchangStreets = GeneratedProvince.realDivisions().stream()
                .filter(row -> row[2].equals("STREET") && row[0].startsWith("3601")).toList();
        List<String> jiedao = nanchangStreets.stream().filter(row -> row[1].endsWith("街道")).map(row -> row[0]).toList();
        assertThat(jiedao.size()).isLessThan(nanchangStreets.size());
        List<String> blocks = jiedao.subList(0, 4);
        List<String> checked = blocks.stream().flatMap(street -> communities(street, 3).stream()).toList();

        ScopeReport nanchang = putOk(as("nanchang-official"), "3601", 2024, body(checked, blocks));

        assertThat(nanchang.cityNameZh()).isEqualTo("南昌市");
        assertThat(nanchang.builtUpCommunityCount()).isEqualTo(3L * jiedao.size());
        assertThat(nanchang.requiredCommunities()).isEqualTo(10);
        assertThat(nanchang.compliant()).as("%s", nanchang.violations()).isTrue();
        put(as("nanchang-official"), "3602", 2024, body(List.of("360202001001"), List.of("360202001")))
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("SCOPE_E3112");
    }
}
