package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Topics;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.dev.DemoUser;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the ledger's integration tests share: one service context (so one Spring start for all of them) against the
 * real broker and PostgreSQL, a deadline check every second, a complaint threshold of 10 for topic PARKING (C08),
 * categories 安全耐久 and 健康 as safety findings, and helpers that act as evaluation, intake, officials and units would. Each test works in areas of its own.
 */
@TijianIntegrationTest(database = "ledger_it", properties = {
        "tijian.ledger.deadlines.check-interval=PT1S",
        "tijian.ledger.deadlines.initial-delay=PT1S",
        "tijian.ledger.classing.complaint-threshold=10",
        "tijian.ledger.classing.indicator-topics.C08=PARKING",
        "tijian.ledger.classing.deadline-days.H02=30",
        "tijian.ledger.classing.safety-category-words=安全耐久,健康"})
abstract class LedgerIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DATABASE = "ledger_it";
    /** A second unit, to prove that one unit cannot touch another's problems. */
    static final DemoUser HOUSING_UNIT = new DemoUser("housing-unit", "南昌市住建局（责任单位）", List.of(Role.RESPONSIBLE_UNIT),
            null, List.of("3601"), "housing");

    final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    /** A compound of its own below street 360111001 (its buildings extend its code by three digits). */
    static String newCompound() {
        return "360111001" + String.format("%03d%03d", ThreadLocalRandom.current().nextInt(1000),
                ThreadLocalRandom.current().nextInt(1000));
    }

    static IndicatorEvaluated result(int year, String area, String indicator, Verdict verdict, String value, int version,
            String severity) {
        AreaLevel level = area.length() >= 18 ? AreaLevel.BUILDING : AreaLevel.COMPOUND;
        return new IndicatorEvaluated(UUID.randomUUID(), version, year, area, indicator, "指标 " + indicator,
                Dimension.COMMUNITY, new BigDecimal(value), "个", verdict, ">= 1",
                verdict == Verdict.FAIL ? BigDecimal.ONE : null, value + " 对比 >= 1", RectificationClass.BEST_EFFORT,
                List.of(UUID.randomUUID()), Instant.now(), level, level, null, null, null, List.of(), null, 1,
                severity == null ? null : "现场发现问题", severity);
    }

    void deliver(UUID eventId, IndicatorEvaluated result) {
        deliver(result.areaCode(), eventId, result);
    }

    /** With another Kafka key: a result consumed only after everything sent before with {@code key}. */
    void deliver(String key, UUID eventId, IndicatorEvaluated result) {
        deliver(key, eventId, result, TraceParent.newRoot());
    }

    void deliver(String key, UUID eventId, IndicatorEvaluated result, TraceParent trace) {
        KafkaProbe.send(Topics.EVALUATION_RESULTS, key, json.writeValueAsString(result), Map.of(
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.TYPE, "org.tijian.evaluation.IndicatorEvaluated.v1",
                CloudEventHeaders.TRACEPARENT, trace.header()));
    }

    void deliver(IndicatorEvaluated result) {
        deliver(UUID.randomUUID(), result);
    }

    WebTestClient as(String username) {
        return client(TestInfrastructure.get().tokens().tokenFor(username));
    }

    WebTestClient as(DemoUser user) {
        return client(TestInfrastructure.get().tokens().tokenFor(user, Duration.ofHours(1)));
    }

    WebTestClient anonymous() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(WAIT).build();
    }

    private WebTestClient client(String token) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(WAIT)
                .defaultHeader("Authorization", "Bearer " + token).build();
    }

    JsonNode get(String username, String uri, Object... variables) {
        byte[] body = as(username).get().uri(uri, variables).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return json.readTree(body);
    }

    /** The problems of a year in an area's subtree, as the administrator sees them. */
    JsonNode problems(String area, int year) {
        return get("admin", "/api/ledger/problems?areaCode={area}&checkYear={year}&size=1000", area, year);
    }

    /** Waits for the one problem of an area and indicator in a year. */
    JsonNode awaitProblem(String area, int year, String indicator) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> one(area, year, indicator), found -> found != null);
    }

    JsonNode one(String area, int year, String indicator) {
        for (JsonNode problem : problems(area, year)) {
            if (problem.get("areaCode").asString().equals(area) && problem.get("indicatorCode").asString().equals(indicator)) {
                return problem;
            }
        }
        return null;
    }

    /** The total of a problem query ({@code X-Total-Count}), as {@code username} asks it. */
    long total(String username, String uri, Object... variables) {
        return Long.parseLong(as(username).get().uri(uri, variables).exchange().expectStatus().isOk()
                .returnResult(byte[].class).getResponseHeaders().getFirst("X-Total-Count"));
    }

    JsonNode problem(String id) {
        return get("admin", "/api/ledger/problems/{id}", id);
    }

    /** Posts an action with the problem's current version as If-Match; expects 200. */
    JsonNode act(String username, String id, Map<String, Object> body) {
        long version = problem(id).get("version").asLong();
        byte[] answer = as(username).post().uri("/api/ledger/problems/{id}/actions", id)
                .header("If-Match", "\"" + version + "\"").bodyValue(body).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return json.readTree(answer);
    }

    static Map<String, Object> action(String action, Object... more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("action", action);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    /** Confirm and assign (official), start and report fixed (unit water): a problem awaiting verification. */
    void reportFixed(String id) {
        act("nanchang-official", id, action("CONFIRM"));
        act("nanchang-official", id, action("ASSIGN", "unit", "water", "deadline", "2099-12-31"));
        act("water-unit", id, action("START"));
        act("water-unit", id, action("REPORT_FIXED", "text", "已整改", "evidence", List.of("evidence://1")));
    }

    List<String> historyActions(String id) {
        List<String> actions = new java.util.ArrayList<>();
        problem(id).get("history").forEach(entry -> actions.add(entry.get("action").asString()));
        return actions;
    }

    void sql(String statement) {
        try (Connection connection = DriverManager.getConnection(TestInfrastructure.get().jdbcUrl(DATABASE),
                TestInfrastructure.USER, TestInfrastructure.PASSWORD)) {
            connection.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String query) {
        try (Connection connection = DriverManager.getConnection(TestInfrastructure.get().jdbcUrl(DATABASE),
                TestInfrastructure.USER, TestInfrastructure.PASSWORD);
                var rows = connection.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything the ledger holds about an area's subtree: problem rows and history, as text, for before/after checks. */
    String snapshot(String area) {
        try (Connection connection = DriverManager.getConnection(TestInfrastructure.get().jdbcUrl(DATABASE),
                TestInfrastructure.USER, TestInfrastructure.PASSWORD);
                var rows = connection.createStatement().executeQuery(
                        "select (select coalesce(string_agg(p::text, E'\\n' order by p.id), '') from problem p "
                                + "where area_code like '" + area + "%') || E'\\n' || "
                                + "(select coalesce(string_agg(h::text, E'\\n' order by h.problem_id, h.version), '') "
                                + "from problem_history h join problem p on p.id = h.problem_id where p.area_code like '"
                                + area + "%') || E'\\n' || (select count(*) from outbox_event where message_key like '"
                                + area + "%')")) {
            rows.next();
            String text = rows.getString(1);
            assertThat(text).isNotNull();
            return text;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
