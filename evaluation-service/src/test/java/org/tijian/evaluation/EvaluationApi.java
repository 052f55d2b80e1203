package org.tijian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.dev.DemoUser;
import org.tijian.testing.TestInfrastructure;

/** The evaluation service's HTTP API as the integration tests call it: area imports and results. */
public final class EvaluationApi {

    /** What a test expects of one result; {@code problemWith} says what differs, or null. */
    public interface Expectation {

        String area();

        String indicator();

        String problemWith(Map<String, Object> actual);
    }

    private final int port;
    private final Duration wait;

    public EvaluationApi(int port, Duration wait) {
        this.port = port;
        this.wait = wait;
    }

    /** A provincial reviewer of the test provinces: 36 (Jiangxi) and 35, a made-up province of the report tests. */
    public static final DemoUser TEST_REVIEWER = new DemoUser("test-reviewer", "测试省级审查人员",
            List.of(Role.PROVINCIAL_REVIEWER), null, List.of("35", "36"), null);

    public WebTestClient asTestReviewer() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer "
                        + TestInfrastructure.get().tokens().tokenFor(TEST_REVIEWER, Duration.ofHours(1)))
                .build();
    }

    public WebTestClient as(String user) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor(user)).build();
    }

    /** Imports an area CSV as {@code admin} and waits until the import succeeded. */
    public void importTree(String csv) {
        String id = as("admin").post().uri("/api/evaluation/area-imports").contentType(new MediaType("text", "csv"))
                .bodyValue(csv).exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        Awaitility.await().atMost(wait).until(() -> "SUCCEEDED".equals(as("admin").get()
                .uri("/api/evaluation/area-imports/{id}", id).exchange().expectBody(Map.class).returnResult()
                .getResponseBody().get("status")));
    }

    public List<Map<String, Object>> results(int year, String area) {
        return asTestReviewer().get()
                .uri("/api/evaluation/results?checkYear={year}&areaCode={area}", year, area)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }

    public Map<String, Object> resultOrNull(int year, String area, String indicator) {
        return results(year, area).stream().filter(r -> indicator.equals(r.get("indicatorCode"))).findFirst()
                .orElse(null);
    }

    /** Waits until every expectation holds; then, or when time is up, asserts that none differs. */
    public void awaitResults(int year, List<? extends Expectation> expected) {
        List<String> problems = new ArrayList<>();
        try {
            Awaitility.await().atMost(wait).pollInterval(Duration.ofMillis(300)).until(() -> {
                problems.clear();
                for (Expectation e : expected) {
                    String problem = e.problemWith(resultOrNull(year, e.area(), e.indicator()));
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                return problems.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            assertThat(problems).as("results of %d that differ from the expected ones", year).isEmpty();
        }
    }
}
