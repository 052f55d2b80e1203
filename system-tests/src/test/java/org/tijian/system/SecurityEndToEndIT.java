package org.tijian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tijian.standalone.Platform;
import org.tijian.standalone.PlatformConfig;
import tools.jackson.databind.JsonNode;

/**
 * The security suite through the gateway, against the real services: every route wants a token,
 * every role and scope is enforced with a reason, bad tokens are refused at the gateway and at each
 * service, a revoked API key stops at once, and the gateway limits rate and size. docs/security.md
 * lists these cases in a table; keep both in step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityEndToEndIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String NO_ID = "00000000-0000-0000-0000-000000000000";

    private Platform platform;
    private String problemOfAnotherUnit;

    @BeforeAll
    void startPlatform() throws Exception {
        PlatformConfig config = TestPlatforms.freshConfig("security", "tijian.security.portOffset", 600).toBuilder()
                .serviceArguments("gateway", List.of(
                        "--tijian.gateway.rate-limit.window=PT1H",
                        "--tijian.gateway.rate-limit.clients.sports-dept=3",
                        "--tijian.gateway.upload-limit=64KB"))
                .build();
        platform = Platform.start(config);
        importAreas();
        problemOfAnotherUnit = problemAssignedTo("housing");
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private ApiClient as(String user) {
        return new ApiClient(platform.gatewayUrl(), platform.tokenFor(user));
    }

    @Test
    @Order(1)
    void everyDocumentedRouteOfEveryServiceWantsAToken() {
        var anonymous = new ApiClient(platform.gatewayUrl(), null);
        List<String> checked = new ArrayList<>();
        for (String service : List.of("intake", "evaluation", "ledger", "projects", "gateway")) {
            var document = anonymous.get("/api/" + service + "/openapi");
            assertThat(document.status()).as(service + " publishes its OpenAPI document").isEqualTo(200);
            for (var path : document.json().get("paths").properties()) {
                if (path.getKey().startsWith("/auth/")) {
                    continue; // the API-key exchange and its public key: open by design
                }
                String concrete = path.getKey().replaceAll("\\{[^}]*[iI]d\\}", NO_ID).replaceAll("\\{[^}]+\\}", "3601");
                for (var operation : path.getValue().properties()) {
                    String method = operation.getKey().toUpperCase();
                    if (!HTTP_METHODS.contains(method)) {
                        continue;
                    }
                    var response = anonymous.send(method, concrete);
                    assertThat(response.status()).as(method + " " + concrete + ": " + response.body()).isEqualTo(401);
                    assertThat(response.json().get("code").asString()).isEqualTo("COMMON_E0401");
                    checked.add(method + " " + path.getKey());
                }
            }
        }
        assertThat(checked).as("routes checked").hasSizeGreaterThan(60);
    }

    /** user, method, path, JSON or CSV body, expected status, expected code, a word the reason names */
    record Denial(String user, String method, String path, String body, int status, String code, String reason) {

        @Override
        public String toString() {
            return user + " " + method + " " + path + " → " + status + " " + code;
        }
    }

    Stream<Denial> denials() {
        return Stream.of(
                // roles
                new Denial("water-dept", "POST", "/api/evaluation/area-imports", "code,name,level,parent_code\n", 403,
                        "COMMON_E0403", "/api/evaluation/area-imports"),
                new Denial("nanchang-official", "POST", "/api/intake/submissions?checkYear=2025", "dataElement,areaCode,value\n",
                        403, "COMMON_E0403", "/api/intake/submissions"),
                new Denial("nanchang-official", "PUT", "/api/evaluation/indicators/U01", "{}", 403, "COMMON_E0403",
                        "/api/evaluation/indicators/U01"),
                new Denial("water-unit", "POST", "/api/ledger/carry-overs", "{\"fromYear\":2024,\"toYear\":2025,\"areaCode\":\"3601\"}", 403,
                        "LEDGER_E4011", "RESPONSIBLE_UNIT"),
                new Denial("operator", "GET", "/api/ledger/problems?areaCode=3601&checkYear=2025", null, 403,
                        "LEDGER_E4011", "OPERATOR"),
                new Denial("water-dept", "POST", "/api/gateway/api-keys", "{\"name\":\"x\",\"department\":\"water\",\"areas\":[\"3601\"]}",
                        403, "COMMON_E0403", "/api/gateway/api-keys"),
                // areas
                new Denial("donghu-official", "GET", "/api/ledger/problems?areaCode=3601&checkYear=2025", null, 403,
                        "LEDGER_E4012", "3601"),
                new Denial("donghu-official", "GET", "/api/projects/proposals?year=2026&areaCode=3601", null, 403,
                        "PROJECTS_E5015", "3601"),
                new Denial("nanchang-official", "GET", "/api/evaluation/scorecards/3602/2025", null, 403, "COMMON_E0430",
                        "3602"),
                new Denial("nanchang-official", "GET", "/api/evaluation/results?checkYear=2025&areaCode=3602", null, 403,
                        "COMMON_E0430", "3602"),
                new Denial("nanchang-official", "GET", "/api/evaluation/comparison/36/2025", null, 403, "COMMON_E0430",
                        "36"),
                new Denial("nanchang-official", "GET", "/api/intake/completeness?checkYear=2025&areaCode=3602", null, 403,
                        "COMMON_E0430", "3602"),
                // departments
                new Denial("water-dept", "GET", "/api/intake/observations?areaCode=3602&checkYear=2025", null, 403,
                        "COMMON_E0430", "3602"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denials")
    @Order(2)
    void wrongRoleOrScopeIsRefusedWithAReason(Denial denial) {
        var response = as(denial.user()).send(denial.method(), denial.path(), denial.body());

        assertThat(response.status()).as(response.body()).isEqualTo(denial.status());
        assertThat(response.json().get("code").asString()).isEqualTo(denial.code());
        assertThat(response.json().get("detail").asString()).contains(denial.reason());
    }

    @Test
    @Order(3)
    void aDepartmentsRowsOutsideItsAreasAreRejectedByRow() {
        var batch = as("water-dept").post("/api/intake/submissions?checkYear=2025", "text/csv",
                "dataElement,areaCode,value,unit\nU01,3602,62,%\n");

        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        assertThat(batch.json().get("status").asString()).isEqualTo("REJECTED");
        JsonNode error = batch.json().get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("INTAKE_E1005");
        assertThat(error.get("rows").get(0).get("row").asInt()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void aUnitCannotWorkOnAnotherUnitsProblem() {
        var start = as("water-unit").postJson("/api/ledger/problems/" + problemOfAnotherUnit + "/actions",
                "{\"action\": \"START\", \"expectedVersion\": 3}");

        assertThat(start.status()).as(start.body()).isEqualTo(403);
        assertThat(start.json().get("code").asString()).isEqualTo("LEDGER_E4013");
        assertThat(start.json().get("detail").asString()).contains("housing");
    }

    @Test
    @Order(5)
    void expiredTamperedAndForeignTokensAreRefusedAtTheGatewayAndAtEachService() {
        var issuer = platform.issuer();
        Map<String, Object> claims = Map.of("sub", "nanchang-official", "roles", List.of("CITY_OFFICIAL"),
                "areas", List.of("3601"));
        String valid = platform.tokenFor("nanchang-official");
        Map<String, String> bad = Map.of(
                "expired", issuer.sign(claims, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1), issuer.issuer()),
                "wrong issuer", issuer.sign(claims, Instant.now(), Duration.ofHours(1), "https://sso.example.com/realms/x"),
                "tampered", valid.substring(0, valid.lastIndexOf('.') - 6) + "AAAAAA" + valid.substring(valid.lastIndexOf('.')));
        Map<String, String> targets = Map.of(
                platform.gatewayUrl(), "/api/ledger/problems?areaCode=3601&checkYear=2025",
                platform.serviceUrl("ledger-service"), "/api/ledger/problems?areaCode=3601&checkYear=2025",
                platform.serviceUrl("evaluation-service"), "/api/evaluation/indicators",
                platform.serviceUrl("data-intake-service"), "/api/intake/observations?areaCode=3601&checkYear=2025",
                platform.serviceUrl("project-library-service"), "/api/projects/proposals?year=2026");
        targets.forEach((base, path) -> {
            assertThat(new ApiClient(base, valid).get(path).status()).as("valid token at " + base).isEqualTo(200);
            bad.forEach((kind, token) -> {
                var response = new ApiClient(base, token).get(path);
                assertThat(response.status()).as(kind + " token at " + base).isEqualTo(401);
                assertThat(response.json().get("code").asString()).isEqualTo("COMMON_E0401");
            });
        });
    }

    @Test
    @Order(6)
    void aRevokedApiKeyStopsWorkingAtOnce() {
        var issued = as("admin").postJson("/api/gateway/api-keys",
                "{\"name\": \"南昌市水务局数据接口\", \"department\": \"water\", \"areas\": [\"3601\"]}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String key = issued.json().get("key").asString();
        String id = issued.json().get("apiKey").get("id").asString();

        String token = exchange(key).json().get("access_token").asString();
        var department = new ApiClient(platform.gatewayUrl(), token);
        var batch = department.post("/api/intake/submissions?checkYear=2025", "text/csv",
                "dataElement,areaCode,value,unit\nU01,360111,71,%\n");
        assertThat(batch.status()).as("a service accepts the gateway's API-key token: " + batch.body()).isEqualTo(201);
        assertThat(batch.json().get("submittedBy").asString()).isEqualTo("api-key:" + id);

        var revoked = as("admin").postJson("/api/gateway/api-keys/" + id + "/revocation", "{\"reason\": \"密钥泄露\"}");
        assertThat(revoked.status()).isEqualTo(200);

        var after = department.get("/api/intake/observations?areaCode=3601&checkYear=2025");
        assertThat(after.status()).as("the token of a revoked key, right after revocation").isEqualTo(401);
        var again = exchange(key);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().get("code").asString()).isEqualTo("GATEWAY_E0401");
        var listed = as("operator").get("/api/gateway/api-keys");
        assertThat(listed.body()).contains("密钥泄露").doesNotContain(key);
    }

    @Test
    @Order(7)
    void aClientOverItsRateLimitGets429WithRetryAfter() {
        var sports = as("sports-dept");
        String path = "/api/intake/completeness?checkYear=2025&areaCode=3601";
        for (int i = 0; i < 3; i++) {
            assertThat(sports.get(path).status()).isEqualTo(200);
        }

        var limited = sports.send("GET", path, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asString()).isEqualTo("GATEWAY_E0429");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(as("water-dept").get(path).status()).as("other clients are not limited").isEqualTo(200);
    }

    @Test
    @Order(8)
    void anOversizedUploadGets413() {
        String header = "dataElement,areaCode,value,unit\n";
        String rows = "U01,360111,71,%\n".repeat(80 * 1024 / 16);
        var response = as("water-dept").post("/api/intake/submissions?checkYear=2025", "text/csv", header + rows);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("GATEWAY_E0413");
        assertThat(response.json().get("detail").asString()).contains("64 KB");
    }

    @Test
    @Order(9)
    void aStoppedServiceIsNamedWhileOtherRoutesKeepWorking() {
        platform.kill("ledger-service");
        try {
            var ledger = as("nanchang-official").get("/api/ledger/problems?areaCode=3601&checkYear=2025");
            assertThat(ledger.status()).isEqualTo(503);
            assertThat(ledger.json().get("code").asString()).isEqualTo("GATEWAY_E0503");
            assertThat(ledger.json().get("detail").asString()).contains("ledger-service");
            assertThat(as("nanchang-official").get("/api/evaluation/results?checkYear=2025&areaCode=3601").status())
                    .isEqualTo(200);
        } finally {
            platform.restart("ledger-service");
        }
        Awaitility.await().atMost(PIPELINE).until(
                () -> as("nanchang-official").get("/api/ledger/problems?areaCode=3601&checkYear=2025").status() == 200);
    }

    private ApiClient.Response exchange(String key) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/auth/api-keys/token"))
                            .header("X-API-Key", key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void importAreas() {
        var admin = as("admin");
        var job = admin.post("/api/evaluation/area-imports", "text/csv", """
                code,name,level,parent_code,city_class
                36,江西省,PROVINCE,,
                3601,南昌市,CITY,36,PROVINCIAL_CAPITAL
                360102,东湖区,DISTRICT,3601,
                360111,青山湖区,DISTRICT,3601,
                3602,景德镇市,CITY,36,
                """);
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        String jobPath = "/api/evaluation/area-imports/" + job.json().get("id").asString();
        Awaitility.await().atMost(PIPELINE)
                .until(() -> admin.get(jobPath).json().get("status").asString(), "SUCCEEDED"::equals);
        Awaitility.await().atMost(PIPELINE)
                .until(() -> as("water-dept").get("/api/intake/areas/3602").status() == 200);
        Awaitility.await().atMost(PIPELINE)
                .until(() -> as("water-dept").get("/api/intake/catalog/indicators/U01").status() == 200);
    }

    /** A failing figure for 青山湖区, its problem confirmed and assigned by the city to the housing bureau. */
    private String problemAssignedTo(String unit) {
        var posted = as("water-dept").postJson("/api/intake/observations",
                "{\"checkYear\": 2025, \"areaCode\": \"360111\", \"dataElement\": \"U01\", \"value\": 55, \"unit\": \"%\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        var official = as("nanchang-official");
        JsonNode problem = Awaitility.await().atMost(PIPELINE).until(
                () -> official.get("/api/ledger/problems?areaCode=360111&checkYear=2025").json(),
                problems -> problems.size() == 1).get(0);
        String id = problem.get("id").asString();
        var confirmed = official.postJson("/api/ledger/problems/" + id + "/actions",
                "{\"action\": \"CONFIRM\", \"expectedVersion\": " + problem.get("version").asInt() + "}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        var assigned = official.postJson("/api/ledger/problems/" + id + "/actions",
                "{\"action\": \"ASSIGN\", \"unit\": \"" + unit + "\", \"deadline\": \"" + java.time.LocalDate.now().plusMonths(6) + "\", \"expectedVersion\": "
                        + confirmed.json().get("version").asInt() + "}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return id;
    }
}
