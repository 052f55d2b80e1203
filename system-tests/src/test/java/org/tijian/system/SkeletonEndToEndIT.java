package org.tijian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tijian.standalone.Platform;
import org.tijian.standalone.PlatformConfig;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton through the gateway: a department posts an observation, evaluation judges it,
 * the ledger opens a problem, the project library drafts a project. The services run as separate
 * processes from their runnable jars, on one Kafka broker and one PostgreSQL server, with data in a
 * folder that survives a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkeletonEndToEndIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);

    private static PlatformConfig config;
    private static Platform platform;
    private static String firstProblemId;

    @BeforeAll
    static void startPlatform() throws Exception {
        config = TestPlatforms.freshConfig("e2e", "tijian.e2e.portOffset", 500);
        platform = Platform.start(config);
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

    private static String observation(String area, String dataElement, String value) {
        return """
                {"checkYear": 2025, "areaCode": "%s", "dataElement": "%s", "value": %s, "unit": "%%"}"""
                .formatted(area, dataElement, value);
    }

    private static List<JsonNode> problems(String area, String indicator) {
        var response = as("nanchang-official").get("/api/ledger/problems?areaCode=" + area + "&checkYear=2025");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode problem : response.json()) {
            if (area.equals(problem.get("areaCode").asString()) && indicator.equals(problem.get("indicatorCode").asString())) {
                matching.add(problem);
            }
        }
        return matching;
    }

    @Test
    @Order(2)
    void failingObservationBecomesAProblemAndADraftProject() {
        var posted = as("water-dept").postJson("/api/intake/observations", observation("3601", "U01", "64"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);

        JsonNode problem = Awaitility.await().atMost(PIPELINE).until(() -> problems("3601", "U01"), p -> p.size() == 1).get(0);
        assertThat(problem.get("description").asString()).isEqualTo("城市生活污水集中收集率：64%，未达到评价标准（>= 70%）");
        assertThat(problem.get("rectificationClass").asString()).isEqualTo("BEST_EFFORT");
        firstProblemId = problem.get("id").asString();

        var results = as("nanchang-official").get("/api/evaluation/results?checkYear=2025&areaCode=3601");
        assertThat(results.json().get(0).get("verdict").asString()).isEqualTo("FAIL");
        assertThat(results.json().get(0).get("observationIds").get(0).asString())
                .isEqualTo(posted.json().get("id").asString());

        JsonNode project = Awaitility.await().atMost(PIPELINE).until(
                () -> findProject(firstProblemId), found -> found != null);
        assertThat(project.get("name").asString()).isEqualTo("南昌市城市生活污水集中收集率整治项目");
        assertThat(project.get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    @Order(3)
    void theSameObservationPostedTwiceMakesOneProblem() {
        String area = "360102";
        assertThat(as("water-dept").postJson("/api/intake/observations", observation(area, "U01", "58")).status())
                .isEqualTo(201);
        assertThat(as("water-dept").postJson("/api/intake/observations", observation(area, "U01", "58")).status())
                .as("the same value again changes nothing").isEqualTo(200);
        // Events of one area stay in order through every hop, so once this later one has made its
        // problem, everything before it has been fully processed.
        assertThat(as("housing-dept").postJson("/api/intake/observations", observation(area, "U08", "60")).status())
                .isEqualTo(201);
        Awaitility.await().atMost(PIPELINE).until(() -> problems(area, "U08").size() == 1);

        assertThat(problems(area, "U01")).hasSize(1);
    }

    @Test
    @Order(4)
    void nothingAnswersThroughTheGatewayWithoutAToken() {
        var anonymous = new ApiClient(platform.gatewayUrl(), null);
        assertThat(anonymous.get("/api/ledger/problems?areaCode=3601&checkYear=2025").status()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/intake/observations", observation("3601", "U01", "1")).status()).isEqualTo(401);
        assertThat(as("nanchang-official").postJson("/api/intake/observations", observation("3601", "U01", "1")).status())
                .isEqualTo(403);

        // No service trusts the network: each one, called directly, wants a token too.
        for (String[] service : new String[][] {
                {"data-intake-service", "/api/intake/observations?areaCode=3601&checkYear=2025"},
                {"evaluation-service", "/api/evaluation/indicators"},
                {"ledger-service", "/api/ledger/problems?areaCode=3601&checkYear=2025"},
                {"project-library-service", "/api/projects/proposals?year=2026"},
                {"gateway", "/actuator/prometheus"}}) {
            var direct = new ApiClient(platform.serviceUrl(service[0]), null);
            assertThat(direct.get(service[1]).status()).as(service[0] + service[1]).isEqualTo(401);
            assertThat(direct.get("/actuator/prometheus").status()).as(service[0] + " metrics").isEqualTo(401);
            assertThat(direct.get("/actuator/health").status()).as(service[0] + " health").isEqualTo(200);
        }
    }

    /** Intake checks every observation against its copy of the areas and indicators: fill it first. */
    @Test
    @Order(1)
    void areasImportedIntoEvaluationReachIntakesCopy() {
        String csv = """
                code,name,level,parent_code,city_class
                36,江西省,PROVINCE,,
                3601,南昌市,CITY,36,PROVINCIAL_CAPITAL
                360102,东湖区,DISTRICT,3601,
                360102002,滕王阁街道,STREET,360102,
                360102002001,滕王阁第一社区,COMMUNITY,360102002,
                """;
        var admin = as("admin");
        var job = admin.post("/api/evaluation/area-imports", "text/csv", csv);
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        String jobPath = "/api/evaluation/area-imports/" + job.json().get("id").asString();
        Awaitility.await().atMost(PIPELINE)
                .until(() -> admin.get(jobPath).json().get("status").asString(), "SUCCEEDED"::equals);

        var copy = Awaitility.await().atMost(PIPELINE)
                .until(() -> as("water-dept").get("/api/intake/areas/360102002001"), response -> response.status() == 200);
        assertThat(copy.json().get("nameZh").asString()).isEqualTo("滕王阁第一社区");
        assertThat(copy.json().get("parentCode").asString()).isEqualTo("360102002");
        assertThat(as("water-dept").get("/api/intake/areas/3601").json().get("cityClass").asString())
                .isEqualTo("PROVINCIAL_CAPITAL");
        for (String indicator : List.of("U01", "U08")) {
            Awaitility.await().atMost(PIPELINE).until(
                    () -> as("water-dept").get("/api/intake/catalog/indicators/" + indicator).status() == 200);
        }
    }

    @Test
    @Order(5)
    void aRestartKeepsTheLedger() {
        platform.close();
        platform = Platform.start(config);

        var problem = as("nanchang-official").get("/api/ledger/problems/" + firstProblemId);
        assertThat(problem.status()).isEqualTo(200);
        assertThat(problem.json().get("indicatorCode").asString()).isEqualTo("U01");
        assertThat(findProject(firstProblemId)).isNotNull();
    }

    /**
     * The year's round trip across services: the draft holding the first problem is submitted as the city's batch,
     * approved by the executive meeting, issued to the water department, carried out and accepted; the project
     * library's ProjectCompleted reaches the ledger, which reports the problem fixed by the project.
     */
    @Test
    @Order(6)
    void aCompletedProjectReportsItsProblemFixedInTheLedger() {
        JsonNode draft = findProject(firstProblemId);
        String projectId = draft.get("id").asString();

        var batch = as("nanchang-official").postJson("/api/projects/batches",
                "{\"planYear\": 2026, \"areaCode\": \"3601\", \"reason\": \"2026 年项目库建议稿\"}");
        assertThat(batch.status()).as(batch.body()).isBetween(200, 201);
        assertThat(batch.json().get("projectIds").toString()).contains(projectId);
        var decision = as("approver").postJson("/api/projects/batches/" + batch.json().get("batchId").asString()
                + "/decision", "{\"action\": \"APPROVE\", \"resolutionNumber\": \"洪府常〔2026〕3号\", "
                + "\"resolutionDate\": \"2026-03-15\"}");
        assertThat(decision.status()).as(decision.body()).isEqualTo(200);

        act("nanchang-official", projectId, "{\"action\": \"ISSUE\", \"department\": \"water\"}");
        act("water-unit", projectId, "{\"action\": \"START\"}");
        JsonNode completed = act("water-unit", projectId, "{\"action\": \"COMPLETE\", "
                + "\"acceptanceRecord\": \"验收 2026-015：污水管网改造完成\", \"acceptedOn\": \"2026-10-30\"}");
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");

        JsonNode problem = Awaitility.await().atMost(PIPELINE).until(
                () -> as("nanchang-official").get("/api/ledger/problems/" + firstProblemId).json(),
                p -> "REPORTED_FIXED".equals(p.get("status").asString()));
        JsonNode last = problem.get("history").get(problem.get("history").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("PROJECT_COMPLETED");
        assertThat(last.get("actor").asString()).isEqualTo("project:" + projectId);
        assertThat(last.get("payload").get("acceptanceRecord").asString()).isEqualTo("验收 2026-015：污水管网改造完成");
    }

    /** A project action with the project's current version; expects 200. */
    private static JsonNode act(String user, String projectId, String action) {
        long version = as(user).get("/api/projects/" + projectId).json().get("version").asLong();
        var answer = as(user).postJson("/api/projects/" + projectId + "/actions",
                action.substring(0, action.length() - 1) + ", \"expectedVersion\": " + version + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode findProject(String problemId) {
        var library = as("nanchang-official").get("/api/projects/proposals?year=2026");
        assertThat(library.status()).isEqualTo(200);
        for (JsonNode project : library.json()) {
            for (JsonNode linked : project.get("problemIds")) {
                if (problemId.equals(linked.asString())) {
                    return project;
                }
            }
        }
        return null;
    }
}
