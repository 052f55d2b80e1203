package org.tijian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tijian.standalone.Platform;
import org.tijian.testing.areas.GeneratedProvince;
import tools.jackson.databind.JsonNode;

/**
 * The catalog on the running platform: a generated Jiangxi (its 11 real cities and 1,767 real streets,
 * with communities, compounds and buildings below, about 219,000 areas) imported through the gateway,
 * checked as a tree, a check scope validated against it, a city's own indicator added; then every
 * other service's copy of the areas and the indicators equals the evaluation service's, compared by
 * count and an order-independent digest once the compacted topics are consumed.
 */
class CatalogDistributionEndToEndIT {

    private static final GeneratedProvince PROVINCE = GeneratedProvince.perStreet(3, 4, 9);
    private static final Duration IMPORT = Duration.ofMinutes(4);
    private static final Duration CATCH_UP = Duration.ofMinutes(6);
    private static final Map<String, String> COPIES = Map.of(
            "data-intake-service", "/api/intake/catalog/status",
            "ledger-service", "/api/ledger/catalog/status",
            "project-library-service", "/api/projects/catalog/status");

    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.start(TestPlatforms.freshConfig("e2e-catalog", "tijian.e2e.catalogPortOffset", 600));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private static ApiClient as(String user) {
        return new ApiClient(platform.gatewayUrl(), platform.tokenFor(user));
    }

    @Test
    void everyServiceKeepsACopyOfTheProvinceAndTheIndicatorSystemThatMatchesTheSource() throws Exception {
        ApiClient admin = as("admin");
        Path csv = PROVINCE.writeCsv(Files.createTempFile("province-", ".csv"), StandardCharsets.UTF_8);
        long started = System.nanoTime();
        var upload = admin.postFile("/api/evaluation/area-imports", "text/csv", csv);
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        String jobPath = "/api/evaluation/area-imports/" + upload.json().get("id").asString();
        JsonNode job = Awaitility.await().atMost(IMPORT).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.get(jobPath).json(), j -> !"RUNNING".equals(j.get("status").asString()));
        double importSeconds = (System.nanoTime() - started) / 1e9;
        Files.delete(csv);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("created").asLong()).isEqualTo(PROVINCE.areaCount());

        List<String[]> divisions = GeneratedProvince.realDivisions();
        long nanchangDistricts = divisions.stream().filter(d -> d[2].equals("DISTRICT") && d[3].equals("3601")).count();
        JsonNode nanchang = admin.get("/api/evaluation/areas/3601").json();
        assertThat(nanchang.get("area").get("nameZh").asString()).isEqualTo("南昌市");
        assertThat(nanchang.get("childCount").asLong()).isEqualTo(nanchangDistricts);
        String street = divisions.stream().filter(d -> d[2].equals("STREET") && d[0].startsWith("3601"))
                .map(d -> d[0]).findFirst().orElseThrow();
        JsonNode building = admin.get("/api/evaluation/areas/" + street + "001002009").json();
        assertThat(building.get("area").get("level").asString()).isEqualTo("BUILDING");
        assertThat(building.get("ancestors").get(1).asString()).isEqualTo("3601");

        var scope = admin.putJson("/api/evaluation/check-scopes/3601/2025", """
                {"communities": ["%s001", "%s002", "%s003"], "blocks": ["%s"]}""".formatted(street, street, street, street));
        assertThat(scope.status()).as(scope.body()).isEqualTo(200);
        assertThat(scope.json().get("compliant").asBoolean()).isFalse();
        assertThat(scope.body()).contains("SCOPE_TOO_FEW_COMMUNITIES", "SCOPE_TOO_FEW_BLOCKS");

        assertThat(admin.postJson("/api/evaluation/indicator-systems", """
                {"code": "NC-TS", "kind": "CITY_SPECIFIC", "nameZh": "南昌市特色指标", "ownerAreaCode": "3601"}""")
                .status()).isEqualTo(201);
        var indicator = admin.postJson("/api/evaluation/indicators", """
                {"code": "NC-T01", "systemCode": "NC-TS", "nameZh": "历史文化街区保护修缮项目数", "dimension": "CITY",
                 "categoryZh": "历史文化保护利用", "unit": "个", "direction": "HIGHER_BETTER",
                 "acquisitionMethods": ["DEPARTMENT_STATISTICS"], "checkCycle": "YEARLY", "evaluationLevel": "CITY",
                 "defaultRectificationClass": "BEST_EFFORT",
                 "computation": {"type": "VALUE", "value": "NC_T01_COUNT"},
                 "dataElements": [{"code": "NC_T01_COUNT", "nameZh": "项目数", "unit": "个"}],
                 "standards": [{"checkYear": 2025, "operator": "AT_LEAST", "threshold": 3}]}""");
        assertThat(indicator.status()).as(indicator.body()).isEqualTo(201);

        JsonNode source = admin.get("/api/evaluation/catalog/status").json();
        assertThat(source.get("areas").get("count").asLong()).isEqualTo(PROVINCE.areaCount());
        assertThat(source.get("indicators").get("count").asLong()).isEqualTo(62);
        long waitStarted = System.nanoTime();
        for (var copy : COPIES.entrySet()) {
            ApiClient service = as("water-dept");
            Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(2))
                    .until(() -> service.get(copy.getValue()).json(),
                            status -> status.get("areas").equals(source.get("areas"))
                                    && status.get("indicators").equals(source.get("indicators")));
            System.out.printf("%s's copy equals the source %.1f s after the import finished%n", copy.getKey(),
                    (System.nanoTime() - waitStarted) / 1e9);
        }
        System.out.printf("imported %,d areas through the gateway in %.1f s%n", PROVINCE.areaCount(), importSeconds);
    }
}
